import { coveredLines } from "../src/facts/clones/lines.js";
import type { ClonePair, Facts, GraphEdge, GraphFact } from "../src/facts/index.js";
import type { RelatedLocation, RuleContext } from "./define-rule.js";
import { commonFolder, describeFolder } from "./helpers.js";

/** Duplicated source lines cost four times: 25% of lines in clones already scores 0. */
export const DUPLICATION_PENALTY = 4;

/**
 * Duplicated test lines cost one and a half times: 0 at two thirds of the test
 * lines in clones. Real suites duplicate 14% to 36% of their lines (median 28%,
 * ten repositories in docs/scoring.md), which this spreads over 79 to 46.
 */
export const TEST_DUPLICATION_PENALTY = 1.5;

/**
 * A clone is of types when at least this share of its tokens is type-level
 * code in both copies: a few tokens of the code after a declaration do not
 * make it code, and a function is no fix for a repeated type.
 */
export const TYPE_LEVEL_SHARE = 0.9;

/**
 * duplication/clone's check: examine the lines of source files, report each
 * pair with the lines it adds (a clone of type declarations with its own
 * message, whose fix is a shared type).
 */
export function checkClones(context: RuleContext<unknown, "clone" | "typeClone">): void {
  const { facts, examine, report } = context;
  if (facts.clones.status !== "ok") return;
  examine(linesOf(facts, false));
  const pairs = clonePairs(facts, false);
  const costs = newlyCoveredLines(pairs);
  const importedFolders = foldersImportedBy(facts.graph.edges, facts.graph.api);
  pairs.forEach((pair, index) => {
    const { data, related } = describePair(pair, importedFolders);
    report({
      messageId: isTypeLevel(pair) ? "typeClone" : "clone",
      data,
      file: pair.a.file,
      line: pair.a.start,
      column: 1,
      endLine: pair.a.end,
      anchor: `${pair.b.file}:${pair.lines}`,
      cost: DUPLICATION_PENALTY * (costs[index] ?? 0),
      related,
    });
  });
}

/** The messages of duplication/test-clone: two files, or one file with itself; code, or only types. */
export type TestCloneMessage = "repeated" | "repeatedInFile" | "repeatedTypes" | "repeatedTypesInFile";

/** The test clones of one pair of files (a file with itself is a pair too), in the order found. */
export interface CloneGroup {
  /** The two files, in path order (the same file twice for a file with itself). */
  files: readonly [string, string];
  pairs: ClonePair[];
  /** The duplicated lines the group's clones add, summed (each clone's share, as newlyCoveredLines). */
  addedLines: number;
}

/**
 * duplication/test-clone's check: examine the lines of test files; report one
 * finding per pair of test files that repeat each other, when one of their
 * clones has `minLines` lines or more, with the lines all of its clones add;
 * charge the other groups without a finding.
 */
export function checkTestClones(context: RuleContext<unknown, TestCloneMessage>, minLines: number): void {
  const { facts, examine, report, charge } = context;
  if (facts.clones.status !== "ok") return;
  examine(linesOf(facts, true));
  const helperOf = sharedTestHelper(facts);
  for (const group of cloneGroups(clonePairs(facts, true))) {
    const cost = TEST_DUPLICATION_PENALTY * group.addedLines;
    const largest = largestPair(group.pairs);
    // Short clones still count in the score, but a pair of files made only of them is not worth a finding.
    if (largest.lines < minLines) {
      charge(cost);
      continue;
    }
    const [first, second] = group.files;
    const isOneFile = first === second;
    const isTypes = group.pairs.every(isTypeLevel);
    const [here, there] = largest.a.file === first ? [largest.a, largest.b] : [largest.b, largest.a];
    const blocks = group.pairs.length;
    report({
      messageId: isTypes
        ? isOneFile
          ? "repeatedTypesInFile"
          : "repeatedTypes"
        : isOneFile
          ? "repeatedInFile"
          : "repeated",
      data: {
        first,
        second,
        blocks: blocks === 1 ? "1 block" : `${blocks} blocks`,
        lines: coveredLines(group.pairs),
        largestFirst: `${here.file}:${here.start}-${here.end}`,
        largestSecond: `${there.file}:${there.start}-${there.end}`,
        home: isOneFile ? `${first} itself (all copies are in it)` : testHome(first, second, helperOf),
      },
      file: here.file,
      line: here.start,
      column: 1,
      endLine: here.end,
      anchor: second,
      cost,
      related: [
        {
          file: there.file,
          line: there.start,
          column: 1,
          endLine: there.end,
          message: `the same ${largest.lines} lines again`,
        },
      ],
    });
  }
}

