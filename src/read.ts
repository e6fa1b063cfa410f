/**
 * Reading files of a repository Groundwork did not write. A FIFO blocks the
 * reader forever, a character device (`/dev/zero`) never ends, a link may lead
 * out of the repository and a regular file may be any size: so every read
 * `lstat`s first, opens only regular files (a link only when it ends at a
 * regular file inside the repository), never blocks on open, and stops at a
 * size bound. What it refuses comes back as a typed reason, which callers turn
 * into their message ("is a FIFO, not a regular file").
 *
 * May: lstat, realpath, open and read files. May not: write, print, or open a
 * FIFO, device or socket.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, statSync } from "node:fs";
import type { Stats } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";

const MiB = 1024 * 1024;

/** How much Groundwork reads of each kind of file, at most. */
export const READ_LIMITS = {
  /** Config files: groundwork.config.json, tsconfig, package.json, runner configs, CI files, .gitignore. */
  config: MiB,
  /** Documents: README, AGENTS.md and the other agent context files, docs. */
  document: 4 * MiB,
  /** Source files (discovery skips those over `maxFileSize` first): what a string can hold, with room. */
  source: 256 * MiB,
  /** Reports other tools wrote: coverage, jscpd's JSON. */
  report: 256 * MiB,
  /** A saved `scan --format json` result (given to `report`, or as a baseline). */
  result: 256 * MiB,
} as const;

/** Why a file was not read. */
export type ReadProblem =
  | { reason: "missing" }
  | { reason: "not-regular"; type: string }
  | { reason: "outside"; target: string }
  | { reason: "too-large"; size: number; limit: number }
  | { reason: "unreadable"; code: string };

/** A file's bytes, or why they were not read. */
export type BoundedRead = { ok: true; bytes: Buffer } | ({ ok: false } & ReadProblem);

/** A file's text (UTF-8), or why it was not read. */
export type BoundedText = { ok: true; text: string } | ({ ok: false } & ReadProblem);

export interface ReadOptions {
  /**
   * Follow a link to a regular file outside the repository: for installed
   * dependencies (node_modules, which package managers link to their store),
   * never for the repository's own files.
   */
  isOutsideAllowed?: boolean;
}

// O_NONBLOCK: a FIFO put in place between the lstat and the open must not block the open; O_NOCTTY: no terminal adopted.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const realRoots = new Map<string, string>();

/**
 * Reads `path` (relative to `root`, or absolute) as a file of the repository:
 * only a regular file, reached through no link that leads out of `root`, of at
 * most `limit` bytes. A path outside `root` is read only with `isOutsideAllowed`.
 */
export function readBounded(root: string, path: string, limit: number, options: ReadOptions = {}): BoundedRead {
  const absolute = resolve(root, path);
  const inRoot = relative(root, absolute);
  const isLexicallyInside = inRoot !== "" && !inRoot.startsWith(`..${sep}`) && inRoot !== ".." && !isAbsolute(inRoot);
  if (!isLexicallyInside && !options.isOutsideAllowed) return { ok: false, reason: "outside", target: absolute };
  const found = statPath(absolute, false);
  if (!found.ok) return found;
  let target = absolute;
  let stats = found.stats;
  if (!options.isOutsideAllowed || stats.isSymbolicLink()) {
    // Every link on the way resolved: a folder of the path may itself be a link.
    const real = realPath(absolute);
    if (!real.ok) {
      // A link to nothing (or to a pipe: /dev/stdin): there is no file to read.
      return real.reason === "missing" && stats.isSymbolicLink()
        ? { ok: false, reason: "not-regular", type: "a broken link" }
        : real;
    }
    if (!options.isOutsideAllowed && !isInside(realRoot(root), real.path)) {
      return { ok: false, reason: "outside", target: real.path };
    }
    target = real.path;
    if (stats.isSymbolicLink()) {
      const resolved = statPath(target, false);
      if (!resolved.ok) return resolved;
      stats = resolved.stats;
    }
  }
  if (!stats.isFile()) return { ok: false, reason: "not-regular", type: typeOf(stats) };
  return readOpen(target, limit, NO_FOLLOW);
}

/** readBounded, decoded as UTF-8 (a BOM is kept, as `readFile(…, "utf8")` keeps it). */
export function readBoundedText(root: string, path: string, limit: number, options: ReadOptions = {}): BoundedText {
  return asText(readBounded(root, path, limit, options));
}

