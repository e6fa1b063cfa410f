/**
 * Facts: everything rules may know about the repository, collected once per scan.
 *
 * May: read files, run git and child processes, through the producers below.
 * May not: report findings, score, print, or exit.
 */
import type { Worker } from "node:worker_threads";
import { gitAt } from "../git.js";
import { inputKey, type FactCache } from "../cache/index.js";
import {
  isClassifiedByConfig,
  isParsedKind,
  type DiscoveredFile,
  type Inventory,
  type SkippedFile,
} from "../discover/index.js";
import { collectClones, type CloneSettings, type ClonesFact, type TokenCache } from "./clones/index.js";
import { withoutTypeAssertions } from "./clones/type-tests.js";
import { readContext, type ContextFact } from "./context/documents.js";
import { collectEnvVars, type EnvVarFact } from "./context/env.js";
import { readPackages, type PackageFact } from "./context/packages.js";
import { checkPaths, type PathCheck } from "./context/paths.js";
import { readProject, type ProjectFact } from "./context/project.js";
import { verifyCommands, type CommandCheck } from "./context/verify.js";
import { readReadme, type ReadmeFact } from "./context/readme.js";
import { collectCoverage, type CoverageFact } from "./coverage/index.js";
import { DEFAULT_GRAPH_SETTINGS, type GraphFact, type GraphSettings } from "./graph/types.js";
import {
  findCoupling,
  rankHotspots,
  type CoupledPair,
  type HotspotFact,
  type HotspotThresholds,
} from "./history/hotspots.js";
import { collectHistory, DEFAULT_HISTORY_SETTINGS, type HistoryFact, type HistorySettings } from "./history/index.js";
import { collectModules, SharedParse, type ModuleCache, type ModuleFacts } from "./modules/index.js";
import { mapTests, type TestMapFact } from "./tests/index.js";
import { findGenerated } from "./generated/index.js";
import { findTestSupport } from "./tests/support.js";

export type { ModuleFacts, ModuleCache } from "./modules/index.js";
export { startCloneWorker } from "./clones/index.js";
export type { ReadmeFact, Heading } from "./context/readme.js";
export type { GraphFact, GraphEdge, CycleGroup, GraphSettings } from "./graph/index.js";
export type { ClonesFact, ClonePair, CloneLocation, CloneSettings } from "./clones/index.js";
export type { PackageFact } from "./context/packages.js";
export type { CoverageFact, LineCounts } from "./coverage/index.js";
export type { HistoryFact, FileHistory, HistorySettings, HistoryWindow } from "./history/index.js";
export type { TestMapFact } from "./tests/index.js";
export type { HotspotFact, CoupledPair } from "./history/hotspots.js";
export type { ContextDocument, ContextKind, PathCue, PathMention } from "./context/documents.js";
export type { PathCheck, PathResolution } from "./context/paths.js";
export type { ProjectFact } from "./context/project.js";
export type { CommandCheck } from "./context/verify.js";
export type { EnvVarFact } from "./context/env.js";

/** The facts model handed to every rule. */
export interface Facts {
  /** The inventory, updated with what reading the files revealed. */
  inventory: Inventory;
  /** Parsed source and test files, sorted by path. */
  modules: ModuleFacts[];
  /** How many of them came from the fact cache instead of a parse. */
  cachedModules: number;
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
  /** Every path the context files and READMEs mention, resolved against the tree. */
  paths: PathCheck[];
  project: ProjectFact;
  /** Environment variables the source code reads. */
  envVars: EnvVarFact[];
}

