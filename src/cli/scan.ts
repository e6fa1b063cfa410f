import { dirname, resolve } from "node:path";
import type { Command } from "commander";
import { InvalidArgumentError, Option } from "commander";
import { analyze } from "../engine/index.js";
import { FORMATS, renderReport, type Format } from "../report/index.js";
import { assertDirectoryExists, wantsColor, writeFileAtomic, type CliIO } from "./io.js";

interface ScanFlags {
  format: Format;
  output?: string;
  config?: string;
  coverage?: string;
  since?: string;
  timing?: boolean;
  color: boolean;
  top: number;
}

const DEFAULT_WIDTH = 100;

/** Registers `groundwork scan [dir]`; the action stores its exit code through `setExitCode`. */
export function registerScan(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  program
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
    .option("--top <n>", "findings to list in the text report", parseCount, 10)
    .option("--timing", "print the time each stage took to stderr")
    .option("--no-color", "disable colours in the text report")
    .action(async (dir: string, flags: ScanFlags) => {
      setExitCode(await scan(dir, flags, io));
    });
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError("expected a whole number, 0 or more.");
  return Number(value);
}

async function scan(dir: string, flags: ScanFlags, io: CliIO): Promise<number> {
  const started = performance.now();
  const stages: Array<[string, number]> = [];
  // Fail before a long scan, not after it, when the report cannot be written.
  if (flags.output !== undefined) await assertDirectoryExists(dirname(resolve(io.cwd, flags.output)), flags.output);
  const result = await analyze({
    root: dir,
    configPath: flags.config,
    coverage: flags.coverage,
    since: flags.since,
    cwd: io.cwd,
    jscpdPath: io.env.GROUNDWORK_JSCPD,
    onStage: (stage, milliseconds) => stages.push([stage, milliseconds]),
  });
  const reportStarted = performance.now();
  const toFile = flags.output !== undefined;
  const text = await renderReport(flags.format, result, {
    color: !toFile && wantsColor(io.stdout, io.env, !flags.color),
    width: toFile ? DEFAULT_WIDTH : Math.max(80, Math.min(io.stdout.columns ?? DEFAULT_WIDTH, 160)),
    top: flags.top,
  });
  stages.push(["report", performance.now() - reportStarted]);
  if (flags.output !== undefined) {
    const path = resolve(io.cwd, flags.output);
    await writeFileAtomic(path, text, flags.output);
    io.stderr.write(`groundwork: wrote ${flags.format} report to ${flags.output}\n`);
  } else {
    io.stdout.write(text);
  }
  if (flags.format !== "text" || toFile) {
    for (const warning of result.warnings) io.stderr.write(`groundwork: warning: ${warning}\n`);
  }
  if (flags.timing) {
    stages.push(["total", performance.now() - started]);
    io.stderr.write(`timing: ${stages.map(([stage, ms]) => `${stage} ${Math.round(ms)} ms`).join(" · ")}\n`);
  }
  return 0;
}
