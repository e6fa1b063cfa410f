/**
 * Facts: everything rules may know about the repository, collected once per scan.
 *
 * May: read files, run git and child processes, through the producers below.
 * May not: report findings, score, print, or exit.
 */
import { createHash } from "node:crypto";
import { isParsedKind, type DiscoveredFile, type Inventory, type SkippedFile } from "../discover/index.js";
import { collectClones, type CloneSettings, type ClonesFact } from "./clones/index.js";
import { readContext, type ContextFact } from "./context/documents.js";
import { collectEnvVars, type EnvVarFact } from "./context/env.js";
import { readPackages, type PackageFact } from "./context/packages.js";
import { readProject, type ProjectFact } from "./context/project.js";
import { verifyCommands, type CommandCheck } from "./context/verify.js";
import { readReadme, type ReadmeFact } from "./context/readme.js";
import { collectCoverage, type CoverageFact } from "./coverage/index.js";
import { buildGraph, DEFAULT_GRAPH_SETTINGS, type GraphFact, type GraphSettings } from "./graph/index.js";
import { findCoupling, rankHotspots, type CoupledPair, type HotspotFact } from "./history/hotspots.js";
import { collectHistory, DEFAULT_HISTORY_SETTINGS, type HistoryFact, type HistorySettings } from "./history/index.js";
import { collectModules, type ModuleCache, type ModuleFacts } from "./modules/index.js";
import { mapTests, type TestMapFact } from "./tests/index.js";

export type { ModuleFacts, ModuleCache } from "./modules/index.js";
export type { ReadmeFact, Heading } from "./context/readme.js";
export type { GraphFact, GraphEdge, CycleGroup, GraphSettings } from "./graph/index.js";
export type { ClonesFact, ClonePair, CloneLocation, CloneSettings } from "./clones/index.js";
export type { PackageFact } from "./context/packages.js";
export type { CoverageFact, LineCounts } from "./coverage/index.js";
export type { HistoryFact, FileHistory, HistorySettings, HistoryWindow } from "./history/index.js";
export type { TestMapFact } from "./tests/index.js";
export type { HotspotFact, CoupledPair } from "./history/hotspots.js";
export type { ContextDocument, ContextKind, PathMention } from "./context/documents.js";
export type { ProjectFact } from "./context/project.js";
export type { CommandCheck } from "./context/verify.js";
export type { EnvVarFact } from "./context/env.js";

/** The facts model handed to every rule. */
export interface Facts {
  /** The inventory, updated with what reading the files revealed. */
  inventory: Inventory;
  /** Parsed source and test files, sorted by path. */
  modules: ModuleFacts[];
  /** Source files (not tests) that parsed without a syntax error, sorted by path. */
  sources: ModuleFacts[];
  readme: ReadmeFact | null;
  graph: GraphFact;
  clones: ClonesFact;
  packages: PackageFact[];
  history: HistoryFact;
  coverage: CoverageFact;
  tests: TestMapFact;
  /** Changed source files by hotspot score, highest first. */
  hotspots: HotspotFact[];
  /** Source files that change together often (with or without an import path between them). */
  coupling: CoupledPair[];
  /** Agent context files and READMEs, agent configuration. */
  context: ContextFact;
  /** Every command the context files and READMEs mention, checked. */
  commands: CommandCheck[];
  project: ProjectFact;
  /** Environment variables the source code reads. */
  envVars: EnvVarFact[];
}

/** Settings of the fact producers. */
export interface FactOptions {
  graph: GraphSettings;
  clones: CloneSettings;
  history: HistorySettings;
  /** A coverage report to read (relative to the root); null looks for the usual ones. */
  coverageReport: string | null;
  maxFileSize: number;
  /** An explicit jscpd executable. */
  jscpdPath?: string | undefined;
  /**
   * Reads the history fact with the given settings; default: `git log` of the
   * scanned folder's HEAD. A scan of a past commit's snapshot reads it from the
   * repository instead (one log shared by all the commits of a backfill).
   */
  readHistory?: ((settings: HistorySettings) => Promise<HistoryFact>) | undefined;
  /** False when nothing reads clones (duplication disabled): jscpd is then not run. */
  needsClones?: boolean | undefined;
  /**
   * Facts kept between scans of commits of one repository, keyed by blob ids.
   * Only for trees read from git objects, whose blob ids are exact.
   */
  caches?: FactCaches | undefined;
  onStage?: ((stage: string, milliseconds: number) => void) | undefined;
}

/** Facts shared between scans of several commits: parsed files, and jscpd's result per set of files. */
export interface FactCaches {
  modules: ModuleCache;
  clones: Map<string, Promise<ClonesFact>>;
}

/** Empty caches for a series of commit scans. */
export function createFactCaches(): FactCaches {
  return { modules: new Map(), clones: new Map() };
}

/** Defaults for programmatic use and tests. */
export const DEFAULT_FACT_OPTIONS: FactOptions = {
  graph: DEFAULT_GRAPH_SETTINGS,
  clones: { minTokens: null, minLines: null, timeoutMs: 120_000 },
  history: DEFAULT_HISTORY_SETTINGS,
  coverageReport: null,
  maxFileSize: 1024 * 1024,
};

