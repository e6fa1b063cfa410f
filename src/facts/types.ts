/**
 * The facts model: everything rules may know about the repository, and the
 * settings and producers it is collected with (see collect.ts).
 *
 * May: declare. May not: collect anything.
 */
import type { Worker } from "node:worker_threads";
import type { Inventory } from "../discover/index.js";
import type { CloneSettings, ClonesFact, TokenCache } from "./clones/index.js";
import type { ContextFact } from "./context/documents.js";
import type { EnvVarFact } from "./context/env.js";
import type { PackageFact } from "./context/packages.js";
import type { PathCheck } from "./context/paths.js";
import type { ProjectFact } from "./context/project.js";
import type { CommandCheck } from "./context/verify.js";
import type { ReadmeFact } from "./context/readme.js";
import type { CoverageFact } from "./coverage/index.js";
import { DEFAULT_GRAPH_SETTINGS, type GraphFact, type GraphSettings } from "./graph/types.js";
import type { CoupledPair, HotspotFact, HotspotThresholds } from "./history/hotspots.js";
import { DEFAULT_HISTORY_SETTINGS, type HistoryFact, type HistorySettings } from "./history/index.js";
import type { ModuleCache, ModuleFacts } from "./modules/index.js";
import type { TestMapFact } from "./tests/index.js";

export type { ModuleFacts, ModuleCache } from "./modules/index.js";
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
  /** False when nothing reads clones (duplication disabled): no clone detection runs. */
  needsClones?: boolean | undefined;
  /** Parsed files kept between scans, by content: the on-disk cache's, or a backfill's in memory. */
  modules?: ModuleCache | undefined;
  /**
   * Token streams by blob id, for a series of commit scans: duplication is then
   * detected on this thread, and a commit that changed 5 files tokenizes 5.
   */
  tokens?: TokenCache | undefined;
  /** How the history, graph and clones are produced, when not directly (a cache's, a commit series'). */
  producers?: Partial<Producers> | undefined;
  onStage?: ((stage: string, milliseconds: number) => void) | undefined;
  /** Called as files are parsed, with how many of those to parse are done. */
  onProgress?: ((task: string, done: number, total: number) => void) | undefined;
}

/** The import graph and the warnings building it gave (unresolved aliases, unreadable configs). */
export interface BuiltGraph {
  graph: GraphFact;
  warnings: string[];
}

/** A file clone detection compares, with what identifies its content (a blob id or a stamp; null when unknown). */
export interface ComparedFile {
  path: string;
  content: string | null;
}

/**
 * The three producers whose results are worth keeping between scans, as
 * `collectFacts` calls them. The defaults compute; the cache layer
 * (src/cache/producers.ts) wraps them to reuse a result whose inputs are the same.
 */
export interface Producers {
  /** The history fact with the given settings; default: `git log` of the scanned folder's HEAD. */
  history(settings: HistorySettings): Promise<HistoryFact>;
  /** The import graph of the parsed modules; `build` builds it. */
  graph(
    modules: readonly ModuleFacts[],
    packages: readonly PackageFact[],
    build: () => Promise<BuiltGraph>,
  ): Promise<BuiltGraph>;
  /** The clone pairs among `files`; `detect` runs the detector. */
  clones(files: readonly ComparedFile[], detect: () => Promise<ClonesFact>): Promise<ClonesFact>;
}

/** Defaults for programmatic use and tests. */
export const DEFAULT_FACT_OPTIONS: FactOptions = {
  graph: DEFAULT_GRAPH_SETTINGS,
  clones: { engine: "builtin", minTokens: null, minLines: null, timeoutMs: 120_000 },
  history: DEFAULT_HISTORY_SETTINGS,
  coverageReport: null,
  maxFileSize: 1024 * 1024,
};
