/**
 * Whether a unit test runner would collect a file at a path: the runners that
 * search the path's folder (jest `roots`, vitest's root, a config's folder)
 * and their include and exclude patterns, as the runner reader gave them
 * (inventory.testRunners). A path no runner of its package searches is left to
 * the naming conventions. End-to-end runners (playwright, cypress) do not
 * count: a unit test they collected would run in a browser harness.
 */
import { compileGlobs } from "../../discover/globs.js";
import type { TestRunnerFacts } from "../../discover/runners.js";

/** One runner config's patterns, as the facts keep them. */
export type RunnerPatterns = TestRunnerFacts["patterns"][number];

/** What the runners say of a path a test could be added at. */
export type CollectVerdict =
  | { status: "collected"; runner: string; config: string; glob: string }
  /** Runners search the path's folder, and none collects it: the patterns a new test there must match. */
  | { status: "missed"; patterns: RunnerPatterns[] }
  /** No runner searches the path's folder: the naming conventions decide. */
  | { status: "unknown" };

/** Asks the runners of the repository about paths; patterns compiled once. */
export interface Collector {
  verdict(path: string): CollectVerdict;
  /** The runners that would decide on a test at `path`: those that search its folder, else its package's. */
  runnersFor(path: string): RunnerPatterns[];
}

const E2E_RUNNERS = new Set(["playwright", "cypress"]);

/**
 * A collector over the runner patterns of the facts. `packageOf` names the package folder a path belongs to: a
 * runner that searches folders of a package speaks for all of it (jest with `roots: ["<rootDir>/src"]` collects
 * nothing in the package's `test/`).
 */
export function createCollector(patterns: readonly RunnerPatterns[], packageOf: (path: string) => string): Collector {
  const compiled = patterns
    .filter((pattern) => !E2E_RUNNERS.has(pattern.runner))
    .map((pattern) => ({
      pattern,
      include: pattern.include.map((glob) => ({ glob, matches: compileGlobs([glob]) })),
      isExcluded: compileGlobs(pattern.exclude),
      packages: new Set(pattern.scope.map((folder) => packageOf(folder === "" ? "" : `${folder}/`))),
    }));
  const deciding = (path: string): typeof compiled => {
    const searching = compiled.filter(({ pattern }) => pattern.scope.some((folder) => isUnder(path, folder)));
    if (searching.length > 0) return searching;
    const pkg = packageOf(path);
    return compiled.filter((entry) => entry.packages.has(pkg));
  };
  return {
    runnersFor: (path) => deciding(path).map(({ pattern }) => pattern),
    verdict(path) {
      const searching = deciding(path);
      if (searching.length === 0) return { status: "unknown" };
      for (const { pattern, include, isExcluded } of searching) {
        if (isExcluded(path)) continue;
        const glob = include.find((candidate) => candidate.matches(path));
        if (glob) return { status: "collected", runner: pattern.runner, config: pattern.config, glob: glob.glob };
        const regex = pattern.regexes.find((candidate) => candidate.test(`/${path}`));
        if (regex) return { status: "collected", runner: pattern.runner, config: pattern.config, glob: regex.source };
      }
      return { status: "missed", patterns: searching.map(({ pattern }) => pattern) };
    },
  };
}

function isUnder(path: string, folder: string): boolean {
  return folder === "" || path.startsWith(`${folder}/`);
}
