/**
 * The test map: which source files tests reach, from the import graph (mapped
 * mode), and how much of each a coverage report says ran (measured mode).
 * Derived once from the graph and coverage facts for every rule that needs it.
 * End-to-end tests reach the app their runner serves (inventory.testRunners):
 * the files its server loads first and what they import, indirectly.
 */
import type { ServedApp, TestRunnerFacts } from "../../discover/runners.js";
import type { CoverageFact } from "../coverage/index.js";
import type { GraphEdge, RunEdge } from "../graph/index.js";
import type { ModuleFacts } from "../modules/index.js";

/** Which source files tests reach, and how well. */
export interface TestMapFact {
  mode: "measured" | "mapped";
  /** Source files with at least one function: the ones a test can exercise. Sorted. */
  testable: string[];
  /** Testable files a test imports, directly or through a re-exporting barrel. */
  direct: Set<string>;
  /** Testable files tests reach only through other modules, through a process they run (the built CLI), or as e2e tests. */
  transitive: Set<string>;
  /** The transitive files only end-to-end tests reach, with the app their runner serves. */
  e2e: Map<string, ServedApp>;
  /** What each test runner collects and where it looks (for the path of a new test). */
  runners: TestRunnerFacts["patterns"];
  /** Measured mode: line coverage (0–1) per testable file; files the report does not know are 0. */
  coverage: Map<string, number> | null;
  /** Measured mode: covered lines per 100 executable lines over testable files (unknown files count all their lines). */
  lineCoverage: number | null;
}

/** Builds the test map. */
export function mapTests(
  modules: readonly ModuleFacts[],
  edges: readonly GraphEdge[],
  coverage: CoverageFact,
  runs: readonly RunEdge[] = [],
  runners: TestRunnerFacts = { patterns: [], served: [] },
): TestMapFact {
  const testable = modules
    .filter((module) => module.kind === "source" && !module.parseError && module.functions.length > 0)
    .map((module) => module.path)
    .sort();
  const tests = modules.filter((module) => module.kind === "test").map((module) => module.path);
  const runtime = edges.filter((edge) => !edge.isTypeOnly);
  const successors = new Map<string, GraphEdge[]>();
  for (const edge of runtime) {
    const list = successors.get(edge.from) ?? [];
    list.push(edge);
    successors.set(edge.from, list);
  }
  // A test named after a module that imports it only for types is still that module's own test
  // (vite's terser.spec.ts imports terser's option types and runs it through build()).
  const testSet = new Set(tests);
  const namesake = edges.filter(
    (edge) => edge.isTypeOnly && testSet.has(edge.from) && stemOf(edge.from) === stemOf(edge.to),
  );
  const direct = throughBarrels(
    [
      ...tests.flatMap((test) => (successors.get(test) ?? []).map((edge) => edge.to)),
      ...namesake.map((edge) => edge.to),
    ],
    successors,
  );
  // A test that runs the built CLI reaches what the CLI imports: an indirect edge, so transitive, never direct.
  const ran = runs.filter((run) => !direct.has(run.to)).map((run) => run.to);
  const reached = reachable([...direct, ...ran], successors);
  const testableSet = new Set(testable);
  const directTestable = new Set([...direct].filter((path) => testableSet.has(path)));
  const transitive = new Set([...reached].filter((path) => testableSet.has(path) && !directTestable.has(path)));
  // An app a runner serves to e2e tests (not a harness: that is their fixture) is reached from its entries.
  const e2e = new Map<string, ServedApp>();
  for (const app of runners.served.filter((candidate) => candidate.harness === null)) {
    for (const path of reachable(app.entries, successors)) {
      if (testableSet.has(path) && !directTestable.has(path) && !transitive.has(path) && !e2e.has(path))
        e2e.set(path, app);
    }
  }
  for (const path of e2e.keys()) transitive.add(path);
  const shared = { testable, direct: directTestable, transitive, e2e, runners: runners.patterns };
  if (coverage.status !== "ok") return { mode: "mapped", ...shared, coverage: null, lineCoverage: null };
  const lines = new Map(modules.map((module) => [module.path, module.lines]));
  const ratios = new Map<string, number>();
  let covered = 0;
  let total = 0;
  for (const path of testable) {
    const counts = coverage.files.get(path);
    if (counts) {
      covered += counts.covered;
      total += counts.total;
      ratios.set(path, counts.total === 0 ? 1 : counts.covered / counts.total);
    } else {
      total += lines.get(path) ?? 0;
      ratios.set(path, 0);
    }
  }
  const lineCoverage = total === 0 ? null : Math.round((10_000 * covered) / total) / 100;
  return { mode: "measured", ...shared, coverage: ratios, lineCoverage };
}

/** `src/plugins/terser.ts` and `__tests__/plugins/terser.spec.ts` → `terser`. */
function stemOf(path: string): string {
  return (path.split("/").pop() ?? "").replace(/(?:[.-](?:test|spec)(?:-d)?|_test)?\.[cm]?[jt]sx?$/, "");
}

/** A test that imports a barrel reaches what the barrel re-exports as directly as if it imported it. */
function throughBarrels(imported: readonly string[], successors: ReadonlyMap<string, GraphEdge[]>): Set<string> {
  const direct = new Set(imported);
  const pending = [...imported];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    for (const edge of successors.get(path) ?? []) {
      if (edge.kind !== "reexport" || direct.has(edge.to)) continue;
      direct.add(edge.to);
      pending.push(edge.to);
    }
  }
  return direct;
}

function reachable(start: readonly string[], successors: ReadonlyMap<string, GraphEdge[]>): Set<string> {
  const seen = new Set(start);
  const pending = [...start];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    for (const edge of successors.get(path) ?? []) {
      if (seen.has(edge.to)) continue;
      seen.add(edge.to);
      pending.push(edge.to);
    }
  }
  return seen;
}
