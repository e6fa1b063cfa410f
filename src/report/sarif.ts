import type * as Sarif from "sarif";
import type { Finding, ScanResult } from "../contract/result.js";
import { RULES } from "../../rules/index.js";

const LEVELS: Record<Finding["severity"], Sarif.ReportingConfiguration.level> = {
  error: "error",
  warning: "warning",
  info: "note",
};

/**
 * SARIF 2.1.0: one rule entry per rule (description, help), one result per
 * finding with its fingerprint as a partial fingerprint, and related locations
 * for clone pairs and cycles. Paths are relative to SRCROOT, the repository's
 * root, which the file leaves unnamed: no path of the machine that ran the scan
 * goes into a file uploaded elsewhere (code scanning resolves them against the
 * repository).
 */
export function renderSarif(result: ScanResult): string {
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  const log: Sarif.Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "Groundwork",
            version: result.tool.version,
            semanticVersion: result.tool.version,
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/[/-](\w)/g, (_, letter: string) => letter.toUpperCase()),
              shortDescription: { text: rule.description },
              fullDescription: { text: `${rule.description} ${rule.why}` },
              help: { text: rule.why, markdown: `**Why an agent cares:** ${rule.why}` },
              defaultConfiguration: { level: LEVELS[rule.severity] },
              properties: { category: rule.category, effort: rule.effort, tags: ["agent-readiness", rule.category] },
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { description: { text: "The root of the scanned repository." } } },
        results: result.findings.map((finding) => toResult(finding, ruleIndex.get(finding.ruleId))),
        properties: {
          score: result.score,
          level: result.level?.name ?? null,
          scoringModel: result.scoringModel,
          ...(result.commit ? { commit: result.commit } : {}),
        },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function toResult(finding: Finding, ruleIndex: number | undefined): Sarif.Result {
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVELS[finding.severity],
    message: { text: `${finding.message}. Fix: ${finding.fix}` },
    locations: [location(finding.file, finding.line, finding.column)],
    ...(finding.related
      ? {
          relatedLocations: finding.related.map((related, index) => ({
            id: index + 1,
            ...location(related.file, related.line, related.column),
            message: { text: related.message },
          })),
        }
      : {}),
    partialFingerprints: { "groundwork/v1": finding.fingerprint },
    ...(finding.status ? { baselineState: finding.status === "new" ? "new" : "unchanged" } : {}),
    properties: {
      category: finding.category,
      gain: finding.gain,
      rank: finding.rank,
      effort: finding.effort,
      fix: finding.fix,
    },
  };
}

function location(file: string, line: number, column: number): Sarif.Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: "SRCROOT" },
      region: { startLine: line, startColumn: column },
    },
  };
}
