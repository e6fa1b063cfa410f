/**
 * Which past commits a backfill scans: the last N on the current branch's
 * first-parent line, or one per period (the newest commit of each week, say).
 * The first-parent line is what the branch looked like after each merge, so a
 * feature branch's work-in-progress commits are not points of the trend.
 *
 * May: run read-only git commands.
 * May not: scan, write anything.
 */
import { gitAt } from "../git.js";
import { InputError, UsageError } from "../errors.js";
import { describeFailure } from "../facts/history/index.js";

/** A commit of the first-parent line. */
export interface DatedCommit {
  commit: string;
  /** Committer date, ISO 8601 with the committer's offset. */
  date: string;
  /** Committer date in milliseconds. */
  time: number;
}

/** What to backfill. */
export interface Selection {
  /** At most this many points (the newest ones). */
  count?: number | undefined;
  /** Only commits from this date (YYYY-MM-DD, UTC) on. */
  since?: string | undefined;
  /** One commit per period, e.g. "week", "2 weeks", "month". */
  every?: string | undefined;
}

/** The chosen commits, oldest first, and what limited them. */
export interface Selected {
  commits: DatedCommit[];
  warnings: string[];
}

const PERIOD = /^(?:([1-9]\d*)\s*)?(day|week|month|year)s?$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FIELD = "\x1f";

/** True when `period` is a valid `--every` value. */
export function isValidPeriod(period: string): boolean {
  return PERIOD.test(period.trim());
}

/** True when `date` is a valid `--since` value. */
export function isValidDate(date: string): boolean {
  return DATE.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`));
}

/** Picks the commits to backfill in the repository at `root`, oldest first. */
export async function selectCommits(root: string, selection: Selection): Promise<Selected> {
  if (selection.since !== undefined && !isValidDate(selection.since))
    throw new UsageError(`--since ${selection.since}: expected a date YYYY-MM-DD`);
  if (selection.every !== undefined && !isValidPeriod(selection.every))
    throw new UsageError(`--every ${selection.every}: expected a period such as "week", "2 weeks" or "month"`);
  const line = await firstParentLine(root, selection.since);
  const warnings: string[] = [];
  if (line.isShallow) {
    const oldest = line.commits.at(-1);
    warnings.push(
      `shallow clone: history stops at ${oldest?.date.slice(0, 10) ?? "HEAD"}; fetch more (git fetch --unshallow) to backfill further`,
    );
  }
  let chosen = line.commits;
  if (selection.every !== undefined) chosen = onePerPeriod(chosen, selection.every, selection.since);
  if (selection.count !== undefined) chosen = chosen.slice(0, selection.count);
  return { commits: [...chosen].reverse(), warnings };
}

/** The current branch's first-parent commits, newest first. */
async function firstParentLine(
  root: string,
  since: string | undefined,
): Promise<{ commits: DatedCommit[]; isShallow: boolean }> {
  const git = gitAt(root);
  let raw: string;
  let isShallow: boolean;
  try {
    isShallow = (await git.raw(["rev-parse", "--is-shallow-repository"])).trim() === "true";
    raw = await git.raw([
      "log",
      "--first-parent",
      `--format=%H${FIELD}%cI${FIELD}%ct`,
      ...(since === undefined ? [] : [`--since=${since}T00:00:00Z`]),
      "HEAD",
      "--",
    ]);
  } catch (error) {
    throw new InputError(`${root}: ${describeFailure(error)}; a backfill reads past commits from git`);
  }
  const commits = raw
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => {
      const [commit = "", date = "", seconds = "0"] = line.split(FIELD);
      return { commit, date, time: Number(seconds) * 1000 };
    });
  return { commits, isShallow };
}

/**
 * One commit per period: the newest commit of each. Periods run forward from
 * `since` when given, otherwise backward from the newest commit's date.
 * Periods without a commit give no point.
 */
export function onePerPeriod(newestFirst: readonly DatedCommit[], every: string, since?: string): DatedCommit[] {
  const newest = newestFirst[0];
  if (!newest) return [];
  const match = PERIOD.exec(every.trim());
  const amount = Number(match?.[1] ?? 1);
  const unit = (match?.[2] ?? "week").toLowerCase();
  const chosen = new Map<number, DatedCommit>();
  const bucketOf =
    since === undefined
      ? (time: number) => bucketBackward(newest.time, time, amount, unit)
      : (time: number) => bucketForward(Date.parse(`${since}T00:00:00Z`), time, amount, unit);
  for (const commit of newestFirst) {
    const bucket = bucketOf(commit.time);
    if (!chosen.has(bucket)) chosen.set(bucket, commit);
  }
  return [...chosen.values()];
}

/** Index of the period holding `time`, counting forward from `start`. */
function bucketForward(start: number, time: number, amount: number, unit: string): number {
  let index = 0;
  while (shift(start, (index + 1) * amount, unit) <= time) index += 1;
  return index;
}

/** Index of the period holding `time`, counting back from `end` (which is in period 0). */
function bucketBackward(end: number, time: number, amount: number, unit: string): number {
  let index = 0;
  while (shift(end, -(index + 1) * amount, unit) >= time) index += 1;
  return index;
}

/** `time` moved by `amount` calendar units (UTC). */
function shift(time: number, amount: number, unit: string): number {
  const date = new Date(time);
  if (unit === "day") date.setUTCDate(date.getUTCDate() + amount);
  else if (unit === "week") date.setUTCDate(date.getUTCDate() + 7 * amount);
  else if (unit === "month") date.setUTCMonth(date.getUTCMonth() + amount);
  else date.setUTCFullYear(date.getUTCFullYear() + amount);
  return date.getTime();
}

/** The commit, date and branch of the work tree's HEAD, and whether tracked files have uncommitted changes. */
export async function headInfo(
  root: string,
): Promise<{ commit: string; date: string; branch: string | null; dirty: boolean } | null> {
  const git = gitAt(root);
  try {
    const [commit = "", date = ""] = (await git.raw(["show", "-s", `--format=%H${FIELD}%cI`, "HEAD"]))
      .trim()
      .split(FIELD);
    const branch = (await git.raw(["rev-parse", "--abbrev-ref", "HEAD"])).trim();
    // gitAt adds --no-optional-locks: status would otherwise refresh (write) the index. Submodules are
    // not scanned, and their own configuration is not Groundwork's to vet: status stays out of them.
    // A status git refuses to run counts as uncommitted changes: the point is then never taken for the commit's.
    const status = await git
      .raw(["status", "--porcelain", "--untracked-files=no", "--ignore-submodules=all", "--", "."])
      .catch(() => "unknown");
    return { commit, date, branch: branch === "HEAD" ? null : branch, dirty: status.trim() !== "" };
  } catch {
    return null;
  }
}
