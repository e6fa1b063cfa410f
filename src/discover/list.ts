import { globby } from "globby";
import { simpleGit } from "simple-git";

/** One path from the lister, with what the lister knows of it. */
export interface ListedPath {
  path: string;
  blob: string | null;
  isSymlink: boolean;
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
      walked.length > 0
        ? ["git lists no files in this directory (it is ignored); files were listed from the filesystem"]
        : [];
    return { lister: walked.length > 0 ? "filesystem" : "git", commit: git.listing.commit, paths: walked, warnings };
  }
  const walked = await walkFilesystem(root, true);
  return { lister: "filesystem", commit: null, paths: walked, warnings: git.warning ? [git.warning] : [] };
}

async function walkFilesystem(root: string, gitignore: boolean): Promise<ListedPath[]> {
  const paths = await globby("**", {
    cwd: root,
    dot: true,
    gitignore,
    onlyFiles: true,
    followSymbolicLinks: false,
    suppressErrors: true,
    ignore: ["**/node_modules/**", "**/.git/**"],
  });
  return paths.sort().map((path) => ({ path, blob: null, isSymlink: false }));
}

type GitAttempt = { kind: "listing"; listing: Listing } | { kind: "none"; warning: string | null };

async function tryGit(root: string): Promise<GitAttempt> {
  const git = simpleGit({ baseDir: root, trimmed: false });
  try {
    const inside = await git.raw(["rev-parse", "--is-inside-work-tree"]);
    if (inside.trim() !== "true") return { kind: "none", warning: null };
  } catch (error) {
    return { kind: "none", warning: describeGitFailure(error) };
  }
  const [raw, modified, commit] = await Promise.all([
    git.raw(["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--stage"]),
    // Tracked files whose work-tree content may differ from the index: their index blob id is not theirs.
    git.raw(["diff-files", "--name-only", "--relative", "-z"]).then(
      (out) => new Set(out.split("\0").filter(Boolean)),
      () => null,
    ),
    git.raw(["rev-parse", "--verify", "--quiet", "HEAD"]).then(
      (out) => out.trim() || null,
      () => null,
    ),
  ]);
  const paths = parseLsFiles(raw).map((entry) =>
    entry.blob !== null && (modified === null || modified.has(entry.path)) ? { ...entry, blob: null } : entry,
  );
  return { kind: "listing", listing: { lister: "git", commit, paths, warnings: [] } };
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
    if (mode === undefined || blob === undefined || path === undefined || mode === GITLINK_MODE) continue;
    // Conflicted paths appear once per stage; the first is enough.
    if (!seen.has(path)) seen.set(path, { path, blob, isSymlink: mode === SYMLINK_MODE });
  }
  return [...seen.values()];
}

function describeGitFailure(error: unknown): string | null {
  const message = error instanceof Error ? error.message : String(error);
  if (/not a git repository/i.test(message)) return null;
  if (/ENOENT|spawn git/i.test(message)) {
    return "git was not found on PATH; files were listed from the filesystem (.gitignore honoured) and no commit is recorded";
  }
  const firstLine = message.split("\n").find((line) => line.trim() !== "") ?? message;
  return `git could not list files (${firstLine.trim()}); files were listed from the filesystem instead`;
}
