import type { Finding, ScanResult } from "../contract/result.js";
import { inFixOrder } from "../score/rank.js";
import { baselineSentence, findingItem } from "./fixes.js";

const COMMANDS: Record<Finding["severity"], string> = { error: "error", warning: "warning", info: "notice" };

/** Annotations of one kind (error, warning, notice) GitHub Actions shows per step; the rest it drops silently. */
export const ANNOTATIONS_PER_KIND = 10;

/**
 * The findings to annotate and the ones left out: per kind, the first
 * ANNOTATIONS_PER_KIND in fix order (with a baseline, of the new findings
 * only, so a pull request shows what it added).
 */
export function annotationSplit(result: ScanResult): { annotated: Finding[]; left: Finding[] } {
  const candidates = inFixOrder(
    result.baseline ? result.findings.filter((finding) => finding.status === "new") : result.findings,
  );
  const perKind = new Map<string, number>();
  const annotated: Finding[] = [];
  const left: Finding[] = [];
  for (const finding of candidates) {
    const count = perKind.get(finding.severity) ?? 0;
    if (count < ANNOTATIONS_PER_KIND) annotated.push(finding);
    else left.push(finding);
    perKind.set(finding.severity, count + 1);
  }
  return { annotated, left };
}

/**
 * GitHub Actions workflow commands: one annotation per finding in fix order,
 * at most what GitHub shows per step, then a one-line summary that says how
 * many were not annotated. The CLI also writes the Markdown report, with those
 * left out, to the job summary when GITHUB_STEP_SUMMARY is set.
 */
export function renderGithub(result: ScanResult): string {
  const { annotated, left } = annotationSplit(result);
  const lines = annotated.map((finding) => {
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
  const notShown =
    left.length > 0
      ? `; ${left.length} not annotated (GitHub shows ${ANNOTATIONS_PER_KIND} errors, ${ANNOTATIONS_PER_KIND} warnings and ${ANNOTATIONS_PER_KIND} notices per step), listed in the job summary`
      : "";
  lines.push(`Groundwork: readiness ${score}${level}, ${findings}${baseline}${notShown}`);
  return `${lines.join("\n")}\n`;
}

/** The findings the annotations left out, as a Markdown list for the job summary (at most `max`). */
export function leftOutMarkdown(result: ScanResult, max = 1000): string {
  const { left } = annotationSplit(result);
  if (left.length === 0) return "";
  const lines = ["", `### Not annotated (${left.length})`, ""];
  for (const finding of left.slice(0, max)) lines.push(findingItem(finding));
  if (left.length > max)
    lines.push(`- _…and ${left.length - max} more: \`groundwork fixes --by finding\` lists them._`);
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
