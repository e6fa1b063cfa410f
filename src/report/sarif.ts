import type * as Sarif from "sarif";
import type { Finding, ScanResult } from "../contract/result.js";
import { inFixOrder } from "../score/rank.js";
import { RULES } from "../../rules/index.js";

/**
 * Results per run GitHub code scanning stores (it rejects a run of more than
 * 25,000 and keeps the top 5,000 by severity): `--max-results` overrides it.
 */
export const DEFAULT_MAX_RESULTS = 5000;

/** Locations GitHub keeps per result (of at most 1,000 accepted). */
const MAX_RELATED = 100;

const OMITTED_ID = "groundwork/omitted-results";

/** The rule of the one result that stands for the findings past --max-results. */
const OMITTED_RULE: Sarif.ReportingDescriptor = {
  id: OMITTED_ID,
  name: "OmittedResults",
  shortDescription: { text: "Findings left out of this file by --max-results." },
  fullDescription: {
    text: "The file holds the top findings by rank; the others are in the JSON result and `groundwork fixes`.",
  },
  help: { text: "Run `groundwork fixes --by finding` or `--format json` for every finding." },
  defaultConfiguration: { level: "note" },
};

function omittedResult(omitted: number, total: number, ruleIndex: number): Sarif.Result {
  return {
    ruleId: OMITTED_ID,
    ruleIndex,
    level: "note",
    message: {
      text: `${omitted} of ${total} findings are not in this file (--max-results keeps the top ${total - omitted} by rank); \`groundwork fixes --by finding\` lists them all.`,
    },
    locations: [location(".", 1, 1)],
    partialFingerprints: { "groundwork/v1": "0000000000000000" },
  };
}

const LEVELS: Record<Finding["severity"], Sarif.ReportingConfiguration.level> = {
  error: "error",
  warning: "warning",
  info: "note",
};

/** What the SARIF file takes from outside the result: the rules' docs pages, the repository's public address. */
export interface SarifContext {
  /** At most this many results; default DEFAULT_MAX_RESULTS. */
  maxResults?: number | undefined;
  /** Each rule's documentation page (Markdown) by rule id, embedded as its help. */
  docs?: ReadonlyMap<string, string> | undefined;
  /** The repository's public URI (see publicRepositoryUri), for versionControlProvenance. */
  repositoryUri?: string | null | undefined;
  /** The public address of the docs/rules folder (config `report.docsUrl`): each rule's page under it is its helpUri. */
  docsUrl?: string | null | undefined;
}

/** A rule's page under the configured docs address: `docs/rules/cycles/import-cycle.md` under `https://host/docs/rules`. */
export function helpUri(docsUrl: string, docsPath: string): string {
  const base = docsUrl.endsWith("/") ? docsUrl : `${docsUrl}/`;
  return new URL(docsPath.replace(/^docs\/rules\//, ""), base).href;
}

/**
 * A git remote's URL as a public repository URI, or null: https and ssh
 * remotes without their credentials, `git@host:owner/repo.git` as
 * `https://host/owner/repo`; a local path or file: remote is a path of this
 * machine and is never given.
 */
export function publicRepositoryUri(remote: string): string | null {
  const text = remote.trim();
  const scp = /^[\w.-]+@([\w.-]+):(?!\/)(.+)$/.exec(text);
  if (scp) return `https://${scp[1]}/${(scp[2] ?? "").replace(/\.git$/, "")}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (!["https:", "http:", "ssh:", "git:"].includes(url.protocol)) return null;
  return `https://${url.hostname}${url.pathname.replace(/\.git$/, "")}`;
}

/**
 * SARIF 2.1.0: one rule entry per rule (description, help), one result per
 * finding with its fingerprint as a partial fingerprint, and related locations
 * for clone pairs and cycles. Paths are relative to SRCROOT, the repository's
 * root, which the file leaves unnamed: no path of the machine that ran the scan
 * goes into a file uploaded elsewhere (code scanning resolves them against the
 * repository).
 */
export function renderSarif(result: ScanResult, context: SarifContext = {}): string {
  const maxResults = context.maxResults ?? DEFAULT_MAX_RESULTS;
  const ruleIndex = new Map(RULES.map((rule, index) => [rule.id, index]));
  // Past the limit: the top results by rank, and one result that says how many were left out and where to see them.
  const total = result.findings.length;
  const top = total > maxResults ? new Set(inFixOrder(result.findings).slice(0, Math.max(0, maxResults - 1))) : null;
  const kept = top ? result.findings.filter((finding) => top.has(finding)) : result.findings;
  const omitted = total - kept.length;
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
            rules: [
              ...RULES.map((rule) => ({
                id: rule.id,
                name: rule.id.replace(/[/-](\w)/g, (_, letter: string) => letter.toUpperCase()),
                shortDescription: { text: rule.description },
                fullDescription: { text: `${rule.description} ${rule.why}` },
                ...(context.docsUrl ? { helpUri: helpUri(context.docsUrl, rule.docsPath) } : {}),
                help: helpOf(rule, context.docs?.get(rule.id)),
                defaultConfiguration: { level: LEVELS[rule.severity] },
                properties: { category: rule.category, effort: rule.effort, tags: ["agent-readiness", rule.category] },
              })),
              ...(omitted > 0 ? [OMITTED_RULE] : []),
            ],
          },
        },
        originalUriBaseIds: { SRCROOT: { description: { text: "The root of the scanned repository." } } },
        ...(context.repositoryUri && result.commit
          ? { versionControlProvenance: [{ repositoryUri: context.repositoryUri, revisionId: result.commit }] }
          : {}),
        results: [
          ...kept.map((finding) => toResult(finding, ruleIndex.get(finding.ruleId))),
          ...(omitted > 0 ? [omittedResult(omitted, total, RULES.length)] : []),
        ],
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

/** A rule's help: its docs page when given, else why an agent cares. */
function helpOf(rule: (typeof RULES)[number], page: string | undefined): Sarif.MultiformatMessageString {
  if (page === undefined) return { text: rule.why, markdown: `**Why an agent cares:** ${rule.why}` };
  return { text: page, markdown: page };
}

function toResult(finding: Finding, ruleIndex: number | undefined): Sarif.Result {
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: LEVELS[finding.severity],
    message: { text: `${finding.message}. Fix: ${finding.fix}` },
    locations: [location(finding.file, finding.line, finding.column, finding.endLine)],
    ...(finding.related
      ? {
          relatedLocations: finding.related.slice(0, MAX_RELATED).map((related, index) => ({
            id: index + 1,
            ...location(related.file, related.line, related.column, related.endLine),
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

function location(file: string, line: number, column: number, endLine?: number): Sarif.Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: "SRCROOT" },
      region: { startLine: line, startColumn: column, ...(endLine !== undefined ? { endLine } : {}) },
    },
  };
}
