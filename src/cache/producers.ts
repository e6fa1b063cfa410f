/**
 * Per-producer caching: the history, the import graph and the clone pairs are
 * the expensive facts, and each is a function of inputs that can be named. A
 * result is reused when its inputs are the same: from the on-disk fact cache
 * (the previous scan), or from memory (an earlier commit of a backfill).
 *
 * May: read and fill the fact cache, ask git whether the clone is shallow.
 * May not: compute a fact itself (the producers in src/facts do).
 */
import type { Inventory } from "../discover/index.js";
import type { ClonesFact } from "../facts/clones/index.js";
import { collectHistory, type HistoryFact, type HistorySettings, isShallowClone } from "../facts/history/index.js";
import type { BuiltGraph, FactOptions, Producers } from "../facts/types.js";
import { inputKey, type FactCache } from "./index.js";

/** Where results are kept: the on-disk cache, and clone runs in memory (by key, shared by the scans that hold the map). */
export interface ProducerCaches {
  store?: FactCache | undefined;
  clones: Map<string, Promise<ClonesFact>>;
}

/** The settings of the scan that the producers' results depend on. */
type ProducerSettings = Pick<FactOptions, "graph" | "clones" | "maxFileSize" | "jscpdPath">;

/** Producers that reuse what `caches` hold for the same inputs, and keep what they compute. */
export function cachingProducers(
  inventory: Inventory,
  settings: ProducerSettings,
  caches: ProducerCaches,
): Partial<Producers> {
  const store = caches.store;
  return {
    clones: (files, detect) => {
      if (files.some((file) => file.content === null)) return detect();
      const key = inputKey([
        settings.clones,
        settings.maxFileSize,
        settings.jscpdPath ?? null,
        files.map((file) => [file.path, file.content]),
      ]);
      const stored = store?.fact<ClonesFact>("clones", key);
      const cached = caches.clones.get(key) ?? (stored ? Promise.resolve(stored) : undefined);
      if (cached) return cached;
      const running = detect().then((fact) => {
        // A failure (a timeout, a crash) is not a property of the files: try again next time.
        if (fact.status === "ok") store?.remember("clones", key, fact);
        return fact;
      });
      caches.clones.set(key, running);
      return running;
    },
    ...(store
      ? {
          graph: (modules, packages, build) => cachedGraph(store, inventory, settings, modules, packages, build),
          history: (historySettings) => cachedHistory(store, inventory, historySettings),
        }
      : {}),
  };
}

/**
 * The graph's inputs: every file's path, each module's imports and exported
 * names (for the public API), the packages and the resolver's configuration
 * files (tsconfig, jsconfig, package.json) by content.
 */
async function cachedGraph(
  store: FactCache,
  inventory: Inventory,
  settings: ProducerSettings,
  modules: Parameters<Producers["graph"]>[0],
  packages: Parameters<Producers["graph"]>[1],
  build: () => Promise<BuiltGraph>,
): Promise<BuiltGraph> {
  const resolverFiles = inventory.files
    .filter((file) => RESOLVER_CONFIG.test(file.path))
    .map((file) => [file.path, file.blob ?? file.stamp ?? file.path]);
  const key = inputKey([
    settings.graph,
    inventory.files.map((file) => file.path),
    inventory.skipped.map((file) => file.path),
    modules.map((module) => [module.path, module.imports, module.exports.map((symbol) => symbol.name)]),
    packages,
    resolverFiles,
  ]);
  const stored = store.fact<BuiltGraph>("graph", key);
  if (stored) return stored;
  const built = await build();
  store.remember("graph", key, built);
  return built;
}

const RESOLVER_CONFIG = /(?:^|\/)(?:[tj]sconfig[^/]*\.json|package\.json)$/;

/**
 * The history of HEAD's commit: the same commit (and the same settings and
 * shallowness) always gives the same history, since the window ends at the
 * commit's own date.
 */
async function cachedHistory(store: FactCache, inventory: Inventory, settings: HistorySettings): Promise<HistoryFact> {
  if (inventory.commit === null) return collectHistory(inventory.root, settings);
  const shallow = await isShallowClone(inventory.root);
  if (shallow === null) return collectHistory(inventory.root, settings);
  const key = inputKey([inventory.root, inventory.commit, shallow ? "true" : "false", settings]);
  const stored = store.fact<HistoryFact>("history", key);
  if (stored) return stored;
  const fact = await collectHistory(inventory.root, settings, "HEAD", shallow);
  if (fact.status === "ok") store.remember("history", key, fact);
  return fact;
}
