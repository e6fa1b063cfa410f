import { appendFile, readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { ScanResult } from "../contract/result.js";
import { gitAt } from "../git.js";
import { renderReport, type Format, type ReportOptions } from "../report/index.js";
import { PACKAGE_ROOT } from "../version.js";
import { RULES } from "../../rules/index.js";
import { escapeControl, printable } from "../report/printable.js";
import { InputError } from "../errors.js";
import { outputWidth, reasonOf, wantsColor, writeFileAtomic, writeToStream, type CliIO } from "./io.js";

/** How a result is written out. */
export interface EmitOptions {
  format: Format;
  /** A file to write instead of stdout (as the user gave it). */
  output?: string | undefined;
  top: number;
  /** At most this many SARIF results (the top by rank, then one saying how many were left out). */
  maxResults?: number | undefined;
  /** False with --no-color. */
  color: boolean;
  /** The public address of the docs/rules folder, for SARIF helpUri (--docs-url, else config `report.docsUrl`). */
  docsUrl?: string | null | undefined;
}

/**
 * Renders a result and writes it to stdout or the output file; with the
 * `github` format and GITHUB_STEP_SUMMARY set, also appends the Markdown report
 * to the job summary. Warnings go to stderr unless the text report on the
 * terminal already shows them.
 */
export async function emitReport(result: ScanResult, options: EmitOptions, io: CliIO): Promise<void> {
  const toFile = options.output !== undefined;
  const render = {
    color: !toFile && wantsColor(io.stdout, io.env, !options.color),
    width: outputWidth(io),
    top: options.top,
    maxResults: options.maxResults,
    ...(options.format === "sarif" ? { sarif: { ...(await sarifContext(result)), docsUrl: options.docsUrl } } : {}),
  };
  const text = await renderReport(options.format, result, render);
  if (options.output !== undefined) {
    await writeFileAtomic(resolve(io.cwd, options.output), text, options.output);
    io.stderr.write(`groundwork: wrote ${options.format} report to ${options.output}\n`);
  } else {
    await writeToStream(io.stdout, text);
  }
  const summary = io.env.GITHUB_STEP_SUMMARY;
  if (options.format === "github" && summary) {
    const markdown =
      (await renderReport("markdown", result, { ...render, color: false, top: 20 })) +
      (await import("../report/github.js")).leftOutMarkdown(printable(result));
    await appendFile(summary, markdown).catch((error: unknown) => {
      throw new InputError(`cannot append to GITHUB_STEP_SUMMARY ${summary}: ${reasonOf(error)}`);
    });
  }
  if (options.format !== "text" || toFile) {
    for (const warning of result.warnings) io.stderr.write(`groundwork: warning: ${escapeControl(warning)}\n`);
  }
}

/**
 * What the SARIF file takes from outside the result: each rule's docs page,
 * read from this package, and the repository's public address from its
 * `origin` remote (none when there is no remote, or it is a local path).
 */
async function sarifContext(result: ScanResult): Promise<NonNullable<ReportOptions["sarif"]>> {
  const docs = new Map<string, string>();
  await Promise.all(
    RULES.map(async (rule) => {
      const page = await readFile(join(PACKAGE_ROOT, rule.docsPath), "utf8").catch(() => null);
      if (page !== null) docs.set(rule.id, page);
    }),
  );
  // A saved result's root may be gone (report of a file from another machine): then there is no remote.
  const remote = await (async () => {
    try {
      return await gitAt(result.root).raw(["remote", "get-url", "origin"]);
    } catch {
      return null;
    }
  })();
  const { publicRepositoryUri } = await import("../report/sarif.js");
  return { docs, repositoryUri: remote === null ? null : publicRepositoryUri(remote) };
}
