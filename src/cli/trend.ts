import { Stats } from "node:fs";
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { InvalidArgumentError, Option } from "commander";
import { loadConfig } from "../config/index.js";
import { InputError, UsageError } from "../errors.js";
import { escapeControl } from "../report/printable.js";
import { codeOf, kindOf, reasonOf } from "../writes.js";
import { renderTrend, TREND_FORMATS, type TrendFormat } from "../report/trend/index.js";
import { backfill } from "../engine/backfill.js";
import { toHistoryEntry, type TrendPoint } from "../trend/point.js";
import { isValidDate, isValidPeriod, selectCommits } from "../trend/select.js";
import { buildSeries } from "../trend/series.js";
import { appendHistory, historyRefusal, readHistory, type HistoryTarget } from "../trend/store.js";
import { createProgress } from "./progress.js";
import {
  assertWritableOutput,
  displayPath,
  outputWidth,
  wantsColor,
  writeFileAtomic,
  writeToStream,
  type CliIO,
} from "./io.js";

interface TrendFlags {
  format: TrendFormat;
  output?: string;
  config?: string;
  backfill?: number;
  since?: string;
  every?: string;
  record?: boolean;
  historyFile?: string;
  quiet?: boolean;
  color: boolean;
}

/** Registers `groundwork trend [dir]`. */
export function registerTrend(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  program
    .command("trend")
    .description("show the readiness score over time, from recorded scans and past commits scored now")
    .argument("[dir]", "repository directory", ".")
    .addOption(new Option("-f, --format <format>", "output format").choices(TREND_FORMATS).default("text"))
    .option("-o, --output <file>", "write the trend to a file instead of stdout")
    .option("-c, --config <file>", "config file (default: groundwork.config.json in the directory, if present)")
    .option(
      "--backfill <n>",
      "score the last n commits of the branch's first-parent line, read from git objects",
      parsePositive,
    )
    .option("--since <date>", "only points from this date (YYYY-MM-DD) on; with --every, periods start here", parseDate)
    .option("--every <period>", 'backfill one commit per period: "day", "week", "2 weeks", "month"', parsePeriod)
    .option("--record", "append the backfilled points to the history file (those not recorded yet)")
    .option("--history-file <file>", "the history file (default: .groundwork/history.jsonl in the directory)")
    .option("-q, --quiet", "no progress bar")
    .option("--no-color", "disable colours in the text output")
    .action(async (dir: string, flags: TrendFlags) => {
      setExitCode(await trend(dir, flags, io));
    });
}

