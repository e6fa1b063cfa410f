import type { ImportKind } from "../modules/index.js";

/** One import between two parsed modules of the repository. */
export interface GraphEdge {
  from: string;
  to: string;
  specifier: string;
  kind: ImportKind;
  isTypeOnly: boolean;
  /** Imported names (`default`, `*`, or exported names). */
  names: string[];
  line: number;
  column: number;
}

/**
 * Why an import of the repository's own code found no file: a relative path to a
 * file that is not there (often generated and not committed), a workspace
 * package whose build output maps back to no source, or an alias (tsconfig
 * `paths`, `#imports`, `@/`, `~/`) that leads nowhere. Packages from the registry
 * are external, not unresolved, whether or not they are installed.
 */
export type UnresolvedReason = "missing-file" | "workspace-output" | "alias";

/** An import whose target could not be found in the repository. */
export interface UnresolvedImport {
  from: string;
  specifier: string;
  line: number;
  reason: UnresolvedReason;
}

/** An edge chosen to break a cycle group, with how many of the group's loops run through it. */
export interface CutSuggestion {
  edge: GraphEdge;
  /** Every import statement from `edge.from` to `edge.to` (a file may import another twice). */
  lines: number[];
  loopsThroughCut: number;
  loopsCounted: number;
  /** False when the group has more loops than were enumerated (the counts cover the first ones). */
  isComplete: boolean;
}

/** A strongly connected component of two or more modules: every file in it reaches every other. */
export interface CycleGroup {
  /** Repo-relative paths, sorted. */
  files: string[];
  /** A shortest loop through the cut edge, starting at its importer, for messages. */
  loop: string[];
  cut: CutSuggestion;
}

/**
 * An indirect edge: a test runs a module as a process (the package's `bin`, or
 * a script in its build output mapped back to the source). Not an import: it
 * counts for what tests reach, never for cycles or coupling.
 */
export interface RunEdge {
  from: string;
  to: string;
  line: number;
  /** What the test names: `bin groundwork (bin/groundwork.js)`, `dist/cli.js`. */
  via: string;
}

/** A package whose public API is known: the modules its package.json entries lead to. */
export interface PackageApi {
  /** The package folder ("" for the root). */
  dir: string;
  /** Repo-relative entry modules, sorted. */
  entries: string[];
}

/** The names a module of a package with a known API exports publicly (`*`: all of them). */
export interface PublicExports {
  path: string;
  names: "*" | string[];
}

/** The module graph of the repository and the cycle groups found in it. */
export interface GraphFact {
  /** Parsed modules (source and test files): the graph's nodes. */
  modules: number;
  /** Internal edges, one per import statement, sorted by importer, line and column. */
  edges: GraphEdge[];
  unresolved: UnresolvedImport[];
  /** Imports of packages outside the repository and of Node built-ins. */
  externalImports: number;
  /** Tests that run a module of the repository as a process. */
  runs: RunEdge[];
  /** Cycle groups under the configured edge kinds, largest first. */
  cycles: CycleGroup[];
  /** Groups that exist only through type-only imports (0 when type-only imports are included). */
  typeOnlyCycles: number;
  /** Which edges the cycle groups were computed over. */
  settings: GraphSettings;
  /**
   * Public APIs: the packages whose entries are known, and the exports their
   * entries reach through re-exports. A module of such a package not listed in
   * `modules` exports nothing publicly; modules of other packages are all public.
   */
  api: { packages: PackageApi[]; modules: PublicExports[] };
}

/** Which imports count as edges for cycles (config `graph`). */
export interface GraphSettings {
  includeTypeOnly: boolean;
  includeDynamic: boolean;
}

/** Default edge kinds for cycles: runtime imports, dynamic ones included. */
export const DEFAULT_GRAPH_SETTINGS: GraphSettings = { includeTypeOnly: false, includeDynamic: true };
