/**
 * Engine: the public entry of a scan, of the working tree or of a past commit.
 * The pipeline itself is pipeline.ts; past commits are commits.ts.
 *
 * May: call the layers below; write the fact cache and temporary snapshot
 * trees (through them). May not: print, exit, or write anything else; it returns a ScanResult.
 */
import { resolve } from "node:path";
import type { ScanResult } from "../contract/result.js";
import { CommitScanner } from "./commits.js";
import { assertDirectory, type AnalyzeOptions } from "./options.js";
import { scanTree, type ScanOutcome } from "./pipeline.js";
import { resolveCommit } from "./snapshot.js";

export { CommitScanner, type CommitSeries } from "./commits.js";
export type { AnalyzeOptions } from "./options.js";
export type { ScanOutcome } from "./pipeline.js";

/** Scans a repository and returns its ScanResult. Throws a GroundworkError for bad input or config. */
export async function analyze(options: AnalyzeOptions): Promise<ScanResult> {
  return (await scan(options)).result;
}

/** Scans a repository (or, with `ref`, one of its past commits) and returns the result together with its facts. */
export async function scan(options: AnalyzeOptions): Promise<ScanOutcome> {
  const cwd = options.cwd ?? process.cwd();
  const root = resolve(cwd, options.root);
  if (options.ref === undefined) {
    await assertDirectory(root, options.root);
    return scanTree(options, { dir: root }, cwd);
  }
  const scanner = await CommitScanner.open(options);
  try {
    return await scanner.scan(await resolveCommit(root, options.ref));
  } finally {
    await scanner.dispose();
  }
}

export type { ScanResult, Finding, CategoryResult, CheckResult, LevelResult } from "../contract/result.js";
