import type { Command } from "commander";
import { Option } from "commander";
import { analyze } from "../engine/index.js";
import { renderReport } from "../report/index.js";
import { formatGain } from "../report/fixes.js";
import { printable } from "../report/printable.js";
import { inFixOrder } from "../score/rank.js";
import type { CliIO } from "./io.js";
import { parseCount, withCacheOptions } from "./scan.js";

interface FixesFlags {
  top: number;
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
      "list the fixes that raise the score most, ranked by gain, then how often the file changes, then effort",
    )
    .argument("[dir]", "repository directory", ".")
    .option("--top <n>", "how many fixes to list", parseCount, 20)
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