/** Runs every fact producer once: jscpd and git start first and run while Node parses. */
export async function collectFacts(inventory: Inventory, options: FactOptions = DEFAULT_FACT_OPTIONS): Promise<Facts> {
  const started = performance.now();
  const readHistory = options.readHistory ?? ((settings) => collectHistory(inventory.root, settings));
  const historyRun = readHistory(options.history).then((fact) => {
    options.onStage?.("history (parallel)", performance.now() - started);
    return fact;
  });
  const clonesRun = runClones(inventory, options).then((fact) => {
    options.onStage?.("clones (parallel)", performance.now() - started);
    return fact;
  });
  const knownFiles = new Set(inventory.files.map((file) => file.path));
  const [modules, readme, packages, context] = await Promise.all([
    collectModules(inventory.root, inventory.files, options.caches?.modules),
    readReadme(inventory.root, inventory.files),
    readPackages(inventory.root, inventory.packageRoots, knownFiles),
    readContext(inventory),
  ]);
  const project = await readProject(inventory, packages.packages);
  options.onStage?.("parse", performance.now() - started);
  const sorted = modules.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const graphStarted = performance.now();
  const built = buildGraph(inventory, sorted, packages.packages, options.graph);
  options.onStage?.("graph", performance.now() - graphStarted);
  const coverage = await collectCoverage(
    inventory.root,
    options.coverageReport,
    sorted.filter((module) => module.kind === "source").map((module) => module.path),
  );
  const history = await historyRun;
  const updated = applyContentFindings(inventory, modules.skipped, modules.reclassified, [
    ...modules.warnings,
    ...packages.warnings,
    ...built.warnings,
    ...coverageWarnings(coverage),
    ...(history.status === "ok" && history.isShallow
      ? [`shallow clone: history has ${history.commits} commits in the window, hotspots may be incomplete`]
      : []),
  ]);
  const tests = mapTests(sorted, built.graph.edges, coverage);
  const waitStarted = performance.now();
  const clones = onlyParsed(await clonesRun, new Set(sorted.map((module) => module.path)));
  options.onStage?.("clones wait", performance.now() - waitStarted);
  return {
    inventory:
      clones.status === "unavailable" ? withWarning(updated, `duplication not measured: ${clones.reason}`) : updated,
    modules: sorted,
    sources: sorted.filter((module) => module.kind === "source" && !module.parseError),
    readme,
    graph: built.graph,
    clones,
    packages: packages.packages,
    history,
    coverage,
    tests,
    hotspots: rankHotspots(history, sorted, tests),
    coupling: findCoupling(
      history,
      new Set(sorted.filter((module) => module.kind === "source").map((module) => module.path)),
      built.graph.edges,
      { minSharedCommits: options.history.minSharedCommits, minDegree: options.history.minCouplingDegree },
    ),
    context,
    commands: verifyCommands({
      root: inventory.root,
      documents: context.documents.filter((document) => document.linkedTo === null),
      packages: packages.packages,
      project,
      files: new Set([...knownFiles, ...inventory.skipped.map((file) => file.path)]),
    }),
    project,
    envVars: collectEnvVars(
      sorted.filter((module) => module.kind === "source" && !module.parseError),
      context.documents,
      project,
    ),
  };
}

/** jscpd on the parsed files; a commit with the same files (by blob) as an earlier one reuses its run. */
function runClones(inventory: Inventory, options: FactOptions): Promise<ClonesFact> {
  if (options.needsClones === false)
    return Promise.resolve({ status: "unavailable", reason: "the duplication category is disabled" });
  const files = inventory.files.filter((file) => isParsedKind(file.kind));
  const run = () =>
    collectClones({
      root: inventory.root,
      files: files.map((file) => file.path),
      maxFileSize: options.maxFileSize,
      settings: options.clones,
      executable: options.jscpdPath,
    });
  const cache = options.caches?.clones;
  if (!cache || files.some((file) => file.blob === null)) return run();
  const key = createHash("sha1")
    .update(JSON.stringify([options.clones, options.maxFileSize, files.map((file) => [file.path, file.blob])]))
    .digest("hex");
  const cached = cache.get(key);
  if (cached) return cached;
  const running = run();
  cache.set(key, running);
  return running;
}

function coverageWarnings(coverage: CoverageFact): string[] {
  if (coverage.status === "unreadable")
    return [`${coverage.report}: coverage report unreadable (${coverage.reason}); tests mapped from imports instead`];
  return [];
}

/** jscpd was given the files before reading showed some to be minified or generated: drop those. */
function onlyParsed(fact: ClonesFact, parsed: ReadonlySet<string>): ClonesFact {
  if (fact.status !== "ok") return fact;
  return { status: "ok", clones: fact.clones.filter((pair) => parsed.has(pair.a.file) && parsed.has(pair.b.file)) };
}

function withWarning(inventory: Inventory, warning: string): Inventory {
  return { ...inventory, warnings: [...inventory.warnings, warning] };
}

function applyContentFindings(
  inventory: Inventory,
  skipped: readonly SkippedFile[],
  reclassified: ReadonlyArray<{ path: string; kind: DiscoveredFile["kind"] }>,
  warnings: readonly string[],
): Inventory {
  if (skipped.length === 0 && reclassified.length === 0 && warnings.length === 0) return inventory;
  const skippedPaths = new Set(skipped.map((file) => file.path));
  const newKinds = new Map(reclassified.map((entry) => [entry.path, entry.kind]));
  const files = inventory.files
    .filter((file) => !skippedPaths.has(file.path))
    .map((file) => {
      const kind = newKinds.get(file.path);
      return kind ? { ...file, kind } : file;
    });
  const allSkipped = [...inventory.skipped, ...skipped].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  return { ...inventory, files, skipped: allSkipped, warnings: [...inventory.warnings, ...warnings] };
}
