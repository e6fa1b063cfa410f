import type { TestRunnerFacts, VitestConfig } from "./runners.js";

/**
 * What a listed file is, for analysis purposes. Code files have a scope:
 * product code (`source`), tests, and code that is neither: test fixtures and
 * e2e playgrounds (`fixture`), examples, benchmarks, build and maintenance
 * scripts (`script`), tool config files. Only product code and tests are parsed.
 */
export type FileKind =
  | "source"
  | "test"
  | "fixture"
  | "example"
  | "benchmark"
  | "script"
  | "declaration"
  | "generated"
  | "vendored"
  | "docs"
  | "config"
  | "other";

/** Why a listed file was not analysed at all. */
export type SkipReason =
  | "node_modules"
  | "build-output"
  | "minified"
  | "binary"
  | "too-large"
  | "symlink"
  /** A FIFO, device or socket where a file was listed: never opened. */
  | "not-regular"
  | "submodule"
  | "ignored-by-config"
  | "unreadable";

/** A file the scan keeps, with a repo-relative POSIX path. */
export interface DiscoveredFile {
  path: string;
  kind: FileKind;
  /** Why a code file got its kind (a runner's include glob, a folder, a name, a config override). */
  why?: string | undefined;
  /** Size in bytes, when the file was stat'ed (analysable kinds only). */
  size: number | null;
  /** Git blob id of the file's content, when git knows it exactly (tracked and unmodified). */
  blob: string | null;
  /** Size, modification time and inode of a stat'ed file: the cache's key for a file without a blob id. */
  stamp?: string | undefined;
}

/** A file the scan lists but does not analyse, and why. */
export interface SkippedFile {
  path: string;
  reason: SkipReason;
  detail?: string;
  /**
   * A symbolic link's target when it is a regular file inside the repository
   * (real path, links along the way resolved): documents are read through it.
   */
  linkedTo?: string;
}

/** Everything discovery learned about the scanned tree. */
export interface Inventory {
  /** Absolute path of the scanned directory. */
  root: string;
  /** How the file list was obtained. */
  lister: "git" | "filesystem";
  /** HEAD commit when the root is inside a git work tree with commits. */
  commit: string | null;
  /** Kept files, sorted by path. */
  files: DiscoveredFile[];
  /** Skipped files, sorted by path. */
  skipped: SkippedFile[];
  /** Directories holding a package.json (repo-relative, "" for the root), sorted. */
  packageRoots: string[];
  /** The vitest configs' typecheck and watch options, read with their test globs. */
  vitestConfigs: VitestConfig[];
  /** What each test runner collects (patterns, the folders it searches) and the apps its e2e tests drive. */
  testRunners?: TestRunnerFacts | undefined;
  /** Non-fatal problems met while listing. */
  warnings: string[];
}
