import { resolve } from "node:path";
import type { Command } from "commander";
import { InvalidArgumentError, Option } from "commander";
import { isCategoryId, type CategoryId } from "../contract/categories.js";
import { scan as runScan, type ScanOutcome } from "../engine/index.js";
import type { ScanResult } from "../contract/result.js";
import { EXIT, InputError, UsageError } from "../errors.js";
import { toHistoryEntry, toTrendPoint } from "../trend/point.js";
import { headInfo } from "../trend/select.js";
import { appendHistory } from "../trend/store.js";
import { readResultFile } from "../engine/result-file.js";
import { compareWithBaseline, evaluateGates, type GateSettings } from "../gate/index.js";
import { FORMATS, type Format } from "../report/index.js";
import { escapeControl } from "../report/printable.js";
import { emitReport } from "./emit.js";
import { assertWritableOutput, type CliIO } from "./io.js";
import { createProgress } from "./progress.js";
import { historyFileOf, recordRefusal } from "./trend.js";

interface ScanFlags {
  format: Format;
  output?: string;
  config?: string;
  coverage?: string;
  since?: string;
  timing?: boolean;
  color: boolean;
  top: number;
  maxResults?: number;
  docsUrl?: string;
  minScore?: number;
  min: Array<[CategoryId, number]>;
  failOn?: GateSettings["failOn"];
  maxDrop?: number;
  baseline?: string;
  baselineRef?: string;
  record?: boolean;
  historyFile?: string;
  cache: boolean;
  cacheDir?: string;
  quiet?: boolean;
}

/** Registers `groundwork scan [dir]`; the action stores its exit code through `setExitCode`. */
export function registerScan(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  const command = program
    .command("scan")
    .description("score a repository's readiness for AI coding agents and list what to fix")
    .argument("[dir]", "repository directory to scan", ".")
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS).default("text"))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .option("-c, --config <file>", "config file (default: groundwork.config.json in the scanned directory, if present)")
    .option(
      "--coverage <file>",
      "a coverage report to read (default: coverage/lcov.info, coverage-final.json or coverage-summary.json)",
    )
    .option(
      "--since <window>",
      'how far back git history is read, e.g. "6 months", "90 days" or 2026-01-01 (default: 12 months)',
    )
    .option("--min-score <n>", "gate: exit 1 when the overall score is below n", parseScore)
    .option("--min <category=n>", "gate: exit 1 when the category's score is below n (repeatable)", collectMinimum, [])
    .addOption(
      new Option(
        "--fail-on <what>",
        "gate: exit 1 on any error or warning finding, or only on ones not in the baseline (new needs a baseline); notes (info) never count",
      ).choices(["none", "new", "any"]),
    )
    .option("--max-drop <n>", "gate: exit 1 when the score fell more than n points below the baseline's", parseScore)
    .option("--baseline <file>", "compare with a saved `--format json` result")
    .option(
      "--baseline-ref <ref>",
      "compare with a scan of this git commit (read from git objects; the working tree is not touched)",
    )
    .option("--top <n>", "findings to list in the text, Markdown and HTML reports", parseCount, 10)
    .option(
      "--max-results <n>",
      "SARIF: at most n results, the top by rank plus one saying how many were left out (default 5000, what GitHub code scanning keeps)",
      parsePositive,
    )
    .option("--docs-url <url>", DOCS_URL_HELP, parseDocsUrl)
    .option("--record", "append this scan's scores to the history file, for `groundwork trend`")
    .option("--history-file <file>", "the history file (default: .groundwork/history.jsonl in the scanned directory)")
    .option("--timing", "print the time each stage took to stderr")
    .option("-q, --quiet", "no progress bar")
    .option("--no-color", "disable colours in the text report");
  withCacheOptions(command).action(async (dir: string, flags: ScanFlags) => {
    setExitCode(await scan(dir, flags, io));
  });
}

/** Adds `--no-cache` and `--cache-dir`, worded alike for every command that scans. */
export function withCacheOptions(command: Command): Command {
  return command
    .option("--no-cache", "neither read nor write the fact cache (.groundwork/cache)")
    .option("--cache-dir <dir>", "the fact cache's folder (default: .groundwork/cache in the scanned directory)");
}

/** Parses a whole number of 0 or more (`--top`). */
export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number, 0 or more.");
  return Number(value);
}

/** A whole number, 1 or more. */
/** The help of --docs-url, on scan and report. */
export const DOCS_URL_HELP =
  "SARIF: the public address of Groundwork's docs/rules folder, each rule's page under it given as its helpUri (default: config report.docsUrl, else none)";

/** A --docs-url: an http(s) address. */
export function parseDocsUrl(value: string): string {
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
    throw new InvalidArgumentError("expected an http or https address.");
  return value;
}

export function parsePositive(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError("expected a whole number, 1 or more.");
  return Number(value);
}

function parseScore(value: string): number {
  const number = Number(value);
  if (value.trim() === "" || !Number.isFinite(number) || number < 0 || number > 100) {
    throw new InvalidArgumentError("expected a number from 0 to 100.");
  }
  return number;
}

function collectMinimum(value: string, previous: Array<[CategoryId, number]>): Array<[CategoryId, number]> {
  const match = /^([a-z]+)=(.+)$/.exec(value);
  const id = match?.[1] ?? "";
  if (!match || !isCategoryId(id)) {
    throw new InvalidArgumentError(
      "expected CATEGORY=N with CATEGORY one of interfaces, docs, tests, cycles, duplication, hotspots, context.",
    );
  }
  return [...previous, [id, parseScore(match[2] ?? "")]];
}

