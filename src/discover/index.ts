/**
 * Discover: the file inventory of the scanned tree.
 *
 * May: list files (git or filesystem), stat them, resolve symbolic links (never followed outside), read the
 * test runners' configuration files (their include globs say what a test is), classify files by path.
 * May not: read other file contents (the facts layer reads each file once), print, or exit.
 */
import { lstatSync, realpathSync, statSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import { typeOf } from "../read.js";
import { createClassifier, isParsedKind, type ClassifyOverrides } from "./classify.js";
import { listFiles, type ListedPath, type Listing } from "./list.js";
import { readTestRunners, type RunnerCache } from "./runners.js";
import type { DiscoveredFile, Inventory, SkippedFile } from "./types.js";

export type { DiscoveredFile, FileKind, Inventory, SkipReason, SkippedFile } from "./types.js";
export type { Listing, ListedPath } from "./list.js";
export type { RunnerCache, VitestConfig } from "./runners.js";
export { listFiles } from "./list.js";
export { isClassifiedByConfig, isParsedKind, type ClassifyOverrides } from "./classify.js";

/** What discovery needs from the resolved config. */
export interface DiscoverOptions {
  /** Globs (repo-relative) excluded from the scan. */
  ignore: readonly string[];
  /** Globs that force a kind. */
  classify: ClassifyOverrides;
  /** Code files larger than this many bytes are skipped as too large (files looked up by name are kept). */
  maxFileSize: number;
}

/**
 * Lists, stats and classifies every file under `root`. A `listing` given by the
 * caller (a past commit's tree) replaces git's or the filesystem's list.
 */
export async function discover(
  root: string,
  options: DiscoverOptions,
  given?: Listing,
  runnerCache?: RunnerCache,
): Promise<Inventory> {
  const listing = given ?? (await listFiles(root));
  const packageRoots = findPackageRoots(listing.paths);
  const listed = listing.paths.filter((entry) => !entry.isSymlink && !entry.isSubmodule);
  const runners = await readTestRunners(
    root,
    listed.map((entry) => entry.path),
    { blobs: new Map(listed.map((entry) => [entry.path, entry.blob])), cache: runnerCache },
  );
  const classifier = createClassifier({
    packageRoots,
    ignore: options.ignore,
    overrides: options.classify,
    runnerTest: (path) => runners.match(path),
    packageNames: runners.packageNames,
    paths: listed.map((entry) => entry.path),
  });
  const files: DiscoveredFile[] = [];
  const skipped: SkippedFile[] = [];
  const toStat: Array<{ listed: ListedPath; kind: DiscoveredFile["kind"]; why: string | undefined }> = [];

  for (const listed of listing.paths) {
    if (listed.isSubmodule) {
      skipped.push({ path: listed.path, reason: "submodule", detail: "another repository: scan it on its own" });
      continue;
    }
    const outcome = classifier.classify(listed.path);
    if ("skip" in outcome) {
      skipped.push({ path: listed.path, reason: outcome.skip });
    } else if (listed.isSymlink) {
      skipped.push(linkEntry(root, listed.path));
    } else if (outcome.kind === "other") {
      files.push({ path: listed.path, kind: "other", size: null, blob: listed.blob });
    } else {
      toStat.push({ listed, kind: outcome.kind, why: outcome.why });
    }
  }

  // Code in a fixture tree beside tests a runner runs (vite's playground/cli/__tests__/serve.ts) is their support.
  const testDirs = new Set(
    toStat
      .filter((entry) => entry.kind === "test" && entry.why?.includes(" runs it: ") === true)
      .map((entry) => posix.dirname(entry.listed.path)),
  );
  for (const entry of toStat) {
    if (entry.kind === "fixture" && testDirs.has(posix.dirname(entry.listed.path))) {
      entry.kind = "test";
      entry.why = "test support beside tests the runner runs";
    }
  }

  // Synchronous on purpose: 4,500 lstat calls take ~15 ms in a loop and ~150 ms through the thread pool.
  for (const { listed, kind, why } of toStat) {
    const stat = statOrError(join(root, listed.path));
    if (stat.kind === "missing" || stat.kind === "directory") continue;
    if (stat.kind === "error") {
      skipped.push({ path: listed.path, reason: "unreadable", detail: stat.code });
    } else if (stat.kind === "symlink") {
      skipped.push(linkEntry(root, listed.path));
    } else if (stat.kind === "special") {
      // A FIFO blocks its reader and a device never ends: never opened.
      skipped.push({ path: listed.path, reason: "not-regular", detail: stat.type });
    } else if (stat.size > options.maxFileSize && isParsedKind(kind)) {
      // Only what is parsed is bounded by size: a large lockfile, CI file or document still exists.
      skipped.push({ path: listed.path, reason: "too-large", detail: `${stat.size} bytes` });
    } else {
      files.push({ path: listed.path, kind, why, size: stat.size, blob: listed.blob, stamp: stat.stamp });
    }
  }

  return {
    root,
    lister: listing.lister,
    commit: listing.commit,
    files: files.sort(byPath),
    skipped: skipped.sort(byPath),
    packageRoots: [...packageRoots].sort(),
    vitestConfigs: runners.vitestConfigs,
    testRunners: runners.facts,
    warnings: [...listing.warnings, ...runners.warnings],
  };
}

/**
 * A symbolic link, skipped as code (its target is scanned where it lives), with
 * its target when that is a regular file inside the repository.
 */
function linkEntry(root: string, path: string): SkippedFile {
  try {
    const real = realpathSync(join(root, path));
    const inside = relative(realpathSync(root), real);
    if (inside === "" || inside.startsWith("..") || inside.startsWith(sep) || !statSync(real).isFile()) {
      return { path, reason: "symlink" };
    }
    return { path, reason: "symlink", linkedTo: inside.split(sep).join("/") };
  } catch {
    return { path, reason: "symlink" };
  }
}

type StatOutcome =
  | { kind: "file"; size: number; stamp: string }
  | { kind: "symlink" }
  | { kind: "special"; type: string }
  | { kind: "directory" }
  | { kind: "missing" }
  | { kind: "error"; code: string };

function statOrError(path: string): StatOutcome {
  try {
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) return { kind: "symlink" };
    if (stat.isDirectory()) return { kind: "directory" };
    if (!stat.isFile()) return { kind: "special", type: typeOf(stat) };
    return { kind: "file", size: stat.size, stamp: `${stat.size}:${stat.mtimeMs}:${stat.ino}` };
  } catch (error) {
    const code = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : "EIO";
    // Tracked in the index but deleted from the work tree: not part of what is scanned.
    return code === "ENOENT" ? { kind: "missing" } : { kind: "error", code };
  }
}

function findPackageRoots(paths: readonly ListedPath[]): Set<string> {
  const roots = new Set<string>([""]);
  for (const { path } of paths) {
    if (posix.basename(path) !== "package.json" || path.split("/").includes("node_modules")) continue;
    const dir = posix.dirname(path);
    roots.add(dir === "." ? "" : dir);
  }
  return roots;
}

function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}
