import type { CategoryResult } from "../contract/result.js";

/**
 * Points the overall score rises if one finding alone is fixed. Scores are
 * linear in each rule's failed share, so the gain is exact:
 * 100 × cost / examined × (rule weight / applicable rule weights in the category)
 * × (category weight / applicable category weights).
 */
export function findingGain(ruleId: string, cost: number, categories: readonly CategoryResult[]): number {
  const category = categories.find((candidate) => candidate.checks.some((check) => check.ruleId === ruleId));
  if (!category || category.score === null || category.weight === 0) return 0;
  const check = category.checks.find((candidate) => candidate.ruleId === ruleId);
  if (!check || check.score === null || check.examined === 0) return 0;
  const ruleWeights = category.checks.reduce(
    (sum, candidate) => sum + (candidate.score === null ? 0 : candidate.weight),
    0,
  );
  const categoryWeights = categories.reduce(
    (sum, candidate) => sum + (candidate.score === null ? 0 : candidate.weight),
    0,
  );
  if (ruleWeights === 0 || categoryWeights === 0) return 0;
  const checkGain = (100 * Math.min(cost, check.failed)) / check.examined;
  const gain = checkGain * (check.weight / ruleWeights) * (category.weight / categoryWeights);
  return Math.round(gain * 100) / 100;
}
