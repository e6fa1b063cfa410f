/**
 * collectFacts: runs every fact producer once per scan.
 *
 * May: read files, run git and child processes, through the producers.
 * May not: report findings, score, print, exit, or keep anything between scans
 * itself (the cache layer does, through `FactOptions.producers`).
 */
import {
  isClassifiedByConfig,
  isParsedKind,
  type DiscoveredFile,
  type Inventory,
  type SkippedFile,
} from "../discover/index.js";
import { collectClones, type ClonesFact } from "./clones/index.js";
import { withoutTypeAssertions } from "./clones/type-tests.js";
import { readContext } from "./context/documents.js";
import { collectEnvVars } from "./context/env.js";
import { readPackages } from "./context/packages.js";
import { checkPaths } from "./context/paths.js";
import { readProject } from "./context/project.js";
import { verifyCommands } from "./context/verify.js";
import { readReadme } from "./context/readme.js";
import { collectCoverage, type CoverageFact } from "./coverage/index.js";
import { findCoupling, rankHotspots } from "./history/hotspots.js";
import { collectHistory } from "./history/index.js";
import { collectModules, SharedParse } from "./modules/index.js";
import { mapTests } from "./tests/index.js";
import { findGenerated } from "./generated/index.js";
import { findTestSupport } from "./tests/support.js";
import { DEFAULT_FACT_OPTIONS, type FactOptions, type Facts, type Producers } from "./types.js";

/** Runs every fact producer once: clone detection (a worker thread) and git start first and run while Node parses. */
export async function collectFacts(inventory: Inventory, options: FactOptions = DEFAULT_FACT_OPTIONS): Promise<Facts> {
  const started = performance.now();
  const producers: Producers = {
    history: (settings) => collectHistory(inventory.root, settings),
    graph: (_modules, _packages, build) => build(),
    clones: (_files, detect) => detect(),
    ...options.producers,
  };
  const historyRun = producers.history(options.history).then((fact) => {
    options.onStage?.("history (parallel)", performance.now() - started);
    return fact;
  });
  // The clone detector's worker, done with its own job, helps parse the files the main thread has not reached.
  const share = new SharedParse(
    inventory.root,
    inventory.files.filter((file) => isParsedKind(file.kind)),
    options.modules !== undefined,
  );
  const clonesRun = runClones(inventory, options, share, producers).then((fact) => {
    options.onStage?.("clones (parallel)", performance.now() - started);
    return fact;
  });
  const knownFiles = new Set(inventory.files.map((file) => file.path));
  const [modules, readme, packages, context] = await Promise.all([
    collectModules(
      inventory.root,
      inventory.files,
      options.modules,
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
  // Loaded on demand: the resolver brings the TypeScript compiler, which a cached scan does not need.
  const build = async () =>
    (await import("./graph/index.js")).buildGraph(inventory, sorted, packages.packages, options.graph);
  const built = await producers.graph(sorted, packages.packages, build);
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

/** Clone detection on the parsed files (the shared parse's, whose helper it becomes), through the clones producer. */
function runClones(
  inventory: Inventory,
  options: FactOptions,
  share: SharedParse,
  producers: Producers,
): Promise<ClonesFact> {
  if (options.needsClones === false)
    return Promise.resolve({ status: "unavailable", reason: "the duplication category is disabled" });
  const files = share.files;
  const blobs = files.map((file) => file.blob);
  const detect = () =>
    collectClones(
      {
        root: inventory.root,
        files: files.map((file) => file.path),
        maxFileSize: options.maxFileSize,
        settings: options.clones,
        executable: options.jscpdPath,
      },
      {
        reuse: options.tokens && blobs.every((blob) => blob !== null) ? { cache: options.tokens, blobs } : undefined,
        help: share.help,
        worker: options.cloneWorker,
      },
    );
  return producers.clones(
    files.map((file) => ({ path: file.path, content: file.blob ?? file.stamp ?? null })),
    detect,
  );
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