async function scan(dir: string, flags: ScanFlags, io: CliIO): Promise<number> {
  const started = performance.now();
  const stages: Array<[string, number]> = [];
  if (flags.baseline && flags.baselineRef)
    throw new UsageError("--baseline and --baseline-ref exclude each other: give one baseline");
  // Fail before a long scan, not after it, when the report cannot be written.
  if (flags.output !== undefined) await assertWritableOutput(resolve(io.cwd, flags.output), flags.output);
  const head = flags.record ? await headInfo(resolve(io.cwd, dir)) : null;
  if (flags.record && !head)
    throw new InputError(`--record: ${dir} is not in a git repository with commits; a history point needs a commit`);
  // The user's history file is checked before a long scan (a folder, a FIFO: exit 2 now, not after the report).
  if (flags.record && flags.historyFile !== undefined)
    recordRefusal(historyFileOf(flags.historyFile, resolve(io.cwd, dir), "", io.cwd));
  const common = {
    configPath: flags.config,
    coverage: flags.coverage,
    since: flags.since,
    cwd: io.cwd,
    jscpdPath: io.env.GROUNDWORK_JSCPD,
  };
  const cache = { cache: flags.cache, cacheDir: flags.cacheDir };
  const progress = createProgress(io.stderr, { quiet: flags.quiet });
  const outcome = await runScan({
    ...common,
    ...cache,
    root: dir,
    onStage: (stage, milliseconds) => stages.push([stage, milliseconds]),
    onProgress: (task, done, total) => progress.update(task, done, total),
  }).finally(() => progress.stop());
  const gate = gateSettings(outcome, flags);
  const result = await withBaseline(outcome.result, dir, flags, common, stages);
  // New findings and a drop are measured from a baseline: without one, a gate asked for on the command line is a
  // usage error (it would pass whatever the scan found); one the config asks for is noted as not checked, so a
  // config shared by CI and local runs still works without a baseline.
  if (!result.baseline) {
    if (flags.failOn === "new") throw new UsageError(`--fail-on new ${NEEDS_BASELINE}`);
    if (flags.maxDrop !== undefined) throw new UsageError(`--max-drop ${NEEDS_BASELINE}`);
  }
  // Recorded before the report is written: a full disk is exit 2 before anything is printed.
  if (head) await record(result, head, outcome.config.historyFile, dir, flags, io);
  const reportStarted = performance.now();
  await emitReport(result, { ...flags, docsUrl: flags.docsUrl ?? outcome.config.docsUrl }, io);
  stages.push(["report", performance.now() - reportStarted]);
  const verdict = evaluateGates(result, gate);
  if (!result.baseline) {
    if (gate.failOn === "new") verdict.notes.push('the config\'s gate.failOn "new" is not checked: no baseline');
    if (gate.maxDrop !== null) verdict.notes.push("the config's gate.maxDrop is not checked: no baseline");
  }
  for (const note of verdict.notes) io.stderr.write(`groundwork: note: ${escapeControl(note)}\n`);
  for (const failure of verdict.failures) io.stderr.write(`groundwork: gate failed: ${escapeControl(failure)}\n`);
  if (flags.timing) {
    stages.push(["total", performance.now() - started]);
    io.stderr.write(`timing: ${stages.map(([stage, ms]) => `${stage} ${Math.round(ms)} ms`).join(" · ")}\n`);
  }
  return verdict.failures.length > 0 ? EXIT.gateFailed : EXIT.ok;
}

const NEEDS_BASELINE = "needs a baseline: give --baseline FILE or --baseline-ref REF";

/** Appends the scan to the history file (atomic append; see src/trend/store.ts). */
async function record(
  result: ScanResult,
  head: NonNullable<Awaited<ReturnType<typeof headInfo>>>,
  configured: string,
  dir: string,
  flags: ScanFlags,
  io: CliIO,
): Promise<void> {
  const target = historyFileOf(flags.historyFile, resolve(io.cwd, dir), configured, io.cwd);
  const refusal = recordRefusal(target);
  if (refusal !== null) {
    io.stderr.write(`groundwork: warning: ${escapeControl(`${target.label}: scan not recorded (${refusal})`)}\n`);
    return;
  }
  const point = { ...toTrendPoint(result, head.commit, head.date), ...(head.dirty ? { dirty: true } : {}) };
  await appendHistory(target, [toHistoryEntry(point, head.branch)]);
  io.stderr.write(
    `groundwork: recorded the scan of ${head.commit.slice(0, 10)}${head.dirty ? " (with uncommitted changes)" : ""} in ${target.label}\n`,
  );
}

/** The config's gate section, with the command line's flags on top. */
function gateSettings(outcome: ScanOutcome, flags: ScanFlags): GateSettings {
  const configured = outcome.config.gate;
  return {
    minScore: flags.minScore ?? configured.minScore,
    min: { ...configured.min, ...Object.fromEntries(flags.min) },
    failOn: flags.failOn ?? configured.failOn,
    maxDrop: flags.maxDrop ?? configured.maxDrop,
  };
}

async function withBaseline(
  result: ScanResult,
  dir: string,
  flags: ScanFlags,
  common: Record<string, string | undefined>,
  stages: Array<[string, number]>,
): Promise<ScanResult> {
  if (flags.baseline) {
    const baseline = await readResultFile(resolve(common.cwd ?? ".", flags.baseline), flags.baseline, "baseline");
    return compareWithBaseline(result, baseline, flags.baseline);
  }
  if (flags.baselineRef) {
    const started = performance.now();
    // Today's coverage report says nothing about the past commit: its tests are mapped from imports.
    const baseline = (await runScan({ ...common, coverage: undefined, root: dir, ref: flags.baselineRef })).result;
    stages.push(["baseline scan", performance.now() - started]);
    return compareWithBaseline(result, baseline, flags.baselineRef);
  }
  return result;
}
