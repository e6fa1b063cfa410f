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
import { andList } from "../format.js";
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
  /**
   * The folders a merged folder action covers, when its path would claim more: other actions of the rule remain
   * under that path (jotai's src/react and src/babel merged, src/vanilla its own action). Else undefined.
   */
  folders?: string[];
}

/**
 * Groups `findings` (each with the cost it was reported with, in the same
 * order) into actions and ranks them: product code before tests, fixtures,
 * benchmarks and scripts; actions with a warning or error before notes; then
 * by gain weighted by hotness, gain × (1 + 0.5 × hotness / the hottest
 * action's), so the scope changed most counts half as much again as a frozen
 * one and a large gain still comes first (an action over the repository, or
 * over files yet to be written, is as hot as the hottest: it concerns every
 * change); then by effort, cheaper first; then by id.
 */
export function planActions(findings: readonly Finding[], costs: readonly number[], context: PlanContext): Action[] {
  const hostOf = absorbingRules(findings, context);
  const groups = new Map<string, Group>();
  findings.forEach((finding, index) => {
    const host = hostOf(finding);
    const spec = context.ruleOf(host ?? finding.ruleId)?.action ?? { scope: "file", title: "" };
    const scope = host === undefined ? scopeOf(spec.scope, finding) : { kind: "file" as const, path: finding.file };
    const part = spec.scope === "finding" && host === undefined ? finding.fingerprint : null;
    const ruleId = host ?? finding.ruleId;
    const key = `${ruleId}\0${scope.kind}\0${scope.path}\0${part ?? ""}`;
    const group = groups.get(key) ?? { ruleId, ...scope, part, members: [] };
    group.members.push({ finding, cost: costs[index] ?? 0 });
    groups.set(key, group);
  });
  const actions = mergeFolders([...groups.values()], context)
    .flatMap(splitLarge)
    .map((group) => toAction(group, context));
  const hottest = Math.max(0, ...actions.map(({ action }) => action.hotness));
  const planned = actions.map(({ action, key }) => {
    // An action over the whole repository, or files yet to be written (AGENTS.md), concerns every change.
    const hotness = key.isEverywhere ? hottest : action.hotness;
    return {
      action: { ...action, hotness },
      key: { ...key, weighted: action.gain * (1 + (hottest === 0 ? 0 : (HOTNESS_BONUS * hotness) / hottest)) },
    };
  });
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

/**
 * For each finding, the rule whose action it joins instead of its own: a rule that absorbs the finding's rule
 * (its `action.absorbs`) and has a finding in the same file; undefined for the finding's own action.
 */
function absorbingRules(findings: readonly Finding[], context: PlanContext): (finding: Finding) => string | undefined {
  const hosts = new Map<string, string[]>();
  for (const ruleId of new Set(findings.map((finding) => finding.ruleId)))
    for (const absorbed of context.ruleOf(ruleId)?.action.absorbs ?? [])
      hosts.set(absorbed, [...(hosts.get(absorbed) ?? []), ruleId].sort());
  const present = new Set(findings.map((finding) => `${finding.ruleId}\0${finding.file}`));
  return (finding) => hosts.get(finding.ruleId)?.find((host) => present.has(`${host}\0${finding.file}`));
}

/**
 * Folder actions of one rule merged up the tree while the merged action stays within MAX_ACTION_FILES files:
 * a package's three doc-comment actions (src, src/middleware with one file, src/react with one) are one change
 * for one agent, not three slots of the plan. Deepest folders first; never into the root folder (which would
 * mix top-level folders), never product code with tests or scripts.
 */
function mergeFolders(groups: readonly Group[], context: PlanContext): Group[] {
  const others = groups.filter((group) => group.kind !== "folder");
  const byRule = new Map<string, Map<string, Group>>();
  for (const group of groups.filter((candidate) => candidate.kind === "folder")) {
    const byPath = byRule.get(group.ruleId) ?? new Map<string, Group>();
    byPath.set(group.path, { ...group, members: [...group.members] });
    byRule.set(group.ruleId, byPath);
  }
  const depth = (path: string) => (path === "." ? 0 : path.split("/").length);
  const merged: Group[] = [];
  for (const byPath of byRule.values()) {
    for (let level = Math.max(0, ...[...byPath.keys()].map(depth)); level >= 2; level -= 1) {
      for (const path of [...byPath.keys()].filter((candidate) => depth(candidate) === level).sort()) {
        const group = byPath.get(path);
        if (!group) continue;
        const parent = posix.dirname(path);
        const target = byPath.get(parent);
        if (target && isProductGroup(target, context) !== isProductGroup(group, context)) continue;
        const files = new Set([...group.members, ...(target?.members ?? [])].map((member) => member.finding.file));
        if (files.size > MAX_ACTION_FILES) continue;
        if (target) target.members.push(...group.members);
        else byPath.set(parent, { ...group, path: parent });
        byPath.delete(path);
      }
    }
    for (const [path, group] of byPath) {
      const claimsMore = [...byPath.keys()].some((other) => other !== path && other.startsWith(`${path}/`));
      if (claimsMore) {
        const folders = [...new Set(group.members.map((member) => posix.dirname(member.finding.file)))].sort();
        // A listed folder names its subfolders too, unless another action of the rule lies under it.
        const whole = (folder: string) =>
          ![...byPath.keys()].some((other) => other !== path && other.startsWith(`${folder}/`));
        group.folders = folders.filter(
          (folder) => !folders.some((outer) => folder.startsWith(`${outer}/`) && whole(outer)),
        );
      }
      merged.push(group);
    }
  }
  return [...others, ...merged];
}

function isProductGroup(group: Group, context: PlanContext): boolean {
  // Paths that are not listed files (AGENTS.md to create, the repository) are the product's.
  return !group.members.every((member) => NOT_PRODUCT.has(context.kindOf(member.finding.file) ?? ""));
}

/** An action with what ranks it. */
interface Planned {
  action: Action;
  key: { isProduct: boolean; isNoteOnly: boolean; isEverywhere: boolean; weighted: number };
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
    group.kind === "repository"
      ? "the repository"
      : group.folders
        ? folderList(group.folders)
        : group.path === "."
          ? "the root folder"
          : group.path;
  const title = fill(rule?.action.title || "Fix {{count}} finding{{s}} of " + group.ruleId + " in {{scope}}", {
    count,
    s: count === 1 ? "" : "s",
    scope: group.part !== null && group.kind === "folder" ? `${scopeLabel} (part ${group.part})` : scopeLabel,
  });
  const first = members.find((member) => member.finding.ruleId === group.ruleId)?.finding ?? members[0]?.finding;
  // Many files or many findings are more work than the rule's effort class says for one.
  const steps = (files.length > 5 || count > 20 ? 1 : 0) + (count > 50 ? 1 : 0);
  const effort =
    EFFORT_ORDER[Math.min(EFFORT_ORDER.indexOf(rule?.effort ?? "medium") + steps, EFFORT_ORDER.length - 1)] ?? "large";
  // Each rule's findings are worth what that rule's costs are (an action may hold findings a rule absorbed).
  const costs = new Map<string, number>();
  for (const member of members) costs.set(member.finding.ruleId, (costs.get(member.finding.ruleId) ?? 0) + member.cost);
  const gain = [...costs].reduce((sum, [ruleId, cost]) => sum + findingGain(ruleId, cost, context.categories), 0);
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
      isProduct: isProductGroup(group, context),
      isNoteOnly: members.every((member) => member.finding.severity === "info"),
      isEverywhere: group.kind === "repository" || files.every((file) => context.kindOf(file) === undefined),
    },
  };
}

/** Folders named in a title: "src/react and src/babel", "a, b, c and 2 more folders". */
function folderList(folders: readonly string[]): string {
  const named = folders.map((folder) => (folder === "." ? "the root folder" : folder));
  if (named.length <= 3) return andList(named);
  return `${named.slice(0, 3).join(", ")} and ${named.length - 3} more folders`;
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