/** Settings of the fact producers. */
export interface FactOptions {
  graph: GraphSettings;
  clones: CloneSettings;
  history: HistorySettings;
  /** The complexity and file-length limits that make a hotspot risky (the rules' options); default: their defaults. */
  hotspots?: HotspotThresholds;
  /** A coverage report to read (relative to the root); null looks for the usual ones. */
  coverageReport: string | null;
  maxFileSize: number;
  /** An explicit jscpd executable (GROUNDWORK_JSCPD): clones are then found by jscpd. */
  jscpdPath?: string | undefined;
  /** A clone worker started before discovery (startCloneWorker), to use rather than start one. */
  cloneWorker?: Worker | null | undefined;
  /**
   * Reads the history fact with the given settings; default: `git log` of the
   * scanned folder's HEAD. A scan of a past commit's snapshot reads it from the
   * repository instead (one log shared by all the commits of a backfill).
   */
  readHistory?: ((settings: HistorySettings) => Promise<HistoryFact>) | undefined;
  /** False when nothing reads clones (duplication disabled): no clone detection runs. */
  needsClones?: boolean | undefined;
  /** Facts kept between scans, keyed by content (see FactCaches). */
  caches?: FactCaches | undefined;
  onStage?: ((stage: string, milliseconds: number) => void) | undefined;
  /** Called as files are parsed, with how many of those to parse are done. */
  onProgress?: ((task: string, done: number, total: number) => void) | undefined;
}

/**
 * Facts kept between scans: parsed files by content, and the clones per
 * set of files (in memory, shared by the commits of one backfill); with a
 * `store` (the on-disk fact cache), also the graph, clones and history by a
 * key of their inputs.
 */
export interface FactCaches {
  modules: ModuleCache;
  clones: Map<string, Promise<ClonesFact>>;
  /**
   * Token streams by blob id, for a series of commit scans: duplication is then
   * detected on this thread, and a commit that changed 5 files tokenizes 5.
   */
  tokens?: TokenCache | undefined;
  store?: FactCache | undefined;
}

/** Empty caches for a series of commit scans. */
export function createFactCaches(): FactCaches {
  return { modules: new Map(), clones: new Map(), tokens: new Map() };
}

/** Defaults for programmatic use and tests. */
export const DEFAULT_FACT_OPTIONS: FactOptions = {
  graph: DEFAULT_GRAPH_SETTINGS,
  clones: { engine: "builtin", minTokens: null, minLines: null, timeoutMs: 120_000 },
  history: DEFAULT_HISTORY_SETTINGS,
  coverageReport: null,
  maxFileSize: 1024 * 1024,
};

