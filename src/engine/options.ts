/**
 * The options of one scan, and their checks: what the caller gave is checked
 * here, once, with a message naming the option.
 *
 * May: stat the paths the options name. May not: read or write anything else.
 */
import { Stats } from "node:fs";
import { stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import type { CacheLocation } from "../cache/index.js";
import { CONFIG_FILE_NAME, type ResolvedConfig } from "../config/index.js";
import { InputError, UsageError } from "../errors.js";
import { isValidWindow } from "../facts/history/index.js";
import { codeOf, kindOf, reasonOf } from "../writes.js";

/** Options of one scan. */
export interface AnalyzeOptions {
  /** Directory to scan (resolved against `cwd`). */
  root: string;
  /** Config file path (resolved against `cwd`); default: groundwork.config.json at the root when present. */
  configPath?: string | undefined;
  /** A config object, instead of a file. */
  config?: unknown;
  cwd?: string | undefined;
  /** A coverage report (resolved against `cwd`); overrides the config. It must exist. */
  coverage?: string | undefined;
  /** The history window ("12 months", "90 days", YYYY-MM-DD); overrides the config. */
  since?: string | undefined;
  /** An explicit jscpd executable, instead of the installed jscpd package. */
  jscpdPath?: string | undefined;
  /** Scan a past commit of the repository at `root` instead of its working tree (read from git objects). */
  ref?: string | undefined;
  /** False: neither read nor write the on-disk fact cache (`--no-cache`). Scans of past commits never use it. */
  cache?: boolean | undefined;
  /** The fact cache's folder (resolved against `cwd`); overrides the config's `cache.dir`. */
  cacheDir?: string | undefined;
  /** Called with each stage's wall time in milliseconds. */
  onStage?: ((stage: string, milliseconds: number) => void) | undefined;
  /** Called as the long steps advance (parsing files), for a progress bar. */
  onProgress?: ((task: string, done: number, total: number) => void) | undefined;
}

/**
 * The on-disk fact cache's folder, or null when this scan uses none: turned
 * off, or a past commit's scan (which keeps its facts in memory). The config's
 * `cache.dir` is the repository's say, kept inside it; `--cache-dir` is the user's.
 */
export function cacheLocationOf(
  options: AnalyzeOptions,
  config: ResolvedConfig,
  tree: { dir: string; isSnapshot: boolean },
  cwd: string,
): CacheLocation | null {
  if (options.cacheDir === "") throw new UsageError("--cache-dir: the path is empty; give a folder");
  if (tree.isSnapshot || options.cache === false || (!config.cache.isEnabled && options.cacheDir === undefined))
    return null;
  return options.cacheDir === undefined
    ? { dir: resolve(tree.dir, config.cache.dir), root: tree.dir, isUserGiven: false }
    : { dir: resolve(cwd, options.cacheDir), root: tree.dir, isUserGiven: true };
}

/** The coverage report to read: `--coverage` (which must be a file), else the config's. */
export async function coverageReportOf(
  options: AnalyzeOptions,
  config: ResolvedConfig,
  cwd: string,
  root: string,
): Promise<string | null> {
  if (options.coverage === undefined) return config.coverageReport;
  const path = resolve(cwd, options.coverage);
  const stats = await stat(path).catch((error: unknown) => error);
  if (!(stats instanceof Stats)) {
    const reason = codeOf(stats) === "ENOENT" ? "no such file" : `cannot be read (${reasonOf(stats)})`;
    throw new InputError(`--coverage ${options.coverage}: ${reason}`);
  }
  if (!stats.isFile()) throw new InputError(`--coverage ${options.coverage}: is ${kindOf(stats)}, not a regular file`);
  return relative(root, path);
}

/** The history window `--since` gives, checked. */
export function validWindow(since: string): string {
  if (!isValidWindow(since))
    throw new UsageError(`--since ${since}: expected a window such as "12 months", "90 days" or a date YYYY-MM-DD`);
  return since;
}

/** Throws an InputError naming `given` unless `root` is a directory. */
export async function assertDirectory(root: string, given: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(root)).isDirectory();
  } catch (error) {
    const reason = codeOf(error) === "ENOENT" ? "no such directory" : `cannot be read (${reasonOf(error)})`;
    throw new InputError(`${given}: ${reason}`);
  }
  if (!isDirectory) throw new InputError(`${given}: not a directory (give the repository's directory, not a file)`);
}

/** The config file at the root, when there is one. */
export async function defaultConfigPath(root: string): Promise<string | undefined> {
  const path = join(root, CONFIG_FILE_NAME);
  return (await stat(path).catch(() => null))?.isFile() ? path : undefined;
}
