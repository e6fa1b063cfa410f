/**
 * The history fact: change frequency, authors and co-change from one `git log`
 * over a window that ends at HEAD's commit date (so the same commit always
 * gives the same history, whatever the day it is scanned).
 *
 * May: run git (read-only) in the scanned directory.
 * May not: read blobs, ask git for line counts (`--numstat` costs 10x), report findings.
 */
import { gitAt, gitTimeoutReason, isGitTimeout } from "../../git.js";

/** Change history of one file in the window. */
export interface FileHistory {
  commits: number;
  authors: number;
  /** ISO date of the newest commit that touched the file. */
  lastChange: string;
}

/** The history window, ending at HEAD's commit date. */
export interface HistoryWindow {
  since: string;
  until: string;
  /** As configured, e.g. "12 months". */
  length: string;
}

/** History of the files under the scanned directory, or why there is none. */
export type HistoryFact =
  | {
      status: "ok";
      window: HistoryWindow;
      commits: number;
      isShallow: boolean;
      /** Per file path (repo-relative, renames followed to the current name). */
      files: Map<string, FileHistory>;
      /** Files changed by each commit of at most `maxCommitFiles` files, for co-change; newest first. */
      changeSets: string[][];
    }
  | { status: "unavailable"; reason: string };

/** How history is read (config `history`). */
export interface HistorySettings {
  /** "12 months", "90 days", "2 years" or an ISO date (YYYY-MM-DD) to start from. */
  window: string;
  /**
   * Commits touching more files than this (bulk formatting, renames, upgrades, an initial import) are sweeps: left out
   * of each file's commit and author counts and of co-change.
   */
  maxCommitFiles: number;
  /** Two files are coupled when they change together in at least this many commits… */
  minSharedCommits: number;
  /** …and those shared commits are at least this share (0–1) of their average number of commits. */
  minCouplingDegree: number;
}

/** Default history settings. */
export const DEFAULT_HISTORY_SETTINGS: HistorySettings = {
  window: "12 months",
  maxCommitFiles: 30,
  minSharedCommits: 5,
  minCouplingDegree: 0.5,
};

const RECORD = "\x1e";
const FIELD = "\x1f";
const LOG_FORMAT = `--format=${RECORD}%H${FIELD}%ct${FIELD}%aE${FIELD}%P${FIELD}%aN`;
const WINDOW = /^([1-9]\d*)\s*(day|week|month|year)s?$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True when `window` is a valid history window setting. */
export function isValidWindow(window: string): boolean {
  return WINDOW.test(window.trim()) || (DATE.test(window.trim()) && !Number.isNaN(Date.parse(window.trim())));
}

/** Whether `root` is a shallow clone; null when git cannot tell (not a repository, git missing). */
export async function isShallowClone(root: string): Promise<boolean | null> {
  return gitAt(root)
    .raw(["rev-parse", "--is-shallow-repository"])
    .then(
      (out) => out.trim() === "true",
      () => null,
    );
}

/**
 * Reads the history of `root` with one `git log`, up to `ref` (HEAD by default,
 * or a past commit when a snapshot of it is scanned); never throws. `isShallow`,
 * when the caller already asked git, saves asking again.
 */
export async function collectHistory(
  root: string,
  settings: HistorySettings,
  ref = "HEAD",
  isShallowKnown?: boolean,
): Promise<HistoryFact> {
  const git = gitAt(root);
  let headTime: number;
  let isShallow: boolean;
  try {
    const head = await git.raw(["show", "-s", "--format=%ct", ref]);
    headTime = Number(head.trim()) * 1000;
    isShallow = isShallowKnown ?? (await git.raw(["rev-parse", "--is-shallow-repository"])).trim() === "true";
  } catch (error) {
    return { status: "unavailable", reason: describeFailure(error) };
  }
  if (!Number.isFinite(headTime)) return { status: "unavailable", reason: "the repository has no commits" };
  const since = windowStart(settings.window, headTime);
  let raw: string;
  try {
    raw = await git.raw(logArgs(ref, since, false));
  } catch (error) {
    return { status: "unavailable", reason: describeFailure(error) };
  }
  const parsed = parseLog(raw, settings.maxCommitFiles);
  const window = { since: isoDate(since), until: isoDate(headTime), length: settings.window };
  if (parsed.commits === 0) return { status: "unavailable", reason: noCommitsReason(settings.window, window) };
  return {
    status: "ok",
    window,
    commits: parsed.commits,
    isShallow,
    files: parsed.files,
    changeSets: parsed.changeSets,
  };
}

/** `git log` from `ref` back to `since` (ms): each commit's changed files, no diffs, no rename detection. */
function logArgs(ref: string, since: number, withMerges: boolean): string[] {
  const merges = withMerges ? [] : ["--no-merges"];
  const from = `--since=${new Date(since).toISOString()}`;
  return ["log", ref, from, ...merges, "--no-renames", "--raw", "--no-abbrev", "--relative", "-z", LOG_FORMAT];
}