/** Runs every fact producer once: clone detection (a worker thread) and git start first and run while Node parses. */
export async function collectFacts(inventory: Inventory, options: FactOptions = DEFAULT_FACT_OPTIONS): Promise<Facts> {
  const started = performance.now();
  const readHistory =
    options.readHistory ?? ((settings: HistorySettings) => cachedHistory(inventory, settings, options.caches?.store));
  const historyRun = readHistory(options.history).then((fact) => {
    options.onStage?.("history (parallel)", performance.now() - started);
    return fact;
  });
  // The clone detector's worker, done with its own job, helps parse the files the main thread has not reached.
  const share = new SharedParse(
    inventory.root,
    inventory.files.filter((file) => isParsedKind(file.kind)),
    options.caches?.modules !== undefined,
  );
  const clonesRun = runClones(inventory, options, share).then((fact) => {
    options.onStage?.("clones (parallel)", performance.now() - started);
    return fact;
  });
  const knownFiles = new Set(inventory.files.map((file) => file.path));
  const [modules, readme, packages, context] = await Promise.all([
    collectModules(
      inventory.root,
      inventory.files,
      options.caches?.modules,
      (done, total) => options.onProgress?.("parsing files", done, total),
      share,
    ),
    readReadme(inventory.root, inventory.files, inventory.skipped),
    readPackages(inventory.root, inventory.packageRoots, knownFiles),
    readContext(inventory),
  ]);
  const project = await readProject(inventory, packages.packages);
  const paths = await checkPaths({ inventory, documents: context.documents, packages: packages.packages });
  options.onStage?.("parse", performance.now() - started);
  const generated = await findGenerated(inventory, modules.modules);
  const support = findTestSupport(
    generated.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
    new Set(inventory.files.filter(isClassifiedByConfig).map((file) => file.path)),
  );
  const sorted = support.modules;
  const graphStarted = performance.now();
  const built = await cachedGraph(inventory, sorted, packages.packages, options);
  options.onStage?.("graph", performance.now() - graphStarted);
  const coverage = await collectCoverage(
    inventory.root,
    options.coverageReport,
    sorted.filter((module) => module.kind === "source").map((module) => module.path),
  );
  const history = await historyRun;
  const updated = applyContentFindings(
    inventory,
    modules.skipped,
    [...modules.reclassified, ...generated.reclassified, ...support.reclassified],
    [
      ...modules.warnings,
      ...packages.warnings,
      ...built.warnings,
      ...coverageWarnings(coverage),
      ...(history.status === "ok" && history.isShallow
        ? [
            `shallow clone: history has ${history.commits} commit${history.commits === 1 ? "" : "s"} in the window, hotspots may be incomplete`,
          ]
        : []),
    ],
  );
  const tests = mapTests(sorted, built.graph.edges, coverage, built.graph.runs, inventory.testRunners);
  const waitStarted = performance.now();
  const clones = withoutTypeAssertions(
    onlyParsed(await clonesRun, new Set(sorted.map((module) => module.path))),
    sorted,
  );
  options.onStage?.("clones wait", performance.now() - waitStarted);
  return {
    inventory:
      clones.status === "unavailable" ? withWarning(updated, `duplication not measured: ${clones.reason}`) : updated,
    modules: sorted,
    cachedModules: modules.fromCache,
    sources: sorted.filter((module) => module.kind === "source" && !module.parseError),
    readme,
    graph: built.graph,
    clones,
    packages: packages.packages,
    history,
    coverage,
    tests,
    hotspots: rankHotspots(history, sorted, tests, options.hotspots),
    coupling: findCoupling(
      history,
      new Set(sorted.filter((module) => module.kind === "source").map((module) => module.path)),
      built.graph.edges,
      { minSharedCommits: options.history.minSharedCommits, minDegree: options.history.minCouplingDegree },
      generated.links,
    ),
    context,
    commands: verifyCommands({
      root: inventory.root,
      documents: context.documents.filter((document) => document.linkedTo === null),
      packages: packages.packages,
      project,
      files: new Set([...knownFiles, ...inventory.skipped.map((file) => file.path)]),
    }),
    paths,
    project,
    envVars: collectEnvVars(sorted, context.documents, project, { files: knownFiles, packages: packages.packages }),
  };
}

/**
 * Clone detection on the parsed files (the shared parse's, whose helper it becomes). Its result is reused when the same files (by
 * content) were compared before: by an earlier commit of a backfill, or by
 * the previous scan (the on-disk cache).
 */
function runClones(inventory: Inventory, options: FactOptions, share: SharedParse): Promise<ClonesFact> {
  if (options.needsClones === false)
    return Promise.resolve({ status: "unavailable", reason: "the duplication category is disabled" });
  const files = share.files;
  const caches = options.caches;
  const blobs = files.map((file) => file.blob);
  const run = () =>
    collectClones(
      {
        root: inventory.root,
        files: files.map((file) => file.path),
        maxFileSize: options.maxFileSize,
        settings: options.clones,
        executable: options.jscpdPath,
      },
      {
        reuse: caches?.tokens && blobs.every((blob) => blob !== null) ? { cache: caches.tokens, blobs } : undefined,
        help: share.help,
        worker: options.cloneWorker,
      },
    );
  const contents = files.map((file) => [file.path, file.blob ?? file.stamp ?? null]);
  if (!caches || contents.some(([, content]) => content === null)) return run();
  const key = inputKey([options.clones, options.maxFileSize, options.jscpdPath ?? null, contents]);
  const stored = caches.store?.fact<ClonesFact>("clones", key);
  const cached = caches.clones.get(key) ?? (stored ? Promise.resolve(stored) : undefined);
  if (cached) return cached;
  const running = run().then((fact) => {
    // A failure (a timeout, a crash) is not a property of the files: try again next time.
    if (fact.status === "ok") caches.store?.remember("clones", key, fact);
    return fact;
  });
  caches.clones.set(key, running);
  return running;
}

