/**
 * The ScanResult of one scan, built from its facts, the rules' findings and
 * the scores: findings of disabled categories dropped, each given its gain and
 * its place in the fix list; the file summary; the scan's warnings.
 *
 * May: combine what it is given. May not: read, compute facts or scores.
 */
import type { ResolvedConfig } from "../config/index.js";
import { SCHEMA_VERSION, type ScanResult } from "../contract/result.js";
import type { Inventory } from "../discover/index.js";
import type { Facts } from "../facts/index.js";
import { findingGain } from "../score/gain.js";
import type { ScoreOutput } from "../score/index.js";
import { actionsToNextLevel, planActions } from "../score/actions.js";
import { rankFindings } from "../score/rank.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { RULES } from "../../rules/index.js";
import type { CollectedFinding } from "./collector.js";

/** What a ScanResult is made of. */
export interface ResultParts {
  root: string;
  facts: Facts;
  findings: readonly CollectedFinding[];
  scored: ScoreOutput;
  config: ResolvedConfig;
  /** Warnings besides the inventory's (the cache's). */
  warnings: readonly string[];
}

/** Builds the ScanResult. */
export function buildResult({ root, facts, findings, scored, config, warnings }: ResultParts): ScanResult {
  const enabled = new Set(
    scored.categories.filter((category) => config.categories[category.id].isEnabled).map((category) => category.id),
  );
  const kept = findings.filter((finding) => finding.category === "core" || enabled.has(finding.category));
  const commitsOf = (file: string) =>
    facts.history.status === "ok" ? (facts.history.files.get(file)?.commits ?? 0) : 0;
  const ranked = rankFindings(
    kept.map(({ cost, ...finding }) => ({ ...finding, gain: findingGain(finding.ruleId, cost, scored.categories) })),
    { effortOf: (ruleId) => RULES.find((rule) => rule.id === ruleId)?.effort ?? "medium", commitsOf },
  );
  const kinds = new Map(facts.inventory.files.map((file) => [file.path, file.kind]));
  const actions = planActions(
    ranked,
    kept.map((finding) => finding.cost),
    {
      ruleOf: (ruleId) => RULES.find((rule) => rule.id === ruleId),
      kindOf: (file) => kinds.get(file),
      commitsOf,
      categories: scored.categories,
    },
  );
  const level = scored.level?.next
    ? {
        ...scored.level,
        next: {
          ...scored.level.next,
          actions: actionsToNextLevel(scored.level, scored.score, scored.categories, actions),
        },
      }
    : scored.level;
  return {
    schemaVersion: SCHEMA_VERSION,
    scoringModel: scored.scoringModel,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root,
    commit: facts.inventory.commit,
    score: scored.score,
    level,
    categories: scored.categories,
    findings: ranked,
    actions,
    files: fileSummary(facts.inventory, facts),
    warnings: [...facts.inventory.warnings, ...noSourceWarning(root, facts), ...warnings],
  };
}

/** A scan that found nothing to parse says so: an empty score is otherwise easy to misread. */
function noSourceWarning(root: string, facts: Facts): string[] {
  if (facts.modules.some((module) => module.kind === "source")) return [];
  return [`${root}: no JavaScript or TypeScript source file to analyse; the code categories are not applicable`];
}

function fileSummary(inventory: Inventory, facts: Facts): ScanResult["files"] {
  const byKind: Record<string, number> = {};
  for (const file of inventory.files) byKind[file.kind] = (byKind[file.kind] ?? 0) + 1;
  const skipped: Record<string, number> = {};
  for (const file of inventory.skipped) skipped[file.reason] = (skipped[file.reason] ?? 0) + 1;
  return {
    listedBy: inventory.lister,
    total: inventory.files.length + inventory.skipped.length,
    parsed: facts.modules.length,
    ...(facts.cachedModules > 0 ? { cached: facts.cachedModules } : {}),
    byKind: sortKeys(byKind),
    skipped: sortKeys(skipped),
    skippedFiles: inventory.skipped
      .filter((file) => file.reason !== "node_modules" && file.reason !== "build-output")
      .map((file) =>
        file.detail
          ? { path: file.path, reason: file.reason, detail: file.detail }
          : { path: file.path, reason: file.reason },
      ),
    scopes: scopeGroups(inventory),
  };
}

/** Code files grouped by kind and the reason for it (a reason repeats for thousands of files). */
function scopeGroups(inventory: Inventory): ScanResult["files"]["scopes"] {
  const groups = new Map<string, { kind: string; why: string; files: string[] }>();
  for (const file of inventory.files) {
    if (file.why === undefined) continue;
    const key = `${file.kind}\0${file.why}`;
    const group = groups.get(key) ?? { kind: file.kind, why: file.why, files: [] };
    group.files.push(file.path);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) => ({ ...group, files: group.files.sort() }));
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}
