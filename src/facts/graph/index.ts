/**
 * The graph fact: the module graph built from the imports the modules fact
 * already recorded (no second parse), resolved with the TypeScript resolver,
 * and its cycle groups with a suggested import to cut in each.
 *
 * May: read tsconfig and package.json files of the repository.
 * May not: parse source files again, look into node_modules, report findings.
 */
import type { Inventory } from "../../discover/index.js";
import type { PackageFact } from "../context/packages.js";
import type { ModuleFacts } from "../modules/index.js";
import { findPublicApi } from "./api.js";
import { ImportResolver } from "./resolve.js";
import { countLoops, shortestPath, stronglyConnectedComponents, type Adjacency } from "./scc.js";
import { posix } from "node:path";
import type {
  CutSuggestion,
  CycleGroup,
  GraphEdge,
  GraphFact,
  GraphSettings,
  RunEdge,
  UnresolvedImport,
} from "./types.js";

export type * from "./types.js";
export { DEFAULT_GRAPH_SETTINGS } from "./types.js";
export { ImportResolver } from "./resolve.js";

/** Elementary loops enumerated per group before the counts are called partial. */
const LOOP_LIMIT = 10_000;
/** A namespace or star import takes everything: cutting it is the hardest. */
const STAR_NAME_WEIGHT = 1_000;

/** Builds the graph of parsed modules and finds its cycle groups. */
export function buildGraph(
  inventory: Inventory,
  modules: readonly ModuleFacts[],
  packages: readonly PackageFact[],
  settings: GraphSettings,
): { graph: GraphFact; warnings: string[] } {
  const paths = modules.map((module) => module.path).sort();
  const moduleSet = new Set(paths);
  const resolver = new ImportResolver({
    root: inventory.root,
    allFiles: [
      ...inventory.files.map((file) => file.path),
      ...inventory.skipped.filter((file) => file.reason !== "node_modules").map((file) => file.path),
    ],
    modules: moduleSet,
    packages,
  });
  const edges: GraphEdge[] = [];
  const unresolved: UnresolvedImport[] = [];
  let externalImports = 0;
  for (const module of modules) {
    for (const fact of module.imports) {
      const resolution = resolver.resolve(module.path, fact.specifier, fact.kind);
      if (resolution.kind === "internal") {
        if (resolution.path === module.path) continue;
        const { specifier, kind, isTypeOnly, names, line, column } = fact;
        edges.push({ from: module.path, to: resolution.path, specifier, kind, isTypeOnly, names, line, column });
      } else if (resolution.kind === "unresolved") {
        unresolved.push({ from: module.path, specifier: fact.specifier, line: fact.line, reason: resolution.reason });
      } else if (resolution.kind === "external") {
        externalImports += 1;
      }
    }
  }
  edges.sort((a, b) => compare(a.from, b.from) || a.line - b.line || a.column - b.column);
  const runs = findRuns(modules, packages, moduleSet, resolver);
  unresolved.sort((a, b) => compare(a.from, b.from) || a.line - b.line);
  const { cycles, typeOnlyCycles } = findCycles(paths, edges, settings);
  const exportNames = new Map(
    modules.map((module) => [module.path, new Set(module.exports.map((symbol) => symbol.name))]),
  );
  const api = findPublicApi(packages, edges, exportNames, resolver);
  return {
    graph: { modules: paths.length, edges, unresolved, externalImports, runs, cycles, typeOnlyCycles, settings, api },
    warnings: resolver.warnings,
  };
}

/**
 * Run edges: a literal of a test that starts processes names a package's
 * binary (its command word, or its file: `bin/groundwork.js`, `"groundwork.js"`
 * in a `join(...)`), or a script in build output (`dist/cli.mjs`). The target
 * is the binary's file when it is a parsed module, else the source its build
 * output maps back to. One edge per test and target, at the first literal.
 */