/**
 * Where two test files' shared setup goes: a test helper both already import (zustand's persist suites both import
 * `tests/test-utils.ts`; a new module beside it would be a second one), else a new module under their folder.
 */
function testHome(first: string, second: string, helperOf: (a: string, b: string) => string | undefined): string {
  const helper = helperOf(first, second);
  return helper === undefined
    ? `a new module under ${describeFolder(commonFolder([first, second]))}`
    : `${helper} (both files already import it)`;
}

/** For two test files, the first module of test scope (a helper, not either file) that both import, by path. */
function sharedTestHelper(facts: Facts): (a: string, b: string) => string | undefined {
  const testScope = new Set(facts.modules.filter((module) => module.kind === "test").map((module) => module.path));
  const imported = new Map<string, Set<string>>();
  for (const edge of facts.graph.edges) {
    if (!testScope.has(edge.from) || !testScope.has(edge.to)) continue;
    const set = imported.get(edge.from) ?? new Set<string>();
    set.add(edge.to);
    imported.set(edge.from, set);
  }
  return (a, b) => {
    const fromB = imported.get(b) ?? new Set<string>();
    return [...(imported.get(a) ?? [])].filter((path) => fromB.has(path) && path !== a && path !== b).sort()[0];
  };
}

/**
 * The test clones grouped by their unordered pair of files, groups in the
 * order their first clone comes, with the lines each group adds: the groups'
 * added lines sum to the duplicated test lines.
 */
export function cloneGroups(pairs: readonly ClonePair[]): CloneGroup[] {
  const costs = newlyCoveredLines(pairs);
  const groups = new Map<string, CloneGroup>();
  pairs.forEach((pair, index) => {
    const files: [string, string] =
      pair.a.file <= pair.b.file ? [pair.a.file, pair.b.file] : [pair.b.file, pair.a.file];
    const key = `${files[0]}\0${files[1]}`;
    const group = groups.get(key) ?? { files, pairs: [], addedLines: 0 };
    group.pairs.push(pair);
    group.addedLines += costs[index] ?? 0;
    groups.set(key, group);
  });
  return [...groups.values()];
}

/** The clone with the most lines, the first of them on a tie. */
function largestPair(pairs: readonly ClonePair[]): ClonePair {
  return pairs.reduce((largest, pair) => (pair.lines > largest.lines ? pair : largest));
}

/** Whether the pair is a clone of type declarations (unknown, so not, when the engine does not tell). */
export function isTypeLevel(pair: ClonePair): boolean {
  return pair.typeTokens !== null && pair.tokens > 0 && pair.typeTokens >= TYPE_LEVEL_SHARE * pair.tokens;
}

/** The test-only pairs, or the others. */
export function clonePairs(facts: Facts, testPairs: boolean): ClonePair[] {
  if (facts.clones.status !== "ok") return [];
  const tests = new Set(facts.modules.filter((module) => module.kind === "test").map((module) => module.path));
  return facts.clones.clones.filter((pair) => (tests.has(pair.a.file) && tests.has(pair.b.file)) === testPairs);
}

