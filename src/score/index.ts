/**
 * Score: category scores from measured ratios, the overall score and the level.
 *
 * May: compute from tallies, metrics and config. Deterministic: same inputs, same numbers.
 * May not: read files, run rules, print. The model is written down in docs/scoring.md.
 */
import { createHash } from "node:crypto";
import { CATEGORIES, categoryInfo, type CategoryId } from "../categories.js";
import type { ResolvedConfig } from "../config/index.js";
import type { RuleTally } from "../engine/collector.js";
import type { CategoryResult, CheckResult, LevelResult } from "../engine/result.js";
import { DEFAULT_GRAPH_SETTINGS } from "../facts/graph/index.js";
import { DEFAULT_HISTORY_SETTINGS } from "../facts/history/index.js";
import type { Facts } from "../facts/index.js";
import type { Rule } from "../../rules/index.js";
import { levelFor } from "./levels.js";
import {
  cyclesMetrics,
  docsMetrics,
  duplicationMetrics,
  hotspotsMetrics,
  interfacesMetrics,
  testsMetrics,
} from "./metrics.js";

export { LEVELS, levelFor, type LevelDefinition } from "./levels.js";

/** Version of the scoring model; bumped whenever the same facts would score differently. */
export const SCORING_MODEL_VERSION = "1";

/** What scoring needs. */
export interface ScoreInput {
  facts: Facts;
  tallies: ReadonlyMap<string, RuleTally>;
  config: ResolvedConfig;
  rules: readonly Rule[];
}

/** Category scores, overall score and level. */
export interface ScoreOutput {
  scoringModel: string;
  categories: CategoryResult[];
  score: number | null;
  level: LevelResult | null;
}

const NO_EVIDENCE: Record<CategoryId, string> = {
  interfaces: "no source files were parsed",
  docs: "no files to analyse",
  tests: "no source file with code to test, and no package to run tests in",
  cycles: "no modules to link",
  duplication: "no source files to compare",
  hotspots: "no changed source file with code in the history window",
  context: "nothing to check",
};

/** Scores every category, then the overall score (weighted mean of applicable categories) and the level. */
export function score(input: ScoreInput): ScoreOutput {
  const categories = CATEGORIES.map((info) => scoreCategory(info.id, input));
  const weighted = categories.filter((category) => category.score !== null && category.weight > 0);
  const totalWeight = weighted.reduce((sum, category) => sum + category.weight, 0);
  const overall =
    totalWeight === 0
      ? null
      : round1(weighted.reduce((sum, category) => sum + (category.score ?? 0) * category.weight, 0) / totalWeight);
  return {
    scoringModel: scoringModelLabel(input.config),
    categories,
    score: overall,
    level: levelFor(overall, categories),
  };
}

function scoreCategory(id: CategoryId, input: ScoreInput): CategoryResult {
  const { config } = input;
  const info = categoryInfo(id);
  const setting = config.categories[id];
  const base = { name: info.name, weight: setting.weight };
  if (!info.isImplemented)
    return withMetrics(id, { ...base, score: null, reason: "not implemented", checks: [] }, input);
  if (!setting.isEnabled)
    return withMetrics(id, { ...base, score: null, reason: "disabled in config", checks: [] }, input);
  const checks = input.rules
    .filter((rule) => rule.category === id && rule.weight > 0)
    .map((rule) => checkOf(rule, input));
  const applicable = checks.filter((check): check is CheckResult & { score: number } => check.score !== null);
  const totalWeight = applicable.reduce((sum, check) => sum + check.weight, 0);
  if (totalWeight === 0)
    return withMetrics(id, { ...base, score: null, reason: noEvidence(id, input.facts), checks }, input);
  const categoryScore = round1(applicable.reduce((sum, check) => sum + check.score * check.weight, 0) / totalWeight);
  return withMetrics(id, { ...base, score: categoryScore, checks }, input);
}

function noEvidence(id: CategoryId, facts: Facts): string {
  if (id === "duplication" && facts.clones.status === "unavailable") return `not measured: ${facts.clones.reason}`;
  if (id === "hotspots" && facts.history.status === "unavailable") return facts.history.reason;
  return NO_EVIDENCE[id];
}

function checkOf(rule: Rule, input: ScoreInput): CheckResult {
  const setting = input.config.rules.get(rule.id);
  const tally = input.tallies.get(rule.id);
  if (!tally || setting?.severity === "off")
    return { ruleId: rule.id, weight: rule.weight, examined: 0, failed: 0, score: null };
  const failed = Math.min(tally.failed, tally.examined);
  return {
    ruleId: rule.id,
    weight: rule.weight,
    examined: tally.examined,
    failed,
    score: tally.examined === 0 ? null : round1(100 * (1 - failed / tally.examined)),
  };
}

type CategoryCore = Omit<CategoryResult, "id" | "metrics">;

function withMetrics(id: CategoryId, core: CategoryCore, input: ScoreInput): CategoryResult {
  if (id === "interfaces") return { id, ...core, metrics: interfacesMetrics(input.facts, input.tallies) };
  if (id === "docs") return { id, ...core, metrics: docsMetrics(input.facts, input.tallies) };
  if (id === "cycles") return { id, ...core, metrics: cyclesMetrics(input.facts) };
  if (id === "duplication") return { id, ...core, metrics: duplicationMetrics(input.facts) };
  if (id === "tests") return { id, ...core, metrics: testsMetrics(input.facts) };
  if (id === "hotspots") return { id, ...core, metrics: hotspotsMetrics(input.facts) };
  return { id, ...core, metrics: {} };
}

/**
 * The scoring model label: the model version, plus a short hash of any config
 * that changes how the same facts score (weights, disabled categories, rule
 * settings), so results scored differently are never compared as equals.
 */
export function scoringModelLabel(config: ResolvedConfig): string {
  const weights = CATEGORIES.filter((info) => {
    const setting = config.categories[info.id];
    return setting.weight !== info.weight || !setting.isEnabled;
  }).map((info) => [info.id, config.categories[info.id]]);
  const rules = [...config.rules]
    .filter(([, setting]) => setting.severity === "off" || hasOptions(setting.options))
    .map(([id, setting]) => [id, setting.severity === "off" ? "off" : setting.options])
    .sort(([a], [b]) => (String(a) < String(b) ? -1 : 1));
  const facts = {
    ...(config.graph.includeTypeOnly !== DEFAULT_GRAPH_SETTINGS.includeTypeOnly ||
    config.graph.includeDynamic !== DEFAULT_GRAPH_SETTINGS.includeDynamic
      ? { graph: config.graph }
      : {}),
    ...(config.clones.minTokens !== null || config.clones.minLines !== null
      ? { clones: { minTokens: config.clones.minTokens, minLines: config.clones.minLines } }
      : {}),
    ...(JSON.stringify(config.history) !== JSON.stringify(DEFAULT_HISTORY_SETTINGS) ? { history: config.history } : {}),
  };
  if (weights.length === 0 && rules.length === 0 && Object.keys(facts).length === 0) return SCORING_MODEL_VERSION;
  const payload = Object.keys(facts).length === 0 ? { weights, rules } : { weights, rules, facts };
  const digest = createHash("sha256").update(JSON.stringify(payload)).digest("hex").slice(0, 8);
  return `${SCORING_MODEL_VERSION}+custom.${digest}`;
}

function hasOptions(options: unknown): boolean {
  return typeof options === "object" && options !== null && Object.keys(options).length > 0;
}

/** Rounds to one decimal place. */
export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
