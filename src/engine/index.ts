/**
 * Engine: validate options → discover → collect facts → run rules → score.
 *
 * May: call the layers below and time them.
 * May not: print, exit, or write anything; it returns a ScanResult.
 */
import { Stats } from "node:fs";
import { stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import type { CategoryId } from "../categories.js";
import { FactCache, hasCacheFile, type CacheLocation } from "../cache/index.js";
import { CONFIG_FILE_NAME, loadConfig, type ResolvedConfig } from "../config/index.js";
import { discover, listFiles, type Inventory, type Listing } from "../discover/index.js";
import { InputError, UsageError } from "../errors.js";
import {
  collectHistory,
  HistoryLog,
  isValidWindow,
  type HistoryFact,
  type HistorySettings,
} from "../facts/history/index.js";
import { collectFacts, createFactCaches, startCloneWorker, type FactCaches, type Facts } from "../facts/index.js";
import { DEFAULT_HOTSPOT_THRESHOLDS, type HotspotThresholds } from "../facts/history/hotspots.js";
import { findingGain } from "../score/gain.js";
import { score } from "../score/index.js";
import { rankFindings } from "../score/rank.js";
import { TOOL_NAME, TOOL_VERSION } from "../version.js";
import { RULES } from "../../rules/index.js";
import { FindingCollector } from "./collector.js";
import { SCHEMA_VERSION, type ScanResult } from "./result.js";
import { codeOf, kindOf, reasonOf } from "../writes.js";
import { resolveCommit, TreeStore } from "./snapshot.js";

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

/** Scans a repository and returns its ScanResult. Throws a GroundworkError for bad input or config. */
export async function analyze(options: AnalyzeOptions): Promise<ScanResult> {
  return (await scan(options)).result;
}

/** A scan's result with the facts it was computed from (for `init`, which writes from verified facts). */
export interface ScanOutcome {
  result: ScanResult;
  facts: Facts;
  config: ResolvedConfig;
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

/**
 * Scans past commits of one repository, read from git objects (the working
 * tree and the index are never touched). Parsed files and jscpd runs are shared
 * between the commits by blob id, so a commit that changed 5 files costs 5 parses.
 */
export class CommitScanner {
  private readonly caches = createFactCaches();
  private log: Promise<HistoryLog | HistoryFact> | null = null;

  private constructor(
    private readonly options: AnalyzeOptions,
    private readonly root: string,
    private readonly cwd: string,
    private readonly configPath: string | undefined,
    private readonly store: TreeStore,
    private readonly series: CommitSeries | undefined,
  ) {}

  /**
   * Checks the directory and opens the scanner's temporary store; `dispose`
   * removes it. With `series`, the history of all the commits to come is read
   * with one `git log`.
   */
  static async open(options: AnalyzeOptions, series?: CommitSeries): Promise<CommitScanner> {
    const cwd = options.cwd ?? process.cwd();
    const root = resolve(cwd, options.root);
    await assertDirectory(root, options.root);
    // The config is the current one (the caller's, or the one at the root today), so every commit scores alike.
    const configPath = options.configPath ?? (await defaultConfigPath(root));
    return new CommitScanner(options, root, cwd, configPath, TreeStore.open(root), series);
  }

  /** Scans one commit (a full commit id; `time`, its committer date in ms, when it belongs to the series). */
  async scan(commit: string, time?: number): Promise<ScanOutcome> {
    const started = performance.now();
    const snapshot = await this.store.materialize(commit);
    this.options.onStage?.("snapshot", performance.now() - started);
    try {
      const outcome = await scanTree(
        { ...this.options, configPath: this.configPath },
        {
          dir: snapshot.dir,
          listing: snapshot.listing,
          caches: this.caches,
          readHistory: (settings) => this.historyAt(settings, commit, time),
        },
        this.cwd,
      );
      return { ...outcome, result: { ...outcome.result, root: this.root, commit } };
    } finally {
      await this.store.release(snapshot);
    }
  }

  /** The commit's history: from the series' one log, or (a single commit) from a `git log` of it. */
  private async historyAt(settings: HistorySettings, commit: string, time: number | undefined): Promise<HistoryFact> {
    const series = this.series;
    if (!series || time === undefined) return collectHistory(this.root, settings, commit);
    this.log ??= HistoryLog.load(this.root, settings, series.newest, series.oldestTime);
    const log = await this.log;
    return log instanceof HistoryLog ? log.factAt(commit, time) : log;
  }

  /** Removes the temporary store. */
  async dispose(): Promise<void> {
    await this.store.dispose();
  }
}

async function defaultConfigPath(root: string): Promise<string | undefined> {
  const path = join(root, CONFIG_FILE_NAME);
  return (await stat(path).catch(() => null))?.isFile() ? path : undefined;
}

/** The commits a CommitScanner will scan: the newest, and the oldest one's date (ms). */
export interface CommitSeries {
  newest: string;
  oldestTime: number;
}

/** What to scan: a directory, or a commit's snapshot with its listing, caches and where its history comes from. */
interface Tree {
  dir: string;
  listing?: Listing;
  caches?: FactCaches;
  readHistory?: (settings: HistorySettings) => Promise<HistoryFact>;
}

async function scanTree(options: AnalyzeOptions, tree: Tree, cwd: string): Promise<ScanOutcome> {
  const root = tree.dir;
  const timed = stageTimer(options.onStage);
  const loaded = await timed("config", () =>
    loadConfig({ root, path: options.configPath, cwd, value: options.config }),
  );
  const cacheLocation = cacheLocationOf(options, loaded, tree, cwd);
  const cacheDir = cacheLocation?.dir ?? null;
  // A cold scan will detect clones: their worker loads its scanner on the second core while the files are listed.
  const cloneWorker = willDetectClonesCold(options, loaded, tree, cacheDir) ? startCloneWorker() : null;
  // The file list and the cache are read at once; the files are then classified, with the test runners'
  // patterns the cache kept when their configs did not change.
  const [listing, opened] = await Promise.all([
    timed("discover", async () => tree.listing ?? listFiles(root)),
    timed("cache read", async () =>
      cacheLocation === null ? null : FactCache.open(cacheLocation, options.cacheDir ?? loaded.cache.dir),
    ),
  ]);
  const runnerCache = opened
    ? {
        get: (key: string) => opened.cache.fact<unknown>("runners", key),
        set: (key: string, value: unknown) => opened.cache.remember("runners", key, value),
      }
    : undefined;
  const inventory = await timed("classify", () =>
    discover(
      root,
      { ignore: loaded.ignore, classify: loaded.classify, maxFileSize: loaded.maxFileSize },
      listing,
      runnerCache,
    ),
  );
  const caches: FactCaches | undefined = opened
    ? { modules: opened.cache.modules, clones: new Map(), store: opened.cache }
    : tree.caches;
  const coverageReport = await coverageReportOf(options, loaded, cwd, root);
  const config: ResolvedConfig =
    options.since === undefined
      ? loaded
      : { ...loaded, history: { ...loaded.history, window: validWindow(options.since) } };
  const facts = await collectFacts(inventory, {
    cloneWorker,
    graph: config.graph,
    clones: config.clones,
    history: config.history,
    hotspots: hotspotThresholds(config),
    coverageReport,
    maxFileSize: config.maxFileSize,
    jscpdPath: options.jscpdPath,
    readHistory: tree.readHistory,
    needsClones: isCategoryMeasured(config, "duplication"),
    caches,
    onStage: options.onStage,
    onProgress: options.onProgress,
  }).finally(() => void cloneWorker?.terminate());
  const cacheWarnings = [opened?.warning, await timed("cache write", async () => opened?.cache.save())].filter(
    (warning): warning is string => typeof warning === "string",
  );
  const collector = await timed("rules", async () => runRules(facts, config));
  const scored = await timed("score", async () =>
    score({ facts, tallies: collector.ruleTallies(), config, rules: RULES }),
  );
  const enabled = new Set(
    scored.categories.filter((category) => config.categories[category.id].isEnabled).map((category) => category.id),
  );
  const result: ScanResult = {
    schemaVersion: SCHEMA_VERSION,
    scoringModel: scored.scoringModel,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    root,
    commit: inventory.commit,
    score: scored.score,
    level: scored.level,
    categories: scored.categories,
    findings: rankFindings(
      collector
        .findings()
        .filter((finding) => finding.category === "core" || enabled.has(finding.category))
        .map(({ cost, ...finding }) => ({ ...finding, gain: findingGain(finding.ruleId, cost, scored.categories) })),
      {
        effortOf: (ruleId) => RULES.find((rule) => rule.id === ruleId)?.effort ?? "medium",
        commitsOf: (file) => (facts.history.status === "ok" ? (facts.history.files.get(file)?.commits ?? 0) : 0),
      },
    ),
    files: fileSummary(facts.inventory, facts),
    warnings: [...facts.inventory.warnings, ...noSourceWarning(root, facts), ...cacheWarnings],
  };
  return { result, facts, config };
}

/** A scan that found nothing to parse says so: an empty score is otherwise easy to misread. */
function noSourceWarning(root: string, facts: Facts): string[] {
  if (facts.modules.some((module) => module.kind === "source")) return [];
  return [`${root}: no JavaScript or TypeScript source file to analyse; the code categories are not applicable`];
}

/**
 * The on-disk fact cache's folder, or null when this scan uses none: turned
 * off, or a past commit's scan (which keeps its facts in memory). The config's
 * `cache.dir` is the repository's say, kept inside it; `--cache-dir` is the user's.
 */
function cacheLocationOf(
  options: AnalyzeOptions,
  config: ResolvedConfig,
  tree: Tree,
  cwd: string,
): CacheLocation | null {
  if (options.cacheDir === "") throw new UsageError("--cache-dir: the path is empty; give a folder");
  if (tree.listing || options.cache === false || (!config.cache.isEnabled && options.cacheDir === undefined))
    return null;
  return options.cacheDir === undefined
    ? { dir: resolve(tree.dir, config.cache.dir), root: tree.dir, isUserGiven: false }
    : { dir: resolve(cwd, options.cacheDir), root: tree.dir, isUserGiven: true };
}

/**
 * Whether this scan will run the built-in clone detector with nothing cached:
 * a scan of the working tree, duplication measured, no jscpd, and no fact
 * cache yet (with one, the clones are likely cached, and a worker started for
 * nothing would only cost memory).
 */
function willDetectClonesCold(
  options: AnalyzeOptions,
  config: ResolvedConfig,
  tree: Tree,
  cacheDir: string | null,
): boolean {
  if (tree.listing || config.clones.engine !== "builtin" || options.jscpdPath !== undefined) return false;
  if (!isCategoryMeasured(config, "duplication")) return false;
  return cacheDir === null || !hasCacheFile(cacheDir);
}

/** The complexity and file-length limits a hotspot is risky by: those rules' options, as configured. */
function hotspotThresholds(config: ResolvedConfig): HotspotThresholds {
  const optionsOf = (id: string): Record<string, unknown> => {
    const rule = RULES.find((candidate) => candidate.id === id);
    return (rule?.optionsSchema.parse(config.rules.get(id)?.options ?? {}) ?? {}) as Record<string, unknown>;
  };
  const complexity = optionsOf("interfaces/complexity");
  const fileLines = optionsOf("interfaces/max-file-lines");
  return {
    complexFunction: typeof complexity.max === "number" ? complexity.max : DEFAULT_HOTSPOT_THRESHOLDS.complexFunction,
    longFile: typeof fileLines.max === "number" ? fileLines.max : DEFAULT_HOTSPOT_THRESHOLDS.longFile,
    count: fileLines.count === "all" ? "all" : "code",
  };
}

/** A category is measured when it is enabled and at least one of its rules is on. */
function isCategoryMeasured(config: ResolvedConfig, id: CategoryId): boolean {
  if (!config.categories[id].isEnabled) return false;
  return RULES.some((rule) => rule.category === id && config.rules.get(rule.id)?.severity !== "off");
}

function runRules(facts: Facts, config: ResolvedConfig): FindingCollector {
  const collector = new FindingCollector(config.rules);
  for (const rule of RULES) {
    const setting = config.rules.get(rule.id);
    if (setting?.severity === "off") continue;
    if (rule.category !== "core" && !config.categories[rule.category].isEnabled) continue;
    rule.run(facts, setting?.options, collector.sinkFor(rule));
  }
  return collector;
}

async function coverageReportOf(
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

function validWindow(since: string): string {
  if (!isValidWindow(since))
    throw new UsageError(`--since ${since}: expected a window such as "12 months", "90 days" or a date YYYY-MM-DD`);
  return since;
}

async function assertDirectory(root: string, given: string): Promise<void> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(root)).isDirectory();
  } catch (error) {
    const reason = codeOf(error) === "ENOENT" ? "no such directory" : `cannot be read (${reasonOf(error)})`;
    throw new InputError(`${given}: ${reason}`);
  }
  if (!isDirectory) throw new InputError(`${given}: not a directory (give the repository's directory, not a file)`);
}

