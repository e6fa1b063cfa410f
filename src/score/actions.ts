/**
 * The fix plan: findings grouped into actions, each one change for one person
 * or agent task (the findings of one rule over one scope), with the score
 * points the whole action buys and how much its scope changes, ranked.
 *
 * May: group, compute gains from the scoring model, rank. May not: read files.
 */
import { posix } from "node:path";
import type { Action, CategoryResult, Finding, LevelResult } from "../contract/result.js";
import { EFFORT_ORDER, type Effort } from "../contract/vocabulary.js";
import { fill } from "../template.js";
import type { ActionSpec } from "../../rules/define-rule.js";
import { findingGain } from "./gain.js";
import { LEVELS } from "./levels.js";

/** What planning needs besides the findings. */
export interface PlanContext {
  /** The rule's effort class and action spec. */
  ruleOf(ruleId: string): { effort: Effort; action: ActionSpec } | undefined;
  /** The kind of a file (source, test, fixture…), undefined for a path that is not a listed file. */
  kindOf(file: string): string | undefined;
  /** How many commits of the history window touched the file (0 without history). */
  commitsOf(file: string): number;
  categories: readonly CategoryResult[];
}

/** How much more than its gain the hottest action counts. */
const HOTNESS_BONUS = 0.5;

/** At most this many files in one folder action; a larger folder is split in parts of this size. */
export const MAX_ACTION_FILES = 20;

/** Kinds of files that are not the product: an action on those alone comes after every other. */
const NOT_PRODUCT = new Set(["test", "fixture", "benchmark", "script", "example", "generated", "vendored"]);

interface Group {
  ruleId: string;
  kind: Action["scope"]["kind"];
  path: string;
  /** Disambiguates parts of one scope: a folder's part, a finding's fingerprint. */
  part: string | null;
  members: Array<{ finding: Finding; cost: number }>;
}

/**
 * Groups `findings` (each with the cost it was reported with, in the same
 * order) into actions and ranks them: product code before tests, fixtures,
 * benchmarks and scripts; actions with a warning or error before notes; then
 * by gain weighted by hotness, gain × (1 + 0.5 × hotness / the hottest
 * action's), so the scope changed most counts half as much again as a frozen
 * one and a large gain still comes first; then by effort, cheaper first; then by id.
 */
export function planActions(findings: readonly Finding[], costs: readonly number[], context: PlanContext): Action[] {
  const groups = new Map<string, Group>();
  findings.forEach((finding, index) => {
    const spec = context.ruleOf(finding.ruleId)?.action ?? { scope: "file", title: "" };
    const scope = scopeOf(spec.scope, finding);
    const part = spec.scope === "finding" ? finding.fingerprint : null;
    const key = `${finding.ruleId}\0${scope.kind}\0${scope.path}\0${part ?? ""}`;
    const group = groups.get(key) ?? { ruleId: finding.ruleId, ...scope, part, members: [] };
    group.members.push({ finding, cost: costs[index] ?? 0 });
    groups.set(key, group);
  });
  const actions = [...groups.values()].flatMap(splitLarge).map((group) => toAction(group, context));
  const hottest = Math.max(0, ...actions.map(({ action }) => action.hotness));
  const planned = actions.map(({ action, key }) => ({
    action,
    key: { ...key, weighted: action.gain * (1 + (hottest === 0 ? 0 : (HOTNESS_BONUS * action.hotness) / hottest)) },
  }));
  return planned
    .sort(
      (a, b) =>
        Number(!a.key.isProduct) - Number(!b.key.isProduct) ||
        Number(a.key.isNoteOnly) - Number(b.key.isNoteOnly) ||
        b.key.weighted - a.key.weighted ||
        EFFORT_ORDER.indexOf(a.action.effort) - EFFORT_ORDER.indexOf(b.action.effort) ||
        (a.action.id < b.action.id ? -1 : a.action.id > b.action.id ? 1 : 0),
    )
    .map(({ action }, index) => ({ ...action, rank: index + 1 }));
}

/** An action with what ranks it. */
interface Planned {
  action: Action;
  key: { isProduct: boolean; isNoteOnly: boolean; weighted: number };
}

function scopeOf(scope: ActionSpec["scope"], finding: Finding): { kind: Action["scope"]["kind"]; path: string } {
  if (scope === "repository") return { kind: "repository", path: "." };
  if (scope === "folder") return { kind: "folder", path: posix.dirname(finding.file) };
  return { kind: "file", path: finding.file };
}