/** The text of a repository file, or null when it cannot be read safely (for readers that treat both alike). */
export function readTextOrNull(root: string, path: string, limit: number, options: ReadOptions = {}): string | null {
  const read = readBoundedText(root, path, limit, options);
  return read.ok ? read.text : null;
}

/**
 * Reads a file the user named (on the command line or in the environment):
 * links are followed wherever they lead, but only to a regular file, of at
 * most `limit` bytes.
 */
export function readGivenFile(path: string, limit: number): BoundedRead {
  const found = statPath(path, true);
  if (!found.ok) return found;
  if (!found.stats.isFile()) return { ok: false, reason: "not-regular", type: typeOf(found.stats) };
  return readOpen(path, limit, 0);
}

/** readGivenFile, decoded as UTF-8. */
export function readGivenText(path: string, limit: number): BoundedText {
  return asText(readGivenFile(path, limit));
}

/**
 * Reads a file whose path discovery listed and `lstat`ed (a source file): no
 * link is followed at its last component, and only a regular file is opened.
 */
export function readListedFile(absolute: string, limit: number): BoundedRead {
  const found = statPath(absolute, false);
  if (!found.ok) return found;
  if (found.stats.isSymbolicLink()) return { ok: false, reason: "not-regular", type: "a symbolic link" };
  if (!found.stats.isFile()) return { ok: false, reason: "not-regular", type: typeOf(found.stats) };
  return readOpen(absolute, limit, NO_FOLLOW);
}

/** What a problem says after the file's name: "is a FIFO, not a regular file". */
export function describeReadProblem(problem: ReadProblem): string {
  switch (problem.reason) {
    case "missing":
      return "no such file";
    case "not-regular":
      return `is ${problem.type}, not a regular file`;
    case "outside":
      return `leads outside the repository, to ${problem.target}`;
    case "too-large":
      return `is larger than ${formatLimit(problem.limit)} (${problem.size} bytes)`;
    case "unreadable":
      return `cannot be read (${problem.code})`;
  }
}

/** What kind of entry `stats` describes, with its article: "a FIFO", "a character device". */
export function typeOf(stats: Stats): string {
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a FIFO";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  if (stats.isSymbolicLink()) return "a symbolic link";
  return "a special file";
}

function readOpen(path: string, limit: number, extraFlags: number): BoundedRead {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS | extraFlags);
  } catch (error) {
    return failure(error);
  }
  try {
    const stats = fstatSync(fd);
    // Checked again on the open file: the path may have been replaced since the lstat.
    if (!stats.isFile()) return { ok: false, reason: "not-regular", type: typeOf(stats) };
    if (stats.size > limit) return { ok: false, reason: "too-large", size: stats.size, limit };
    // One byte more than the size tells a file that grew while it was read.
    let buffer = Buffer.allocUnsafe(Math.min(stats.size, limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) return { ok: false, reason: "too-large", size: length, limit };
        const larger = Buffer.allocUnsafe(Math.min(buffer.length * 2, limit + 1));
        buffer.copy(larger, 0, 0, length);
        buffer = larger;
      }
      const count = readSync(fd, buffer, length, buffer.length - length, null);
      if (count === 0) break;
      length += count;
    }
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return failure(error);
  } finally {
    closeSync(fd);
  }
}

function statPath(path: string, follow: boolean): { ok: true; stats: Stats } | ({ ok: false } & ReadProblem) {
  try {
    return { ok: true, stats: follow ? statSync(path) : lstatSync(path) };
  } catch (error) {
    return failure(error);
  }
}

function realPath(path: string): { ok: true; path: string } | ({ ok: false } & ReadProblem) {
  try {
    return { ok: true, path: realpathSync.native(path) };
  } catch (error) {
    return failure(error);
  }
}

function realRoot(root: string): string {
  let real = realRoots.get(root);
  if (real === undefined) {
    try {
      real = realpathSync.native(root);
    } catch {
      real = resolve(root);
    }
    realRoots.set(root, real);
  }
  return real;
}

function isInside(root: string, path: string): boolean {
  const inRoot = relative(root, path);
  return inRoot !== "" && inRoot !== ".." && !inRoot.startsWith(`..${sep}`) && !isAbsolute(inRoot);
}

function failure(error: unknown): { ok: false } & ReadProblem {
  const code = error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : "EIO";
  if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, reason: "missing" };
  return { ok: false, reason: "unreadable", code };
}

function asText(read: BoundedRead): BoundedText {
  return read.ok ? { ok: true, text: read.bytes.toString("utf8") } : read;
}

function formatLimit(bytes: number): string {
  return bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes} bytes`;
}
