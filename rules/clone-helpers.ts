import type { ClonePair, Facts, GraphEdge } from "../src/facts/index.js";
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
 * The check shared by duplication/clone and duplication/test-clone: examine the
 * lines of one side's files, report each of its pairs with the lines it adds
 * (a clone of type declarations with its own message, whose fix is a shared type).
 */
export function checkClones(
  context: RuleContext<unknown, "clone" | "typeClone">,
  testPairs: boolean,
  minReportedLines = 0,
): void {
  const { facts, examine, report, charge } = context;
  if (facts.clones.status !== "ok") return;
  examine(linesOf(facts, testPairs));
  const pairs = clonePairs(facts, testPairs);
  const costs = newlyCoveredLines(pairs);
  // A test helper belongs with the tests, not in the folder the tests import from.
  const importedFolders = testPairs ? new Map<string, Set<string>>() : foldersImportedBy(facts.graph.edges);
  const penalty = testPairs ? TEST_DUPLICATION_PENALTY : DUPLICATION_PENALTY;
  pairs.forEach((pair, index) => {
    const cost = penalty * (costs[index] ?? 0);
    // A short clone still counts in the score, but is not worth a finding of its own.
    if (pair.lines < minReportedLines) {
      charge(cost);
      return;
    }
    const { data, related } = describePair(pair, importedFolders);
    report({
      messageId: isTypeLevel(pair) ? "typeClone" : "clone",
      data,
      file: pair.a.file,
      line: pair.a.start,
      column: 1,
      anchor: `${pair.b.file}:${pair.lines}`,
      cost,
      related,
    });
  });
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

/** Folders each file imports from, by importer. */
function foldersImportedBy(edges: readonly GraphEdge[]): Map<string, Set<string>> {
  const folders = new Map<string, Set<string>>();
  for (const edge of edges) {
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
    related: [{ file: pair.b.file, line: pair.b.start, column: 1, message: `the same ${pair.lines} lines again` }],
  };
}

/** The deepest folder both files already import from, or else their common folder. */
function sharedHome(
  a: string,
  b: string,
  importedFolders: ReadonlyMap<string, ReadonlySet<string>>,
): { folder: string; imported: boolean } {
  const fromB = importedFolders.get(b) ?? new Set<string>();
  const shared = [...(importedFolders.get(a) ?? [])].filter((folder) => fromB.has(folder));
  shared.sort((x, y) => y.split("/").length - x.split("/").length || (x < y ? -1 : x > y ? 1 : 0));
  const [deepest] = shared;
  return deepest !== undefined
    ? { folder: deepest, imported: true }
    : { folder: commonFolder([a, b]), imported: false };
}
