import { resolve } from "node:path";
import type { Command } from "commander";
import { Option } from "commander";
import { readResultFile } from "../engine/result-file.js";
import { compareWithBaseline } from "../gate/index.js";
import { FORMATS, type Format } from "../report/index.js";
import { emitReport } from "./emit.js";
import { assertWritableOutput, type CliIO } from "./io.js";
import { DOCS_URL_HELP, parseCount, parseDocsUrl, parsePositive } from "./scan.js";

interface ReportFlags {
  format: Format;
  output?: string;
  top: number;
  maxResults?: number;
  docsUrl?: string;
  color: boolean;
  baseline?: string;
}

/**
 * Registers `groundwork report <result.json>`: renders a saved scan in another
 * format, so CI scans once and writes SARIF, annotations and HTML from it.
 */
export function registerReport(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  program
    .command("report")
    .description("render a saved `scan --format json` result in another format, without scanning again")
    .argument("<result>", "a result saved with `groundwork scan --format json --output FILE`")
    .addOption(new Option("-f, --format <format>", "output format").choices(FORMATS).default("text"))
    .option("-o, --output <file>", "write the report to a file instead of stdout")
    .option("--baseline <file>", "compare with an older saved result: new, fixed and unchanged findings")
    .option("--top <n>", "findings to list in the text, Markdown and HTML reports", parseCount, 10)
    .option(
      "--max-results <n>",
      "SARIF: at most n results, the top by rank plus one saying how many were left out (default 5000, what GitHub code scanning keeps)",
      parsePositive,
    )
    .option("--docs-url <url>", DOCS_URL_HELP, parseDocsUrl)
    .option("--no-color", "disable colours in the text report")
    .action(async (file: string, flags: ReportFlags) => {
      if (flags.output !== undefined) await assertWritableOutput(resolve(io.cwd, flags.output), flags.output);
      const saved = await readResultFile(resolve(io.cwd, file), file, "result");
      const result = flags.baseline
        ? compareWithBaseline(
            saved,
            await readResultFile(resolve(io.cwd, flags.baseline), flags.baseline, "baseline"),
            flags.baseline,
          )
        : saved;
      await emitReport(result, flags, io);
      setExitCode(0);
    });
}
