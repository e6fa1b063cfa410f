/**
 * The scan pipeline, for a directory or a past commit's snapshot:
 * config → discover → facts → rules → score → result.
 *
 * May: call the layers below and time them; write the fact cache through
 * src/cache. May not: print, exit, or write anything else.
 */
import { FactCache } from "../cache/index.js";
import { cachingProducers, type ProducerCaches } from "../cache/producers.js";
import { loadConfig, type ResolvedConfig } from "../config/index.js";
import type { ScanResult } from "../contract/result.js";
import { discover, listFiles, type Listing } from "../discover/index.js";
import type { HistoryFact, HistorySettings } from "../facts/history/index.js";
import { collectFacts, startCloneWorker, type Facts, type FactOptions } from "../facts/index.js";
import { score } from "../score/index.js";
import { RULES } from "../../rules/index.js";
import { buildResult } from "./build-result.js";
import { FindingCollector } from "./collector.js";
import { hotspotThresholds, isCategoryMeasured, willDetectClonesCold } from "./decide.js";
import { cacheLocationOf, coverageReportOf, validWindow, type AnalyzeOptions } from "./options.js";

/** A scan's result with the facts it was computed from (for `init`, which writes from verified facts). */
export interface ScanOutcome {
  result: ScanResult;
  facts: Facts;
  config: ResolvedConfig;
}

/** What the scans of a commit series share: parsed files, token streams and clone runs, by content. */
export type SnapshotCaches = Required<Pick<FactOptions, "modules" | "tokens">> & ProducerCaches;

/** What to scan: a directory, or a past commit's snapshot (its listing, the series' caches, its history). */
export interface Tree {
  dir: string;
  snapshot?: {
    listing: Listing;
    caches: SnapshotCaches;
    history: (settings: HistorySettings) => Promise<HistoryFact>;
  };
}

/** Scans `tree` with `options` (paths resolved against `cwd`). */
export async function scanTree(options: AnalyzeOptions, tree: Tree, cwd: string): Promise<ScanOutcome> {
  const root = tree.dir;
  const snapshot = tree.snapshot;
  const timed = stageTimer(options.onStage);
  const loaded = await timed("config", () =>
    loadConfig({ root, path: options.configPath, cwd, value: options.config }),
  );
  const cacheLocation = cacheLocationOf(options, loaded, { dir: root, isSnapshot: snapshot !== undefined }, cwd);
  // A cold scan will detect clones: their worker loads its scanner on the second core while the files are listed.
  const cloneWorker = willDetectClonesCold(options, loaded, snapshot !== undefined, cacheLocation?.dir ?? null)
    ? startCloneWorker()
    : null;
  // The file list and the cache are read at once; the files are then classified, with the test runners'
  // patterns the cache kept when their configs did not change.
  const [listing, opened] = await Promise.all([
    timed("discover", async () => snapshot?.listing ?? listFiles(root)),
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
  const coverageReport = await coverageReportOf(options, loaded, cwd, root);
  const config: ResolvedConfig =
    options.since === undefined
      ? loaded
      : { ...loaded, history: { ...loaded.history, window: validWindow(options.since) } };
  const producerCaches: ProducerCaches | undefined = opened
    ? { store: opened.cache, clones: new Map() }
    : snapshot?.caches;
  const facts = await collectFacts(inventory, {
    cloneWorker,
    graph: config.graph,
    clones: config.clones,
    history: config.history,
    hotspots: hotspotThresholds(config),
    coverageReport,
    maxFileSize: config.maxFileSize,
    jscpdPath: options.jscpdPath,
    needsClones: isCategoryMeasured(config, "duplication"),
    modules: opened?.cache.modules ?? snapshot?.caches.modules,
    tokens: snapshot?.caches.tokens,
    producers: {
      ...(producerCaches
        ? cachingProducers(inventory, { ...config, jscpdPath: options.jscpdPath }, producerCaches)
        : {}),
      ...(snapshot ? { history: snapshot.history } : {}),
    },
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
  const result = buildResult({ root, facts, findings: collector.findings(), scored, config, warnings: cacheWarnings });
  return { result, facts, config };
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

function stageTimer(onStage: AnalyzeOptions["onStage"]) {
  return async <T>(stage: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const value = await work();
    onStage?.(stage, performance.now() - started);
    return value;
  };
}