/** Lines of the parsed files on one side (tests or not). */
export function linesOf(facts: Facts, tests: boolean): number {
  return facts.modules
    .filter((module) => (module.kind === "test") === tests && !module.parseError)
    .reduce((sum, module) => sum + module.lines, 0);
}

/**
 * Each pair's cost is the duplicated lines it adds that earlier pairs did not
 * already cover (both copies), so costs add up to the duplicated lines of the
 * code base, with a block copied three times counted once per line.
 */
export function newlyCoveredLines(pairs: readonly ClonePair[]): number[] {
  const covered = new Map<string, Set<number>>();
  return pairs.map((pair) => {
    let added = 0;
    for (const side of [pair.a, pair.b]) {
      const lines = covered.get(side.file) ?? new Set<number>();
      covered.set(side.file, lines);
      for (let line = side.start; line <= side.end; line += 1) {
        if (lines.has(line)) continue;
        lines.add(line);
        added += 1;
      }
    }
    return added;
  });
}

/**
 * Folders each file imports from, by importer. An import of a package's entry module does not make its folder
 * a home for shared code: a helper put there joins the public API (jotai's and valtio's utils import only the
 * package entry, which their bundles treat as the public `jotai/vanilla` and `valtio/vanilla`).
 */
function foldersImportedBy(edges: readonly GraphEdge[], api: GraphFact["api"]): Map<string, Set<string>> {
  const entries = new Set(api.packages.flatMap((pkg) => pkg.entries));
  const folders = new Map<string, Set<string>>();
  for (const edge of edges) {
    if (entries.has(edge.to)) continue;
    const set = folders.get(edge.from) ?? new Set<string>();
    set.add(commonFolder([edge.to]));
    folders.set(edge.from, set);
  }
  return folders;
}

/** The message data and related location shared by both clone rules. */
export function describePair(
  pair: ClonePair,
  importedFolders: ReadonlyMap<string, ReadonlySet<string>>,
): {
  data: Record<string, string | number>;
  related: RelatedLocation[];
} {
  const home = sharedHome(pair.a.file, pair.b.file, importedFolders);
  return {
    data: {
      lines: pair.lines,
      first: `${pair.a.file}:${pair.a.start}-${pair.a.end}`,
      second: `${pair.b.file}:${pair.b.start}-${pair.b.end}`,
      // Both copies in one file: the shared code stays in it.
      home:
        pair.a.file === pair.b.file
          ? `${pair.a.file} itself (both copies are in it)`
          : home.imported
            ? `a module under ${describeFolder(home.folder)} (both files already import from there)`
            : `a new module under ${describeFolder(home.folder)}`,
    },
    related: [
      {
        file: pair.b.file,
        line: pair.b.start,
        column: 1,
        endLine: pair.b.end,
        message: `the same ${pair.lines} lines again`,
      },
    ],
  };
}

/**
 * The deepest folder both files already import from, or else their common folder. A folder above their common
 * folder does not count: what two siblings both import from higher up is their package's hub (its entry, an
 * index, the core module: jotai's and valtio's `src/vanilla.ts`, which their bundles publish on its own), and a
 * helper of theirs belongs beside them, not in it.
 */
function sharedHome(
  a: string,
  b: string,
  importedFolders: ReadonlyMap<string, ReadonlySet<string>>,
): { folder: string; imported: boolean } {
  const common = commonFolder([a, b]);
  const isAbove = (folder: string) => folder !== common && (folder === "" || common.startsWith(`${folder}/`));
  const fromB = importedFolders.get(b) ?? new Set<string>();
  const shared = [...(importedFolders.get(a) ?? [])].filter((folder) => fromB.has(folder) && !isAbove(folder));
  shared.sort((x, y) => y.split("/").length - x.split("/").length || (x < y ? -1 : x > y ? 1 : 0));
  const [deepest] = shared;
  return deepest !== undefined ? { folder: deepest, imported: true } : { folder: common, imported: false };
}