function fileSummary(inventory: Inventory, facts: Facts): ScanResult["files"] {
  const byKind: Record<string, number> = {};
  for (const file of inventory.files) byKind[file.kind] = (byKind[file.kind] ?? 0) + 1;
  const skipped: Record<string, number> = {};
  for (const file of inventory.skipped) skipped[file.reason] = (skipped[file.reason] ?? 0) + 1;
  return {
    listedBy: inventory.lister,
    total: inventory.files.length + inventory.skipped.length,
    parsed: facts.modules.length,
    ...(facts.cachedModules > 0 ? { cached: facts.cachedModules } : {}),
    byKind: sortKeys(byKind),
    skipped: sortKeys(skipped),
    skippedFiles: inventory.skipped
      .filter((file) => file.reason !== "node_modules" && file.reason !== "build-output")
      .map((file) =>
        file.detail
          ? { path: file.path, reason: file.reason, detail: file.detail }
          : { path: file.path, reason: file.reason },
      ),
    scopes: scopeGroups(inventory),
  };
}

/** Code files grouped by kind and the reason for it (a reason repeats for thousands of files). */
function scopeGroups(inventory: Inventory): ScanResult["files"]["scopes"] {
  const groups = new Map<string, { kind: string; why: string; files: string[] }>();
  for (const file of inventory.files) {
    if (file.why === undefined) continue;
    const key = `${file.kind}\0${file.why}`;
    const group = groups.get(key) ?? { kind: file.kind, why: file.why, files: [] };
    group.files.push(file.path);
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, group]) => ({ ...group, files: group.files.sort() }));
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
}

function stageTimer(onStage: AnalyzeOptions["onStage"]) {
  return async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await work();
    onStage?.(stage, performance.now() - started);
    return value;
  };
}

export type { ScanResult, Finding, CategoryResult, CheckResult, LevelResult } from "./result.js";
