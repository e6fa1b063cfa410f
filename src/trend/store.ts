/**
 * The history file: one JSON line per recorded scan (`.groundwork/history.jsonl`
 * by default). Lines are only ever appended; a line that does not parse is
 * reported with its number and skipped, and is never rewritten or dropped.
 *
 * May: read the history file, append to it, create its folder.
 * May not: rewrite or truncate the file, run git, scan.
 */
import { closeSync, fsyncSync, openSync, writeSync } from "node:fs";
import { mkdir, open, readFile } from "node:fs/promises";
import { dirname } from "node:path";
import { InputError } from "../errors.js";
import { historyEntrySchema, type HistoryEntry } from "./point.js";

/** Where `scan --record` appends, relative to the scanned directory, unless the config says otherwise. */
export const DEFAULT_HISTORY_FILE = ".groundwork/history.jsonl";

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
    const code = error instanceof Error && "code" in error ? String(error.code) : "error";
    if (code === "ENOENT") return { entries: [], warnings: [] };
    throw new InputError(`${label}: cannot read the history file (${code})`);
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

/**
 * Appends entries to the history file, creating it and its folder. All lines
 * go out in one write to a file opened for appending, so concurrent scans
 * never interleave within a line, then the file is synced. When the file's
 * last line was cut short (a crash mid-write elsewhere), a newline first keeps
 * the new entries on lines of their own; the cut line is left as it is.
 */
export async function appendHistory(path: string, entries: readonly HistoryEntry[], label = path): Promise<void> {
  if (entries.length === 0) return;
  const lines = entries.map((entry) => JSON.stringify(historyEntrySchema.parse(entry))).join("\n");
  try {
    await mkdir(dirname(path), { recursive: true });
    const needsNewline = !(await endsWithNewline(path));
    const fd = openSync(path, "a");
    try {
      writeSync(fd, `${needsNewline ? "\n" : ""}${lines}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch (error) {
    const code = error instanceof Error && "code" in error ? String(error.code) : "error";
    throw new InputError(`cannot append to ${label} (${code})`);
  }
}

async function endsWithNewline(path: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(path, "r");
  } catch {
    return true;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return true;
    const last = Buffer.alloc(1);
    await handle.read(last, 0, 1, size - 1);
    return last[0] === 10;
  } finally {
    await handle.close();
  }
}
