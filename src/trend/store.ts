/**
 * The history file: one JSON line per recorded scan (`.groundwork/history.jsonl`
 * by default). Lines are only ever appended; a line that does not parse is
 * reported with its number and skipped, and is never rewritten or dropped.
 *
 * May: read the history file, append to it, create its folder (as src/writes.ts allows).
 * May not: rewrite or truncate the file, run git, scan.
 */
import { closeSync, constants, fstatSync, fsyncSync, lstatSync, openSync, readSync, rmSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { removeOnInterrupt } from "../cleanup.js";
import { InputError } from "../errors.js";
import {
  appendRefusal,
  codeOf,
  makeFolderFor,
  openForAppend,
  reasonOf,
  writeAll,
  WriteRefused,
  type WriteTarget,
} from "../writes.js";
import { historyEntrySchema, type HistoryEntry } from "./point.js";

/** The entries of a history file, and one warning per line that was skipped. */
export interface HistoryRead {
  entries: HistoryEntry[];
  warnings: string[];
}

/** Reads the history file at `path` (`label` names it in messages); a missing file is an empty history. */
export async function readHistory(path: string, label = path): Promise<HistoryRead> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = codeOf(error);
    if (code === "ENOENT") return { entries: [], warnings: [] };
    throw new InputError(`${label}: cannot read the history file (${reasonOf(error)})`);
  }
  const entries: HistoryEntry[] = [];
  const warnings: string[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    const problem = parseLine(line);
    if (typeof problem === "string") warnings.push(`${label}:${index + 1}: ${problem}; line skipped`);
    else entries.push(problem);
  });
  return { entries, warnings };
}

function parseLine(line: string): HistoryEntry | string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return "not valid JSON";
  }
  const parsed = historyEntrySchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return `not a history entry (${where}${issue?.message ?? "invalid"})`;
}

/** Where the history file is, who named it, and how messages name it. */
export interface HistoryTarget extends WriteTarget {
  label: string;
}

/**
 * Why `scan --record` or `trend --record` may not append to the target (see
 * src/writes.ts: a link on the way, outside the repository and not the user's,
 * not a regular file, or a file with no recorded scan in it), or null.
 */
export function historyRefusal(target: HistoryTarget): string | null {
  const refusal = appendRefusal(target, isHistoryFile);
  if (refusal !== null) return refusal;
  // A committed file where the lock goes would stall every append: it is no lock of Groundwork's.
  return lockAge(`${target.path}.lock`) === null
    ? `${basename(target.path)}.lock there was not written by Groundwork`
    : null;
}

/** How long a writer waits for another's lock on the history file, and when a lock is deemed left by a crash. */
const LOCK_WAIT_MS = 10_000;
const LOCK_STALE_MS = 30_000;

/**
 * Appends entries to the history file, creating it and its folder. The append
 * holds a lock file beside it (`<file>.lock`, removed after), so concurrent
 * writers take turns; with `skipRecorded`, entries whose commit and scoring
 * model the file already holds are left out, read under the lock (two
 * `trend --record` at once record each point once). All lines go out in one
 * write to a file opened for appending, then the file is synced. When the
 * file's last line was cut short (a crash mid-write elsewhere), a newline first
 * keeps the new entries on lines of their own; the cut line is left as it is.
 * Returns how many entries were appended; throws an InputError naming the file.
 */
export async function appendHistory(
  target: HistoryTarget,
  entries: readonly HistoryEntry[],
  options: { skipRecorded?: boolean } = {},
): Promise<number> {
  if (entries.length === 0) return 0;
  const failed = (reason: string) => new InputError(`cannot append to ${target.label} (${reason})`);
  let release: (() => void) | null = null;
  try {
    makeFolderFor(target);
    release = await lock(`${target.path}.lock`);
    const fresh = options.skipRecorded ? await unrecorded(target, entries) : entries;
    if (fresh.length === 0) return 0;
    const lines = fresh.map((entry) => JSON.stringify(historyEntrySchema.parse(entry))).join("\n");
    const fd = openForAppend(target, isHistoryFile);
    try {
      const needsNewline = !endsWithNewline(fd);
      writeAll(fd, `${needsNewline ? "\n" : ""}${lines}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return fresh.length;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw failed(error instanceof WriteRefused ? error.message : reasonOf(error));
  } finally {
    release?.();
  }
}

/** The entries whose commit and scoring model the file does not hold yet. */
async function unrecorded(target: HistoryTarget, entries: readonly HistoryEntry[]): Promise<HistoryEntry[]> {
  const { entries: recorded } = await readHistory(target.path, target.label);
  const known = new Set(recorded.map((entry) => `${entry.commit}\0${entry.scoringModel}`));
  return entries.filter((entry) => !known.has(`${entry.commit}\0${entry.scoringModel}`));
}

/**
 * Takes the lock file at `path` (created exclusively, never through a link);
 * returns the function that releases it. A lock older than LOCK_STALE_MS was
 * left by a writer that died, and is taken over.
 */
async function lock(path: string): Promise<() => void> {
  const started = Date.now();
  for (;;) {
    let fd: number | null = null;
    try {
      fd = openSync(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW, 0o644);
    } catch (error) {
      if (codeOf(error) !== "EEXIST") throw error;
    }
    if (fd !== null) {
      const unregister = removeOnInterrupt(path);
      try {
        writeAll(fd, `${LOCK_MARK}${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      return () => {
        rmSync(path, { force: true });
        unregister();
      };
    }
    const age = lockAge(path);
    if (age === null) throw new WriteRefused(`${basename(path)} there was not written by Groundwork`);
    if (age > LOCK_STALE_MS) rmSync(path, { force: true });
    else if (Date.now() - started > LOCK_WAIT_MS)
      throw new WriteRefused(`${basename(path)} is held by another Groundwork; remove it if none is running`);
    else await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** What a lock file of Groundwork's starts with (then the holder's process id). */
const LOCK_MARK = "groundwork history lock ";

/**
 * How old the lock at `path` is (0 when it is gone: try again at once), or null
 * when it is no lock of Groundwork's (a committed file of that name is never removed).
 */
function lockAge(path: string): number | null {
  let stats;
  try {
    stats = lstatSync(path);
  } catch {
    return 0;
  }
  if (!stats.isFile()) return null;
  const head = Buffer.alloc(LOCK_MARK.length);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return 0;
  }
  try {
    const read = readSync(fd, head, 0, head.length, 0);
    // A lock just created and not written yet is empty: it is being taken, so it is young.
    if (read === 0) return Date.now() - stats.mtimeMs;
    return head.toString("utf8", 0, read) === LOCK_MARK.slice(0, read) ? Date.now() - stats.mtimeMs : null;
  } finally {
    closeSync(fd);
  }
}

/**
 * A history file: one of its first lines is a recorded scan (a JSON object with
 * a commit and a scan time, of any version of the format). Appending scans to
 * anything else (a package.json named by a committed config) would change a
 * file Groundwork did not write.
 */
function isHistoryFile(head: Buffer): boolean {
  return head
    .toString("utf8")
    .split("\n")
    .some((line) => {
      try {
        const value: unknown = JSON.parse(line);
        return (
          typeof value === "object" &&
          value !== null &&
          "commit" in value &&
          typeof value.commit === "string" &&
          "scannedAt" in value &&
          typeof value.scannedAt === "string"
        );
      } catch {
        return false;
      }
    });
}

function endsWithNewline(fd: number): boolean {
  const { size } = fstatSync(fd);
  if (size === 0) return true;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  return last[0] === 10;
}