/** A folder action over more than MAX_ACTION_FILES files becomes parts of that many files, in path order. */
function splitLarge(group: Group): Group[] {
  if (group.kind !== "folder") return [group];
  const files = [...new Set(group.members.map((member) => member.finding.file))].sort();
  if (files.length <= MAX_ACTION_FILES) return [group];
  const parts: Group[] = [];
  for (let start = 0; start < files.length; start += MAX_ACTION_FILES) {
    const chunk = new Set(files.slice(start, start + MAX_ACTION_FILES));
    parts.push({
      ...group,
      part: String(parts.length + 1),
      members: group.members.filter((member) => chunk.has(member.finding.file)),
    });
  }
  return parts;
}

function toAction(group: Group, context: PlanContext): { action: Action; key: Omit<Planned["key"], "weighted"> } {
  const rule = context.ruleOf(group.ruleId);
  const members = [...group.members].sort((a, b) => a.finding.rank - b.finding.rank);
  const files = [...new Set(members.map((member) => member.finding.file))].sort();
  const count = members.length;
  const scopeLabel =
    group.kind === "repository" ? "the repository" : group.path === "." ? "the root folder" : group.path;
  const title = fill(rule?.action.title || "Fix {{count}} finding{{s}} of " + group.ruleId + " in {{scope}}", {
    count,
    s: count === 1 ? "" : "s",
    scope: group.part !== null && group.kind === "folder" ? `${scopeLabel} (part ${group.part})` : scopeLabel,
  });
  const first = members[0]?.finding;
  // Many files or many findings are more work than the rule's effort class says for one.
  const steps = (files.length > 5 || count > 20 ? 1 : 0) + (count > 50 ? 1 : 0);
  const effort =
    EFFORT_ORDER[Math.min(EFFORT_ORDER.indexOf(rule?.effort ?? "medium") + steps, EFFORT_ORDER.length - 1)] ?? "large";
  const gain = findingGain(
    group.ruleId,
    members.reduce((sum, member) => sum + member.cost, 0),
    context.categories,
  );
  const hotness = files.reduce((sum, file) => sum + context.commitsOf(file), 0);
  const action: Action = {
    id: `${group.ruleId}@${group.kind}:${group.path}${group.part === null ? "" : `#${group.part}`}`,
    rank: 0,
    ruleId: group.ruleId,
    category: first?.category ?? "core",
    scope: { kind: group.kind, path: group.path },
    title,
    findings: members.map((member) => member.finding.fingerprint),
    files: files.length,
    gain,
    effort,
    hotness,
  };
  return {
    action,
    key: {
      // Paths that are not listed files (AGENTS.md to create, the repository) are the product's.
      isProduct: !files.every((file) => NOT_PRODUCT.has(context.kindOf(file) ?? "")),
      isNoteOnly: members.every((member) => member.finding.severity === "info"),
    },
  };
}

/**
 * The actions that reach the next level, in rank order: for the overall score,
 * the first actions whose gains add up to its gap; for each category below the
 * level's minimum, the first actions of that category whose gains, in the
 * category's own points (gain × the applicable weights / its weight), do.
 * Empty when the plan's actions cannot close every gap.
 */
export function actionsToNextLevel(
  level: LevelResult | null,
  score: number | null,
  categories: readonly CategoryResult[],
  actions: readonly Action[],
): string[] {
  const next = LEVELS.find((definition) => definition.rank === level?.next?.rank);
  if (!next || score === null) return [];
  const weights = categories.reduce((sum, category) => sum + (category.score === null ? 0 : category.weight), 0);
  const chosen = new Set<string>();
  const close = (gap: number, candidates: readonly Action[], points: (action: Action) => number): boolean => {
    let left = gap;
    for (const action of candidates) {
      if (left <= 0) break;
      chosen.add(action.id);
      left -= points(action);
    }
    return left <= 1e-9;
  };
  const ranked = [...actions].sort((a, b) => a.rank - b.rank);
  let reachable = score >= next.minScore || close(next.minScore - score, ranked, (action) => action.gain);
  for (const category of categories) {
    if (category.score === null || category.score >= next.minCategory || category.weight === 0) continue;
    const own = ranked.filter((action) => action.category === category.id);
    reachable =
      close(next.minCategory - category.score, own, (action) => (action.gain * weights) / category.weight) && reachable;
  }
  return reachable ? ranked.filter((action) => chosen.has(action.id)).map((action) => action.id) : [];
}
