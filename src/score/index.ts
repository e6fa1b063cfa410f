/**
 * Score: category scores from measured ratios, the overall score and the level.
 *
 * May: compute from tallies, metrics and config. Deterministic: same inputs, same numbers.
 * May not: read files, run rules, print. The model is written down in docs/scoring.md.
 */
import { createHash } from "node:crypto";
import { CATEGORIES, categoryInfo, type CategoryId } from "../contract/categories.js";
import type { ResolvedConfig } from "../config/index.js";
import type { RuleTally } from "../../rules/define-rule.js";
import type { CategoryResult, CheckResult, LevelResult } from "../contract/result.js";
import { DEFAULT_GRAPH_SETTINGS } from "../facts/graph/types.js";
import { DEFAULT_HISTORY_SETTINGS } from "../facts/history/index.js";
import type { Facts } from "../facts/index.js";
import type { Rule } from "../../rules/index.js";
import { levelFor } from "./levels.js";
import {
  contextMetrics,
  cyclesMetrics,
  docsMetrics,
  duplicationMetrics,
  hotspotsMetrics,
  interfacesMetrics,
  testsMetrics,
} from "./metrics.js";

export { LEVELS, levelFor, type LevelDefinition } from "./levels.js";

/** Version of the scoring model; bumped whenever the same facts would score differently. */
export const SCORING_MODEL_VERSION = "6";

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
  context: "no files to check",
};

/** Scores every category, then the overall score (weighted mean of applicable categories) and the level. */
export function score(input: ScoreInput): ScoreOutput {
  // Exact scores are carried through the weighted means; only what is shown is rounded.
  const exact = CATEGORIES.map((info) => scoreCategory(info.id, input));
  const categories = exact.map(({ category, exactScore }) => ({
    ...category,
    score: exactScore === null ? null : round1(exactScore),
  }));
  const weighted = exact.filter(({ category, exactScore }) => exactScore !== null && category.weight > 0);
  const totalWeight = weighted.reduce((sum, { category }) => sum + category.weight, 0);
  const overall =
    totalWeight === 0
      ? null
      : round1(
          weighted.reduce((sum, { category, exactScore }) => sum + (exactScore ?? 0) * category.weight, 0) /
            totalWeight,
        );
  return {
    scoringModel: scoringModelLabel(input.config),
    categories,
    score: overall,
    level: levelFor(overall, categories),
  };
}

function scoreCategory(id: CategoryId, input: ScoreInput): { category: CategoryResult; exactScore: number | null } {
  const { config } = input;
  const info = categoryInfo(id);
  const setting = config.categories[id];
  const base = { name: info.name, weight: setting.weight, score: null };
  const notScored = (reason: string, checks: CheckResult[]): { category: CategoryResult; exactScore: null } => ({
    category: withMetrics(id, { ...base, reason, checks }, input),
    exactScore: null,
  });
  if (!info.isImplemented) return notScored("not implemented", []);
  if (!setting.isEnabled) return notScored("disabled in config", []);
  const rules = input.rules.filter((rule) => rule.category === id && rule.weight > 0);
  const exact = rules.map((rule) => ({ rule, ratio: passedShare(rule, input) }));
  const checks = rules.map((rule) => checkOf(rule, input));
  const applicable = exact.filter((entry): entry is { rule: Rule; ratio: number } => entry.ratio !== null);
  const totalWeight = applicable.reduce((sum, { rule }) => sum + rule.weight, 0);
  if (totalWeight === 0) return notScored(noEvidence(id, input.facts), checks);
  const exactScore = (100 * applicable.reduce((sum, { rule, ratio }) => sum + ratio * rule.weight, 0)) / totalWeight;
  return { category: withMetrics(id, { ...base, score: round1(exactScore), checks }, input), exactScore };
}

/** 1 − failed / examined for a rule that ran and examined something, else null. */
function passedShare(rule: Rule, input: ScoreInput): number | null {
  const tally = input.tallies.get(rule.id);
  if (!tally || tally.examined === 0 || input.config.rules.get(rule.id)?.severity === "off") return null;
  return 1 - Math.min(tally.failed, tally.examined) / tally.examined;
}

function noEvidence(id: CategoryId, facts: Facts): string {
  if (id === "duplication" && facts.clones.status === "unavailable") return `not measured: ${facts.clones.reason}`;
  if (id === "hotspots" && facts.history.status === "unavailable") return facts.history.reason;
  return NO_EVIDENCE[id];
}

function checkOf(rule: Rule, input: ScoreInput): CheckResult {
  const tally = input.tallies.get(rule.id);
  const ratio = passedShare(rule, input);
  if (!tally || input.config.rules.get(rule.id)?.severity === "off") {
    return { ruleId: rule.id, weight: rule.weight, examined: 0, failed: 0, score: null };
  }
  // Costs can be fractional (half a README, a third of a hotspot's changes): show three decimals.
  const failed = Math.round(Math.min(tally.failed, tally.examined) * 1000) / 1000;
  return {
    ruleId: rule.id,
    weight: rule.weight,
    examined: tally.examined,
    failed,
    score: ratio === null ? null : round1(100 * ratio),
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
  return { id, ...core, metrics: contextMetrics(input.facts, input.tallies) };
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
    ...(config.clones.minTokens !== null || config.clones.minLines !== null || config.clones.engine !== "builtin"
      ? {
          clones: {
            minTokens: config.clones.minTokens,
            minLines: config.clones.minLines,
            ...(config.clones.engine === "builtin" ? {} : { engine: config.clones.engine }),
          },
        }
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