function noCommitsReason(setting: string, window: HistoryWindow): string {
  const span = DATE.test(setting.trim()) ? `since ${setting.trim()}` : `in the ${setting} before ${window.until}`;
  return `no commits ${span}`;
}

/** The start of the window, in milliseconds, counted back from HEAD's date in calendar units. */
export function windowStart(window: string, headTime: number): number {
  const trimmed = window.trim();
  if (DATE.test(trimmed)) return Date.parse(`${trimmed}T00:00:00Z`);
  const match = WINDOW.exec(trimmed);
  const amount = Number(match?.[1] ?? 12);
  const unit = (match?.[2] ?? "month").toLowerCase();
  const start = new Date(headTime);
  if (unit === "day") start.setUTCDate(start.getUTCDate() - amount);
  else if (unit === "week") start.setUTCDate(start.getUTCDate() - 7 * amount);
  else if (unit === "month") start.setUTCMonth(start.getUTCMonth() - amount);
  else start.setUTCFullYear(start.getUTCFullYear() - amount);
  return start.getTime();
}

interface Accumulator {
  commits: number;
  authors: Map<string, Set<string>>;
  counts: Map<string, number>;
  last: Map<string, number>;
}

/** One commit of the log. */
interface LogRecord {
  hash: string;
  parents: string[];
  /** Milliseconds. */
  time: number;
  author: string;
  /** The author's name (after .mailmap), when the log has it. */
  name?: string;
  changes: RawChange[];
}

/** Splits `git log -z --raw` output (format LOG_FORMAT) into commits, in log order. */
function parseRecords(raw: string): LogRecord[] {
  const records: LogRecord[] = [];
  for (const record of raw.split(RECORD)) {
    if (record.trim() === "") continue;
    const [header = "", ...rest] = record.split("\0");
    const [hash = "", time = "0", author = "", parents = "", name = ""] = header.split(FIELD);
    records.push({
      hash,
      parents: parents.trim() === "" ? [] : parents.trim().split(" "),
      time: Number(time) * 1000,
      author,
      ...(name.trim() === "" ? {} : { name: name.trim() }),
      changes: parseRawEntries(rest),
    });
  }
  return records;
}

/**
 * Parses `git log -z --raw --no-renames` output, newest commit first. An exact
 * rename shows as a deletion and an addition of the same blob in one commit:
 * older history of the old path is then counted under the new one.
 */
export function parseLog(
  raw: string,
  maxCommitFiles: number,
): {
  commits: number;
  files: Map<string, FileHistory>;
  changeSets: string[][];
} {
  return accumulate(parseRecords(raw), maxCommitFiles);
}

function accumulate(records: readonly LogRecord[], maxCommitFiles: number) {
  const acc: Accumulator = { commits: 0, authors: new Map(), counts: new Map(), last: new Map() };
  const renamedTo = new Map<string, string>();
  const changeSets: string[][] = [];
  const current = (path: string): string => renamedTo.get(path) ?? path;
  const authorOf = authorIdentities(records);
  for (const record of records) {
    const { time, changes } = record;
    const author = authorOf(record);
    // A rename's deletion belongs to the new name in its own commit too.
    for (const rename of exactRenames(changes)) renamedTo.set(rename.from, current(rename.to));
    const touched = new Set(changes.map((change) => current(change.path)));
    acc.commits += 1;
    // A sweep (a commit of more than maxCommitFiles files: formatting, renames, upgrades, an initial import) is no
    // change to any one file in particular: it dates the file, it does not count as a change or make an author.
    const isSweep = touched.size > maxCommitFiles;
    for (const path of touched) {
      if (isSweep) touch(acc, path, time);
      else countChange(acc, path, author, time);
    }
    if (touched.size > 0 && !isSweep) changeSets.push([...touched].sort());
  }
  const files = new Map<string, FileHistory>();
  for (const [path, commits] of acc.counts) {
    files.set(path, {
      commits,
      authors: acc.authors.get(path)?.size ?? 0,
      lastChange: isoDate(acc.last.get(path) ?? 0),
    });
  }
  return { commits: acc.commits, files, changeSets };
}

/**
 * The history of many commits of one repository from a single `git log`: each
 * commit's fact is its own window (ending at its date) over its own ancestors,
 * as `collectHistory` would read it, without a git call per commit.
 */
export class HistoryLog {
  private readonly index = new Map<string, number>();

  private constructor(
    private readonly records: readonly LogRecord[],
    private readonly settings: HistorySettings,
    private readonly isShallow: boolean,
  ) {
    records.forEach((record, position) => this.index.set(record.hash, position));
  }

  /** Reads the log from `newest` back to the start of the window of the oldest commit (`oldestTime`, ms). */
  static async load(
    root: string,
    settings: HistorySettings,
    newest: string,
    oldestTime: number,
  ): Promise<HistoryLog | { status: "unavailable"; reason: string }> {
    const git = gitAt(root);
    try {
      const isShallow = (await git.raw(["rev-parse", "--is-shallow-repository"])).trim() === "true";
      // Merges stay in (they link the ancestry) and show no changes without -m.
      const raw = await git.raw(logArgs(newest, windowStart(settings.window, oldestTime), true));
      return new HistoryLog(parseRecords(raw), settings, isShallow);
    } catch (error) {
      return { status: "unavailable", reason: describeFailure(error) };
    }
  }