function findRuns(
  modules: readonly ModuleFacts[],
  packages: readonly PackageFact[],
  moduleSet: ReadonlySet<string>,
  resolver: ImportResolver,
): RunEdge[] {
  const targets: Array<{ command: string; file: string; tail: string; module: string }> = [];
  for (const pkg of packages) {
    for (const [command, file] of Object.entries(pkg.binFiles)) {
      const path = posix.normalize(pkg.dir === "" ? file : `${pkg.dir}/${file}`);
      const module = moduleSet.has(path) ? path : resolver.sourceOfOutput(path);
      if (module === null) continue;
      // An index file says nothing alone: its folder must be named with it.
      const base = posix.basename(path);
      const tail = /^index\./.test(base) ? `${posix.basename(posix.dirname(path))}/${base}` : base;
      targets.push({ command, file: path, tail, module });
    }
  }
  const runs: RunEdge[] = [];
  for (const module of modules) {
    if (!module.runs) continue;
    const found = new Map<string, RunEdge>();
    for (const run of module.runs) {
      const text = run.text.replace(/\\/g, "/");
      const firstWord = /^(?:npx\s+|pnpm\s+(?:exec\s+)?|yarn\s+|bunx\s+)?([\w@][\w@./-]*)/.exec(text)?.[1] ?? "";
      for (const target of targets) {
        const namesFile = text === target.tail || text.endsWith(`/${target.tail}`) || text.includes(`${target.tail} `);
        if (found.has(target.module) || (firstWord !== target.command && !namesFile)) continue;
        found.set(target.module, {
          from: module.path,
          to: target.module,
          line: run.line,
          via: `bin ${target.command} (${target.file})`,
        });
      }
      // A relative path to a parsed module (from the test's folder, its package, or the repository root).
      if (/^\.\.?\/[^\s]+$/.test(text)) {
        const named = [posix.dirname(module.path), packageOf(module.path, packages), ""]
          .map((dir) => posix.normalize(posix.join(dir, text)))
          .find((candidate) => moduleSet.has(candidate));
        if (named !== undefined && !found.has(named)) {
          found.set(named, { from: module.path, to: named, line: run.line, via: text });
        }
      }
      const output = /(?:^|[\s"'`/])((?:dist|build|lib|out)\/[\w./-]+\.[cm]?js)\b/.exec(text)?.[1];
      const source = output ? resolver.sourceOfOutput(packageRelative(module.path, output, packages)) : null;
      if (output && source && moduleSet.has(source) && !found.has(source)) {
        found.set(source, { from: module.path, to: source, line: run.line, via: output });
      }
    }
    runs.push(...[...found.values()].filter((edge) => edge.to !== edge.from));
  }
  return runs.sort((a, b) => compare(a.from, b.from) || a.line - b.line || compare(a.to, b.to));
}

/** A build-output path a test names, relative to the test's own package. */
function packageRelative(from: string, output: string, packages: readonly PackageFact[]): string {
  const dir = packageOf(from, packages);
  return dir === "" ? output : `${dir}/${output}`;
}

/** The folder of the package a file belongs to ("" for the root). */
function packageOf(path: string, packages: readonly PackageFact[]): string {
  const dirs = packages.map((pkg) => pkg.dir).filter((dir) => dir === "" || path.startsWith(`${dir}/`));
  return dirs.sort((a, b) => b.length - a.length)[0] ?? "";
}

/** Cycle groups under `settings`, largest first, and how many groups only type-only imports create. */
export function findCycles(
  paths: readonly string[],
  edges: readonly GraphEdge[],
  settings: GraphSettings,
): { cycles: CycleGroup[]; typeOnlyCycles: number } {
  const index = new Map(paths.map((path, position) => [path, position]));
  const counts = (edge: GraphEdge): boolean => settings.includeDynamic || edge.kind !== "dynamic";
  const runtime = edges.filter((edge) => counts(edge) && !edge.isTypeOnly);
  const all = edges.filter(counts);
  const runtimeGroups = stronglyConnectedComponents(adjacencyOf(paths.length, runtime, index));
  const allAdjacency = adjacencyOf(paths.length, all, index);
  const allGroups = stronglyConnectedComponents(allAdjacency);
  // A group exists only through type-only imports when no runtime cycle lies inside it. A larger group that a
  // type import grew from a runtime one is not counted: its runtime core is reported already.
  const inRuntimeCycle = new Set(runtimeGroups.flat());
  const typeOnlyCycles = settings.includeTypeOnly
    ? 0
    : allGroups.filter((group) => !group.some((node) => inRuntimeCycle.has(node))).length;
  const chosen = settings.includeTypeOnly ? all : runtime;
  const adjacency = settings.includeTypeOnly ? allAdjacency : adjacencyOf(paths.length, runtime, index);
  const groups = settings.includeTypeOnly ? allGroups : runtimeGroups;
  const statements = groupStatements(chosen);
  const cycles = groups.map((group) => describeGroup(group, adjacency, statements, paths));
  cycles.sort((a, b) => b.files.length - a.files.length || compare(a.files[0] ?? "", b.files[0] ?? ""));
  return { cycles, typeOnlyCycles };
}

function adjacencyOf(size: number, edges: readonly GraphEdge[], index: ReadonlyMap<string, number>): Adjacency {
  const sets: Array<Set<number>> = Array.from({ length: size }, () => new Set<number>());
  for (const edge of edges) {
    const from = index.get(edge.from);
    const to = index.get(edge.to);
    if (from !== undefined && to !== undefined) sets[from]?.add(to);
  }
  return sets.map((set) => [...set].sort((a, b) => a - b));
}

/** Import statements per `from → to` pair. */
function groupStatements(edges: readonly GraphEdge[]): Map<string, GraphEdge[]> {
  const byPair = new Map<string, GraphEdge[]>();
  for (const edge of edges) {
    const key = `${edge.from}\0${edge.to}`;
    const list = byPair.get(key) ?? [];
    list.push(edge);
    byPair.set(key, list);
  }
  return byPair;
}

function describeGroup(
  group: readonly number[],
  adjacency: Adjacency,
  statements: ReadonlyMap<string, GraphEdge[]>,
  paths: readonly string[],
): CycleGroup {
  const counted = countLoops(adjacency, group, LOOP_LIMIT);
  const inside = new Set(group);
  const candidates: Array<{
    from: number;
    to: number;
    loops: number;
    weight: number;
    first: GraphEdge;
    lines: number[];
  }> = [];
  for (const from of group) {
    for (const to of adjacency[from] ?? []) {
      if (!inside.has(to)) continue;
      const pair = statements.get(`${paths[from]}\0${paths[to]}`) ?? [];
      const [first] = pair;
      if (!first) continue;
      const names = new Set(pair.flatMap((edge) => edge.names));
      const weight = [...names].reduce((sum, name) => sum + (name === "*" ? STAR_NAME_WEIGHT : 1), 0);
      const loops = counted.perEdge.get(`${from},${to}`) ?? 0;
      candidates.push({ from, to, loops, weight, first, lines: pair.map((edge) => edge.line) });
    }
  }
  candidates.sort(
    (a, b) =>
      b.loops - a.loops ||
      a.weight - b.weight ||
      compare(paths[a.from] ?? "", paths[b.from] ?? "") ||
      compare(paths[a.to] ?? "", paths[b.to] ?? ""),
  );
  const best = candidates[0];
  if (!best) throw new Error("a cycle group has no internal edge");
  const back = shortestPath(adjacency, best.to, best.from, inside) ?? [best.to, best.from];
  const cut: CutSuggestion = {
    edge: best.first,
    lines: best.lines,
    loopsThroughCut: best.loops,
    loopsCounted: counted.loops,
    isComplete: counted.isComplete,
  };
  return {
    files: group.map((node) => paths[node] ?? "").sort(),
    loop: [best.from, ...back].map((node) => paths[node] ?? ""),
    cut,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
