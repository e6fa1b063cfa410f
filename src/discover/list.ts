import * as fs from "node:fs";
import { accessSync, constants } from "node:fs";
import { join, relative, sep } from "node:path";
import { gitAt, gitTimeoutReason, isGitTimeout } from "../git.js";
import { describeReadProblem, READ_LIMITS, readListedFile } from "../read.js";
import { globCostProblem, mergeGlobstars } from "./globs.js";

/** One path from the lister, with what the lister knows of it. */
export interface ListedPath {
  path: string;
  blob: string | null;
  isSymlink: boolean;
  /** A submodule's commit (a gitlink): another repository, not scanned. */
  isSubmodule?: boolean;
}

/** The raw file list of a tree and how it was made. */
export interface Listing {
  lister: "git" | "filesystem";
  commit: string | null;
  paths: ListedPath[];
  warnings: string[];
}

// `git ls-files -s` prints "<mode> <blob> <stage>\t<path>" for tracked files and a bare path for untracked ones.
const STAGED = /^(\d{6}) ([0-9a-f]{40,64}) \d\t(.*)$/s;
const GITLINK_MODE = "160000";
const SYMLINK_MODE = "120000";

/**
 * Lists the files of `root`: git's own list (tracked plus untracked-not-ignored)
 * inside a work tree, otherwise a filesystem walk that honours .gitignore files.
 */
export async function listFiles(root: string): Promise<Listing> {
  const git = await tryGit(root);
  if (git.kind === "listing" && git.listing.paths.length > 0) return git.listing;
  if (git.kind === "listing") {
    // globby would apply the ignore rules that hide this very directory, so walk it plainly.
    const walked = await walkFilesystem(root, false);
    // Inside a work tree but git lists nothing: the directory is ignored (a vendored or build folder).
    const warnings =
      walked.paths.length > 0
        ? ["git lists no files in this directory (it is ignored); files were listed from the filesystem"]
        : [];
    return {
      lister: walked.paths.length > 0 ? "filesystem" : "git",
      commit: git.listing.commit,
      paths: walked.paths,
      warnings: [...warnings, ...walked.warnings],
    };
  }
  const walked = await walkFilesystem(root, true);
  return {
    lister: "filesystem",
    commit: null,
    paths: walked.paths,
    warnings: [...(git.warning ? [git.warning] : []), ...walked.warnings],
  };
}

/**
 * Folders the filesystem walk descends at most: the cost of each `**` of a
 * .gitignore pattern grows with a path's depth, and no project nests this deep.
 */
export const MAX_WALK_DEPTH = 64;

/** Every file under `root` but node_modules and .git, and a warning per directory that could not be opened. */
async function walkFilesystem(root: string, gitignore: boolean): Promise<{ paths: ListedPath[]; warnings: string[] }> {
  // Loaded here: a git checkout (the usual case) never walks the filesystem, and globby takes 40 ms to load.
  const { globby } = await import("globby");
  const warnings: string[] = [];
  const entries = await globby("**", {
    deep: MAX_WALK_DEPTH,
    // .gitignore files are read as every file is, and their costly patterns left out as config globs are.
    fs: ignoreFileReader(root, warnings),
    cwd: root,
    dot: true,
    gitignore,
    onlyFiles: false,
    markDirectories: true,
    objectMode: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: ["**/node_modules/**", "**/.git/**"],
  });
  const paths: ListedPath[] = [];
  const deepest: string[] = [];
  for (const entry of entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    if (!entry.path.endsWith("/")) {
      paths.push({ path: entry.path, blob: null, isSymlink: entry.dirent.isSymbolicLink() });
    } else {
      // The walk passes over a directory it cannot open in silence: say which one.
      const problem = accessProblem(join(root, entry.path));
      if (problem !== null) warnings.push(unreadableWarning(entry.path.slice(0, -1), problem));
      if (entry.path.split("/").length > MAX_WALK_DEPTH) deepest.push(entry.path.slice(0, -1));
    }
  }
  const cut = deepest.find((dir) => hasEntries(join(root, dir)));
  if (cut !== undefined) {
    warnings.push(
      `${cut}/: folders are walked ${MAX_WALK_DEPTH} levels deep; what is below this one was not listed (git lists it: scan a git checkout)`,
    );
  }
  return { paths, warnings };
}

/**
 * The file system globby walks with, but for .gitignore files: read as git
 * reads them (a link is not followed, only a regular file of at most the config
 * limit), each pattern that is too costly to match dropped with a warning.
 */
function ignoreFileReader(root: string, warnings: string[]): typeof fs {
  const read = (path: fs.PathOrFileDescriptor): string => {
    const absolute = String(path);
    const shown = relative(root, absolute).split(sep).join("/") || absolute;
    const file = readListedFile(absolute, READ_LIMITS.config);
    if (!file.ok) {
      if (file.reason !== "missing")
        warnings.push(`${shown}: ${describeReadProblem(file)}; its patterns are not applied`);
      return "";
    }
    return boundedPatterns(file.bytes.toString("utf8"), shown, warnings);
  };
  return {
    ...fs,
    // globby reads ignore files as text with a path and an encoding, the one overload `read` implements.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
    readFileSync: read as typeof fs.readFileSync,
    promises: {
      ...fs.promises,
      // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion -- as readFileSync above
      readFile: (async (path: fs.PathOrFileDescriptor) => read(path)) as typeof fs.promises.readFile,
    },
  };
}