  /** The history fact of `commit` (committed at `time`, ms), over the window ending at that date. */
  factAt(commit: string, time: number): HistoryFact {
    const since = windowStart(this.settings.window, time);
    const window = { since: isoDate(since), until: isoDate(time), length: this.settings.window };
    const reached = new Set<number>();
    const pending = [commit];
    for (let hash = pending.pop(); hash !== undefined; hash = pending.pop()) {
      const position = this.index.get(hash);
      if (position === undefined || reached.has(position)) continue;
      reached.add(position);
      pending.push(...(this.records[position]?.parents ?? []));
    }
    const records = [...reached]
      .sort((a, b) => a - b)
      .flatMap((position) => this.records[position] ?? [])
      .filter((record) => record.parents.length <= 1 && record.time >= since);
    if (records.length === 0) return { status: "unavailable", reason: noCommitsReason(this.settings.window, window) };
    const parsed = accumulate(records, this.settings.maxCommitFiles);
    return {
      status: "ok",
      window,
      commits: parsed.commits,
      isShallow: this.isShallow,
      files: parsed.files,
      changeSets: parsed.changeSets,
    };
  }
}

/**
 * One identity per person: commits that share an e-mail address or a name (both after .mailmap)
 * are one author, so a maintainer who commits from two addresses is not counted twice.
 */
function authorIdentities(records: readonly LogRecord[]): (record: LogRecord) => string {
  const parent = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while ((parent.get(root) ?? root) !== root) root = parent.get(root) ?? root;
    return root;
  };
  const union = (a: string, b: string): void => {
    const [rootA, rootB] = [find(a), find(b)];
    if (rootA !== rootB) parent.set(rootA < rootB ? rootB : rootA, rootA < rootB ? rootA : rootB);
  };
  const emailOf = (record: LogRecord): string => `email:${record.author.toLowerCase()}`;
  for (const record of records) {
    const email = emailOf(record);
    if (!parent.has(email)) parent.set(email, email);
    if (record.name === undefined) continue;
    const name = `name:${record.name.toLowerCase()}`;
    if (!parent.has(name)) parent.set(name, name);
    union(email, name);
  }
  return (record) => find(emailOf(record));
}

function countChange(acc: Accumulator, path: string, author: string, time: number): void {
  acc.counts.set(path, (acc.counts.get(path) ?? 0) + 1);
  const authors = acc.authors.get(path) ?? new Set<string>();
  authors.add(author.toLowerCase());
  acc.authors.set(path, authors);
  touch(acc, path, time);
}

/** Records that `path` existed in a commit at `time`, without counting a change. */
function touch(acc: Accumulator, path: string, time: number): void {
  if (!acc.counts.has(path)) acc.counts.set(path, 0);
  if (time > (acc.last.get(path) ?? 0)) acc.last.set(path, time);
}

interface RawChange {
  status: string;
  oldBlob: string;
  newBlob: string;
  path: string;
}

/** `:100644 100644 <old> <new> M`, then the path, as NUL-separated fields. */
function parseRawEntries(fields: readonly string[]): RawChange[] {
  const changes: RawChange[] = [];
  for (let index = 0; index < fields.length - 1; index += 1) {
    const meta = fields[index]?.replace(/^\n/, "") ?? "";
    if (!meta.startsWith(":")) continue;
    const parts = meta.slice(1).split(" ");
    const path = fields[index + 1] ?? "";
    changes.push({ status: parts[4] ?? "", oldBlob: parts[2] ?? "", newBlob: parts[3] ?? "", path });
    index += 1;
  }
  return changes;
}

/** Git's id of the empty blob: many empty files are not renames of each other. */
const EMPTY_BLOB = "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391";

function exactRenames(changes: readonly RawChange[]): Array<{ from: string; to: string }> {
  const added = new Map(
    changes
      .filter((change) => change.status === "A" && change.newBlob !== EMPTY_BLOB)
      .map((change) => [change.newBlob, change.path]),
  );
  return changes.flatMap((change) => {
    const to = change.status === "D" ? added.get(change.oldBlob) : undefined;
    return to ? [{ from: change.path, to }] : [];
  });
}

function isoDate(time: number): string {
  return new Date(time).toISOString().slice(0, 10);
}

/** A failed git call as a short reason: git missing, not a repository, no commits, or git's own first line. */
export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (isGitTimeout(error)) return gitTimeoutReason();
  if (/ENOENT|spawn git/i.test(message)) return "git was not found on PATH";
  if (/not a git repository/i.test(message)) return "not a git repository";
  if (/unknown revision|ambiguous argument 'HEAD'|does not have any commits/i.test(message))
    return "the repository has no commits";
  const line = message.split("\n").find((candidate) => candidate.trim() !== "") ?? message;
  return `git log failed (${line.trim()})`;
}
