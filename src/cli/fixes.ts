import type { Command } from "commander";
import { Option } from "commander";
import { resolve } from "node:path";
import { analyze } from "../engine/index.js";
import { renderReport } from "../report/index.js";
import { formatGain } from "../report/fixes.js";
import type { ScanResult } from "../contract/result.js";
import { planLines, topActions } from "../report/plan.js";
import { printable } from "../report/printable.js";
import { inFixOrder } from "../score/rank.js";
import { writeFileAtomic, writeToStream, type CliIO } from "./io.js";
import { parseCount, withCacheOptions } from "./scan.js";

interface FixesFlags {
  output?: string;
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
    .option("-o, --output <file>", "write the list to a file instead of stdout")
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
    // JSON escapes control characters itself; the text lists show them as escapes (see report/printable.ts).
    const shown = flags.format === "json" ? result : printable(result);
    const width = flags.output === undefined && io.stdout.isTTY && io.stdout.columns ? io.stdout.columns : 100;
    const text =
      flags.format === "markdown"
        ? await renderReport("markdown", result, { color: false, width: 100, top: flags.top })
        : flags.by === "action"
          ? planText(shown, flags, width)
          : findingsText(shown, flags);
    if (flags.output === undefined) await writeToStream(io.stdout, text);
    else {
      await writeFileAtomic(resolve(io.cwd, flags.output), text, flags.output);
      io.stderr.write(`groundwork: wrote the fix ${flags.by === "action" ? "plan" : "list"} to ${flags.output}\n`);
    }
    setExitCode(0);
  });
}

/** The first `--top` findings by rank: JSON as in the ScanResult, text with each one's fix. */
function findingsText(result: ScanResult, flags: FixesFlags): string {
  const ranked = inFixOrder(result.findings).slice(0, flags.top);
  if (flags.format === "json") return `${JSON.stringify(ranked, null, 2)}\n`;
  const lines = ranked.flatMap((fix) => [
    `${String(fix.rank).padStart(3)}. ${formatGain(fix.gain).padEnd(6)} ${fix.file}:${fix.line}:${fix.column}  ${fix.message}`,
    `        fix: ${fix.fix} [${fix.ruleId} · ${fix.effort}]`,
  ]);
  const rest = result.findings.length - ranked.length;
  if (result.findings.length === 0) lines.push("No findings.");
  else if (rest > 0) lines.push(`…and ${rest} more (--top ${result.findings.length} lists them all).`);
  return `${lines.join("\n")}\n`;
}

/** The fix plan's first `--top` actions: JSON as in the ScanResult, text with each action's first locations. */
function planText(result: ScanResult, flags: FixesFlags, width: number): string {
  const planned = topActions(result, flags.top);
  if (flags.format === "json")
    return `${JSON.stringify(
      planned.map(({ action }) => action),
      null,
      2,
    )}\n`;
  const lines = planLines(planned, width);
  const rest = result.actions.length - planned.length;
  if (result.actions.length === 0) lines.push("No findings.");
  else if (rest > 0) lines.push(`…and ${rest} more (--top ${result.actions.length} lists them all).`);
  return `${lines.join("\n")}\n`;
}
