/**
 * Facts: everything rules may know about the repository, collected once per scan.
 *
 * May: read files, run git and child processes, through the producers below.
 * May not: report findings, score, print, or exit.
 */
import { isParsedKind, type DiscoveredFile, type Inventory, type SkippedFile } from "../discover/index.js";
import { collectClones, type CloneSettings, type ClonesFact } from "./clones/index.js";
import { readReadme, type ReadmeFact } from "./context/readme.js";
import { buildGraph, DEFAULT_GRAPH_SETTINGS, type GraphFact, type GraphSettings } from "./graph/index.js";
import { collectModules, type ModuleFacts } from "./modules/index.js";

export type { ModuleFacts } from "./modules/index.js";
export type { ReadmeFact, Heading } from "./context/readme.js";
export type { GraphFact, GraphEdge, CycleGroup, GraphSettings } from "./graph/index.js";
export type { ClonesFact, ClonePair, CloneLocation, CloneSettings } from "./clones/index.js";

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
}

/** Settings of the fact producers. */
export interface FactOptions {
  graph: GraphSettings;
  clones: CloneSettings;
  maxFileSize: number;
  /** An explicit jscpd executable. */
  jscpdPath?: string | undefined;
  /** False when nothing reads clones (duplication disabled): jscpd is then not run. */
  needsClones?: boolean | undefined;
  onStage?: ((stage: string, milliseconds: number) => void) | undefined;
}

/** Defaults for programmatic use and tests. */
export const DEFAULT_FACT_OPTIONS: FactOptions = {
  graph: DEFAULT_GRAPH_SETTINGS,
  clones: { minTokens: null, minLines: null, timeoutMs: 120_000 },
  maxFileSize: 1024 * 1024,
};

/** Runs every fact producer once: jscpd starts first and runs while Node parses. */
export async function collectFacts(inventory: Inventory, options: FactOptions = DEFAULT_FACT_OPTIONS): Promise<Facts> {
  const started = performance.now();
  const clonesRun: Promise<ClonesFact> =
    options.needsClones === false
      ? Promise.resolve({ status: "unavailable", reason: "the duplication category is disabled" })
      : collectClones({
          root: inventory.root,
          files: inventory.files.filter((file) => isParsedKind(file.kind)).map((file) => file.path),
          maxFileSize: options.maxFileSize,
          settings: options.clones,
          executable: options.jscpdPath,
        }).then((fact) => {
          options.onStage?.("clones (parallel)", performance.now() - started);
          return fact;
        });
  const [modules, readme] = await Promise.all([
    collectModules(inventory.root, inventory.files),
    readReadme(inventory.root, inventory.files),
  ]);
  options.onStage?.("parse", performance.now() - started);
  const sorted = modules.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const graphStarted = performance.now();
  const built = buildGraph(inventory, sorted, options.graph);
  options.onStage?.("graph", performance.now() - graphStarted);
  const updated = applyContentFindings(inventory, modules.skipped, modules.reclassified, [
    ...modules.warnings,
    ...built.warnings,
  ]);
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
  };
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