/** The lines of an ignore file, each costly pattern blanked out (with a warning) and adjacent `**` merged. */
export function boundedPatterns(text: string, shown: string, warnings: string[]): string {
  return text
    .split("\n")
    .map((line, index) => {
      const pattern = line.trim();
      if (pattern === "" || pattern.startsWith("#")) return line;
      const merged = mergeGlobstars(line);
      const problem = globCostProblem(merged.trim().replace(/^!/, ""));
      if (problem === null) return merged;
      warnings.push(`${shown}:${index + 1}: pattern "${pattern}" is not applied: ${problem}`);
      return "";
    })
    .join("\n");
}

function hasEntries(dir: string): boolean {
  try {
    return fs.readdirSync(dir).length > 0;
  } catch {
    return false;
  }
}

function accessProblem(dir: string): string | null {
  try {
    accessSync(dir, constants.R_OK | constants.X_OK);
    return null;
  } catch (error) {
    return error instanceof Error && "code" in error ? String(error.code) : "unreadable";
  }
}

type GitAttempt = { kind: "listing"; listing: Listing } | { kind: "none"; warning: string | null };

async function tryGit(root: string): Promise<GitAttempt> {
  const git = gitAt(root);
  try {
    const inside = await git.raw(["rev-parse", "--is-inside-work-tree"]);
    if (inside.trim() !== "true") return { kind: "none", warning: null };
  } catch (error) {
    return { kind: "none", warning: describeGitFailure(error) };
  }
  const unreadable: Array<{ dir: string; why: string }> = [];
  const [raw, modified, commit] = await Promise.all([
    listWithWarnings(root, unreadable).catch((error: unknown) =>
      error instanceof Error ? error : new Error(String(error)),
    ),
    // Tracked files whose work-tree content may differ from the index: their index blob id is not theirs.
    git.raw(["diff-files", "--ignore-submodules=all", "--name-only", "--relative", "-z"]).then(
      (out) => new Set(out.split("\0").filter(Boolean)),
      () => null,
    ),
    git.raw(["rev-parse", "--verify", "--quiet", "HEAD"]).then(
      (out) => out.trim() || null,
      () => null,
    ),
  ]);
  if (raw instanceof Error) return { kind: "none", warning: describeGitFailure(raw) };
  const paths = parseLsFiles(raw).map((entry) =>
    entry.blob !== null && (modified === null || modified.has(entry.path)) ? { ...entry, blob: null } : entry,
  );
  const warnings = unreadable.map(({ dir, why }) => unreadableWarning(dir, why));
  return { kind: "listing", listing: { lister: "git", commit, paths, warnings } };
}

/**
 * `git ls-files` of tracked and untracked files. Git skips a directory it cannot
 * open with only a warning on stderr; those directories are collected, so that
 * the scan can say which files it could not see.
 */
async function listWithWarnings(root: string, unreadable: Array<{ dir: string; why: string }>): Promise<string> {
  let stderr = "";
  const git = gitAt(root, (text) => {
    if (stderr.length < 100_000) stderr += text;
  });
  const raw = await git.raw(["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--stage"]);
  for (const match of stderr.matchAll(/could not open directory '(.*?)\/?': (.*)$/gm)) {
    if (match[1] !== undefined) unreadable.push({ dir: match[1], why: match[2]?.trim() ?? "" });
  }
  return raw;
}

/** The warning for a directory whose files could not be listed. */
function unreadableWarning(dir: string, why: string): string {
  return `${dir}/: directory could not be read (${why}); files under it were not scanned`;
}

/** Parses `git ls-files -z --stage` output (with untracked entries), one entry per path. */
export function parseLsFiles(raw: string): ListedPath[] {
  const seen = new Map<string, ListedPath>();
  for (const record of raw.split("\0")) {
    if (record === "") continue;
    const staged = STAGED.exec(record);
    if (!staged) {
      seen.set(record, { path: record, blob: null, isSymlink: false });
      continue;
    }
    const [, mode, blob, path] = staged;
    if (mode === undefined || blob === undefined || path === undefined || seen.has(path)) continue;
    // Conflicted paths appear once per stage; the first is enough.
    if (mode === GITLINK_MODE) seen.set(path, { path, blob: null, isSymlink: false, isSubmodule: true });
    else seen.set(path, { path, blob, isSymlink: mode === SYMLINK_MODE });
  }
  return [...seen.values()];
}

function describeGitFailure(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  if (isGitTimeout(error)) return `${gitTimeoutReason()}; files were listed from the filesystem instead`;
  if (/not a git repository/i.test(message)) return null;
  if (/ENOENT|spawn git/i.test(message)) {
    return "git was not found on PATH; files were listed from the filesystem (.gitignore honoured) and no commit is recorded";
  }
  const firstLine = message.split("\n").find((line) => line.trim() !== "") ?? message;
  return `git could not list files (${firstLine.trim()}); files were listed from the filesystem instead`;
}
