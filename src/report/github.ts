import type { Finding, ScanResult } from "../contract/result.js";
import { inFixOrder } from "../score/rank.js";
import { baselineSentence } from "./fixes.js";

const COMMANDS: Record<Finding["severity"], string> = { error: "error", warning: "warning", info: "notice" };

/**
 * GitHub Actions workflow commands: one annotation per finding in fix order
 * (with a baseline, per new finding only, so a pull request shows what it
 * added), then a one-line summary. The CLI also writes the Markdown report to
 * the job summary when GITHUB_STEP_SUMMARY is set.
 */
export function renderGithub(result: ScanResult): string {
  const annotated = result.baseline ? result.findings.filter((finding) => finding.status === "new") : result.findings;
  const lines = inFixOrder(annotated).map((finding) => {
    const properties = [
      `file=${property(finding.file)}`,
      `line=${finding.line}`,
      `col=${finding.column}`,
      `title=${property(`${finding.ruleId} (+${finding.gain.toFixed(1)})`)}`,
    ].join(",");
    return `::${COMMANDS[finding.severity]} ${properties}::${data(`${finding.message}. Fix: ${finding.fix}`)}`;
  });
  const score = result.score === null ? "not scored" : `${result.score.toFixed(1)}/100`;
  const level = result.level ? `, level ${result.level.rank} ${result.level.name}` : "";
  const findings = `${result.findings.length} finding${result.findings.length === 1 ? "" : "s"}`;
  const baseline = result.baseline ? `; ${baselineSentence(result)} (only new findings annotated)` : "";
  lines.push(`Groundwork: readiness ${score}${level}, ${findings}${baseline}`);
  return `${lines.join("\n")}\n`;
}

/** Escapes a workflow-command message. */
function data(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow-command property value. */
function property(text: string): string {
  return data(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