async function trend(dir: string, flags: TrendFlags, io: CliIO): Promise<number> {
  const root = resolve(io.cwd, dir);
  const stats = await stat(root).catch((error: unknown) => error);
  if (!(stats instanceof Stats)) {
    const reason = codeOf(stats) === "ENOENT" ? "no such directory" : `cannot be read (${reasonOf(stats)})`;
    throw new InputError(`${dir}: ${reason}`);
  }
  if (!stats.isDirectory())
    throw new InputError(`${dir}: is ${kindOf(stats)}, not a directory (give the repository's directory)`);
  if (flags.every !== undefined && flags.backfill === undefined && flags.since === undefined)
    throw new UsageError("--every needs --since DATE or --backfill N: say where the periods start or how many");
  if (flags.record && flags.backfill === undefined && flags.every === undefined)
    throw new UsageError(
      "--record needs --backfill or --every: it records backfilled points (scan --record records a scan)",
    );
  if (flags.output !== undefined) await assertWritableOutput(resolve(io.cwd, flags.output), flags.output);
  const config = await loadConfig({ root, path: flags.config, cwd: io.cwd });
  const target = historyFileOf(flags.historyFile, root, config.historyFile, io.cwd);
  // Checked before a long backfill: the user's file is an error, one the repository names a warning.
  const refusal = flags.record ? recordRefusal(target) : null;
  if (refusal !== null)
    io.stderr.write(`groundwork: warning: ${escapeControl(`${target.label}: points not recorded (${refusal})`)}\n`);
  const history = await readHistory(target.path, target.label);
  for (const warning of history.warnings) io.stderr.write(`groundwork: warning: ${escapeControl(warning)}\n`);
  const since = flags.since === undefined ? 0 : Date.parse(`${flags.since}T00:00:00Z`);
  const recorded: TrendPoint[] = history.entries
    .filter((entry) => Date.parse(entry.date) >= since)
    .map(({ branch: _branch, scannedAt: _scannedAt, tool: _tool, ...point }) => point);
  let backfilled: TrendPoint[] = [];
  if (flags.backfill !== undefined || flags.every !== undefined) {
    const selected = await selectCommits(root, { count: flags.backfill, since: flags.since, every: flags.every });
    for (const warning of selected.warnings) io.stderr.write(`groundwork: warning: ${escapeControl(warning)}\n`);
    const progress = createProgress(io.stderr, { quiet: flags.quiet });
    const result = await backfill({
      root,
      cwd: io.cwd,
      configPath: flags.config,
      jscpdPath: io.env.GROUNDWORK_JSCPD,
      commits: selected.commits,
      onProgress: (done, total) => progress.update("scoring past commits", done, total),
    }).finally(() => progress.stop());
    for (const warning of result.warnings) io.stderr.write(`groundwork: warning: ${escapeControl(warning)}\n`);
    backfilled = result.points;
    if (flags.record && refusal === null) {
      // Points already recorded (read under the file's lock, so a concurrent run's count too) are left out.
      const entries = backfilled.map((point) => toHistoryEntry(point, null));
      const added = await appendHistory(target, entries, { skipRecorded: true });
      io.stderr.write(`groundwork: recorded ${added} new ${added === 1 ? "point" : "points"} in ${target.label}\n`);
    }
  }
  const series = buildSeries(recorded, backfilled);
  const toFile = flags.output !== undefined;
  const text = await renderTrend(flags.format, series, {
    color: !toFile && wantsColor(io.stdout, io.env, !flags.color),
    root,
    width: outputWidth(io),
  });
  if (flags.output !== undefined) {
    await writeFileAtomic(resolve(io.cwd, flags.output), text, flags.output);
    io.stderr.write(`groundwork: wrote ${flags.format} trend to ${flags.output}\n`);
  } else {
    await writeToStream(io.stdout, text);
  }
  if (series.points.length === 0)
    io.stderr.write(
      "groundwork: no points yet: record scans with `groundwork scan --record`, or score past commits with `groundwork trend --backfill 20`\n",
    );
  return 0;
}

/**
 * The history file: the command line's (relative to the working directory,
 * the user's to put anywhere) or the config's (relative to the root, kept inside it).
 */
export function historyFileOf(flag: string | undefined, root: string, configured: string, cwd: string): HistoryTarget {
  if (flag === "") throw new UsageError("--history-file: the path is empty; give a file");
  if (flag !== undefined) return { path: resolve(cwd, flag), label: flag, root, isUserGiven: true };
  const path = resolve(root, configured);
  return { path, label: displayPath(path, cwd), root, isUserGiven: false };
}

/**
 * Why the scan or points may not be recorded in `target` (see historyRefusal):
 * for the user's `--history-file` an InputError, thrown before anything is
 * scanned; for the file the repository's config or the default names, the reason
 * (a warning: the run goes on without recording).
 */
export function recordRefusal(target: HistoryTarget): string | null {
  const refusal = historyRefusal(target);
  if (refusal !== null && target.isUserGiven)
    throw new InputError(`--history-file ${target.label}: ${refusal}; nothing recorded`);
  return refusal;
}

function parsePositive(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError("expected a whole number, 1 or more.");
  return Number(value);
}

function parseDate(value: string): string {
  if (!isValidDate(value)) throw new InvalidArgumentError("expected a date YYYY-MM-DD.");
  return value;
}

function parsePeriod(value: string): string {
  if (!isValidPeriod(value)) throw new InvalidArgumentError('expected a period such as "week", "2 weeks" or "month".');
  return value;
}
