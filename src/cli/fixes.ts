import type { Command } from "commander";
import { Option } from "commander";
import { analyze } from "../engine/index.js";
import { renderReport } from "../report/index.js";
import { formatGain } from "../report/fixes.js";
import type { ScanResult } from "../contract/result.js";
import { planLines, topActions } from "../report/plan.js";
import { printable } from "../report/printable.js";
import { inFixOrder } from "../score/rank.js";
import type { CliIO } from "./io.js";
import { parseCount, withCacheOptions } from "./scan.js";

interface FixesFlags {
  top: number;
  by: "action" | "finding";
  format: "text" | "markdown" | "json";
  config?: string;
  coverage?: string;
  since?: string;
  cache: boolean;
  cacheDir?: string;
}

/** Registers `groundwork fixes [dir]`: the ranked fix list. */
export function registerFixes(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  const command = program
    .command("fixes")
    .description(
      "the fix plan: actions (the findings of one rule over one file, folder or the repository) ranked by gain weighted by churn; --by finding lists single findings by gain",
    )
    .argument("[dir]", "repository directory", ".")
    .option("--top <n>", "how many actions (or findings) to list", parseCount, 20)
    .addOption(
      new Option("--by <unit>", "list actions, or single findings as before the fix plan")
        .choices(["action", "finding"])
        .default("action"),
    )
    .addOption(
      new Option("-f, --format <format>", "output format").choices(["text", "markdown", "json"]).default("text"),
    )
    .option("-c, --config <file>", "config file (default: groundwork.config.json in the scanned directory, if present)")
    .option("--coverage <file>", "a coverage report to read (default: as for scan)")
    .option("--since <window>", "how far back git history is read (default: 12 months)");
  withCacheOptions(command).action(async (dir: string, flags: FixesFlags) => {
    const result = await analyze({
      root: dir,
      configPath: flags.config,
      coverage: flags.coverage,
      since: flags.since,
      cwd: io.cwd,
      jscpdPath: io.env.GROUNDWORK_JSCPD,
      cache: flags.cache,
      cacheDir: flags.cacheDir,
    });
    if (flags.by === "action" && flags.format !== "markdown") {
      writePlan(flags.format === "json" ? result : printable(result), flags, io);
      setExitCode(0);
      return;
    }
    // JSON escapes control characters itself; the text list shows them as escapes (see report/printable.ts).
    const ranked = inFixOrder((flags.format === "json" ? result : printable(result)).findings).slice(0, flags.top);
    if (flags.format === "json") io.stdout.write(`${JSON.stringify(ranked, null, 2)}\n`);
    else if (flags.format === "markdown")
      io.stdout.write(await renderReport("markdown", result, { color: false, width: 100, top: flags.top }));
    else {
      for (const fix of ranked) {
        io.stdout.write(
          `${String(fix.rank).padStart(3)}. ${formatGain(fix.gain).padEnd(6)} ${fix.file}:${fix.line}:${fix.column}  ${fix.message}\n`,
        );
        io.stdout.write(`        fix: ${fix.fix} [${fix.ruleId} · ${fix.effort}]\n`);
      }
      const rest = result.findings.length - ranked.length;
      if (ranked.length === 0) io.stdout.write("No findings.\n");
      else if (rest > 0) io.stdout.write(`…and ${rest} more (--top ${result.findings.length} lists them all).\n`);
    }
    setExitCode(0);
  });
}

/** The fix plan's first `--top` actions: JSON as in the ScanResult, text with each action's first locations. */
function writePlan(result: ScanResult, flags: FixesFlags, io: CliIO): void {
  const planned = topActions(result, flags.top);
  if (flags.format === "json") {
    io.stdout.write(
      `${JSON.stringify(
        planned.map(({ action }) => action),
        null,
        2,
      )}\n`,
    );
    return;
  }
  if (planned.length === 0) {
    io.stdout.write("No findings.\n");
    return;
  }
  const width = io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 100;
  io.stdout.write(`${planLines(planned, width).join("\n")}\n`);
  const rest = result.actions.length - planned.length;
  if (rest > 0) io.stdout.write(`…and ${rest} more (--top ${result.actions.length} lists them all).\n`);
}