/**
 * The graph, reused from the on-disk cache when its inputs are the same: every
 * file's path, each module's imports and exported names (for the public API), the packages and the resolver's
 * configuration files (tsconfig, jsconfig, package.json) by content.
 */
async function cachedGraph(
  inventory: Inventory,
  modules: readonly ModuleFacts[],
  packages: readonly PackageFact[],
  options: FactOptions,
): Promise<BuiltGraph> {
  // Loaded on demand: the resolver brings the TypeScript compiler, which a cached scan does not need.
  const build = async () => (await import("./graph/index.js")).buildGraph(inventory, modules, packages, options.graph);
  const store = options.caches?.store;
  if (!store) return build();
  const resolverFiles = inventory.files
    .filter((file) => RESOLVER_CONFIG.test(file.path))
    .map((file) => [file.path, file.blob ?? file.stamp ?? file.path]);
  const key = inputKey([
    options.graph,
    inventory.files.map((file) => file.path),
    inventory.skipped.map((file) => file.path),
    modules.map((module) => [module.path, module.imports, module.exports.map((symbol) => symbol.name)]),
    packages,
    resolverFiles,
  ]);
  const stored = store.fact<BuiltGraph>("graph", key);
  if (stored) return stored;
  const built = await build();
  store.remember("graph", key, built);
  return built;
}

interface BuiltGraph {
  graph: GraphFact;
  warnings: string[];
}

const RESOLVER_CONFIG = /(?:^|\/)(?:[tj]sconfig[^/]*\.json|package\.json)$/;

/**
 * The history of HEAD's commit: the same commit (and the same settings and
 * shallowness) always gives the same history, since the window ends at the
 * commit's own date, so it is read from the on-disk cache when there.
 */
async function cachedHistory(
  inventory: Inventory,
  settings: HistorySettings,
  store: FactCache | undefined,
): Promise<HistoryFact> {
  if (!store || inventory.commit === null) return collectHistory(inventory.root, settings);
  const shallow = await gitAt(inventory.root)
    .raw(["rev-parse", "--is-shallow-repository"])
    .then(
      (out) => out.trim(),
      () => null,
    );
  if (shallow === null) return collectHistory(inventory.root, settings);
  const key = inputKey([inventory.root, inventory.commit, shallow, settings]);
  const stored = store.fact<HistoryFact>("history", key);
  if (stored) return stored;
  const fact = await collectHistory(inventory.root, settings, "HEAD", shallow === "true");
  if (fact.status === "ok") store.remember("history", key, fact);
  return fact;
}

function coverageWarnings(coverage: CoverageFact): string[] {
  if (coverage.status === "unreadable")
    return [`${coverage.report}: coverage report unreadable (${coverage.reason}); tests mapped from imports instead`];
  return [];
}

/** Clone detection was given the files before reading showed some to be minified or generated: drop those. */
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
  reclassified: ReadonlyArray<{ path: string; kind: DiscoveredFile["kind"]; why?: string }>,
  warnings: readonly string[],
): Inventory {
  if (skipped.length === 0 && reclassified.length === 0 && warnings.length === 0) return inventory;
  const skippedPaths = new Set(skipped.map((file) => file.path));
  const newKinds = new Map(reclassified.map((entry) => [entry.path, entry]));
  const files = inventory.files
    .filter((file) => !skippedPaths.has(file.path))
    .map((file) => {
      const entry = newKinds.get(file.path);
      // The parse reclassifies by content: a generated-file header, or imports of a test framework.
      return entry ? { ...file, kind: entry.kind, why: entry.why ?? "a generated-file header" } : file;
    });
  const allSkipped = [...inventory.skipped, ...skipped].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  return { ...inventory, files, skipped: allSkipped, warnings: [...inventory.warnings, ...warnings] };
}
