/**
 * Derived from history, modules, docs and the test map: each changed source
 * file's hotspot score and what makes it risky, and the pairs of files that
 * change together without importing each other.
 */
import type { GraphEdge } from "../graph/index.js";
import { isDataModule } from "../modules/data-module.js";
import { foldIifes } from "../modules/iife.js";
import type { ModuleFacts } from "../modules/index.js";
import type { TestMapFact } from "../tests/index.js";
import type { HistoryFact } from "./index.js";

/**
 * What makes a file "complex" for hotspot risk: the limits of the complexity and file-length rules, as configured
 * (a user who raises the complexity limit to 20 has no hotspot made risky by a function of 17).
 */
export interface HotspotThresholds {
  /** A function over this complexity (interfaces/complexity `max`). */
  complexFunction: number;
  /** A file over this many lines (interfaces/max-file-lines `max`). */
  longFile: number;
  /** Whether those lines are every line or lines of code (interfaces/max-file-lines `count`). */
  count: "code" | "all";
}

/** The rules' defaults. */
export const DEFAULT_HOTSPOT_THRESHOLDS: HotspotThresholds = { complexFunction: 15, longFile: 500, count: "code" };

/** One changed source file, ranked by change frequency × complexity. */
export interface HotspotFact {
  file: string;
  commits: number;
  authors: number;
  /** Sum of the McCabe complexity of the file's functions. */
  complexity: number;
  /** Normalised change frequency × normalised complexity, 0–100. */
  score: number;
  /** Over the file-length limit (a data module is not). */
  isLong: boolean;
  /** Long, or with a function over the complexity limit. */
  isComplex: boolean;
  isUntested: boolean;
  /** Its length as the file-length rule counts it: lines of code, or every line (`count`). */
  lines: number;
  count: HotspotThresholds["count"];
  /**
   * Share of the two risk factors present (complex, untested), 0–1. A missing doc comment is no hotspot risk: the
   * doc-comment rules charge and report it, and counting it here too would charge the same gap twice.
   */
  risk: number;
  /** The file's most complex functions over the complexity limit, for the fix: `name (complexity)`. */
  complexFunctions: string[];
}

/** Two source files that change together without an import path between them. */
export interface CoupledPair {
  files: [string, string];
  shared: number;
  /** Shared commits per average commits of the two files, 0–1. */
  degree: number;
  hasImportPath: boolean;
}

/** Thresholds for co-change (config `history`). */
export interface CouplingSettings {
  minSharedCommits: number;
  minDegree: number;
}

/** Ranks changed source files; files with no change or no function are left out. */
export function rankHotspots(
  history: HistoryFact,
  modules: readonly ModuleFacts[],
  tests: TestMapFact,
  thresholds: HotspotThresholds = DEFAULT_HOTSPOT_THRESHOLDS,
): HotspotFact[] {
  if (history.status !== "ok") return [];
  const candidates = modules
    .filter((module) => module.kind === "source" && !module.parseError && module.functions.length > 0)
    .map((module) => ({ module, changes: history.files.get(module.path) }))
    .filter((entry) => entry.changes !== undefined && entry.changes.commits > 0);
  const complexityOf = (module: ModuleFacts): number => module.functions.reduce((sum, fn) => sum + fn.complexity, 0);
  const maxCommits = Math.max(1, ...candidates.map((entry) => entry.changes?.commits ?? 0));
  const maxComplexity = Math.max(1, ...candidates.map((entry) => complexityOf(entry.module)));
  return candidates
    .map(({ module, changes }) => {
      const commits = changes?.commits ?? 0;
      const complexity = complexityOf(module);
      // As the complexity rule measures them: an IIFE's branches are the enclosing function's, never one to split.
      const functions = foldIifes(module.functions);
      // Long as the file-length rule counts it; a data module is long by its data.
      const lines = thresholds.count === "code" ? module.codeLines : module.lines;
      const isLong = lines > thresholds.longFile && !isDataModule(module);
      const isComplex = isLong || functions.some((fn) => fn.complexity > thresholds.complexFunction);
      const ratio = tests.coverage?.get(module.path);
      const isUntested =
        ratio !== undefined ? ratio < 0.5 : !tests.direct.has(module.path) && !tests.transitive.has(module.path);
      const complexFunctions = functions
        .sort((a, b) => b.complexity - a.complexity)
        .filter((fn) => fn.complexity > thresholds.complexFunction)
        .slice(0, 3)
        .map((fn) => `${fn.name} (${fn.complexity})`);
      return {
        file: module.path,
        commits,
        authors: changes?.authors ?? 0,
        complexity,
        score: Math.round((1000 * commits * complexity) / (maxCommits * maxComplexity)) / 10,
        isLong,
        isComplex,
        isUntested,
        lines,
        count: thresholds.count,
        risk: [isComplex, isUntested].filter(Boolean).length / 2,
        complexFunctions,
      };
    })
    .sort((a, b) => b.score - a.score || b.commits - a.commits || (a.file < b.file ? -1 : 1));
}

/**
 * Source-file pairs that change together often and strongly; `hasImportPath` tells whether either reaches the
 * other. A generator and the file it writes (`generatedBy`: output → its generator) change together by design
 * and are no pair.
 */
export function findCoupling(
  history: HistoryFact,
  sources: ReadonlySet<string>,
  edges: readonly GraphEdge[],
  settings: CouplingSettings,
  generatedBy: ReadonlyMap<string, { generator: string }> = new Map(),
): CoupledPair[] {
  if (history.status !== "ok") return [];
  const shared = new Map<string, number>();
  for (const files of history.changeSets) {
    const changed = files.filter((file) => sources.has(file));
    for (let i = 0; i < changed.length; i += 1) {
      for (let j = i + 1; j < changed.length; j += 1) {
        const key = `${changed[i]}\0${changed[j]}`;
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const successors = new Map<string, string[]>();
  for (const edge of edges) {
    const list = successors.get(edge.from) ?? [];
    list.push(edge.to);
    successors.set(edge.from, list);
  }
  const pairs: CoupledPair[] = [];
  for (const [key, count] of shared) {
    if (count < settings.minSharedCommits) continue;
    const [a = "", b = ""] = key.split("\0");
    if (generatedBy.get(a)?.generator === b || generatedBy.get(b)?.generator === a) continue;
    const average = ((history.files.get(a)?.commits ?? count) + (history.files.get(b)?.commits ?? count)) / 2;
    const degree = Math.round((100 * count) / average) / 100;
    if (degree < settings.minDegree) continue;
    const hasImportPath = reaches(a, b, successors) || reaches(b, a, successors);
    pairs.push({ files: [a, b], shared: count, degree, hasImportPath });
  }
  return pairs.sort((x, y) => y.shared - x.shared || y.degree - x.degree || (x.files[0] < y.files[0] ? -1 : 1));
}

function reaches(from: string, to: string, successors: ReadonlyMap<string, string[]>): boolean {
  const seen = new Set([from]);
  const pending = [from];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    for (const next of successors.get(file) ?? []) {
      if (next === to) return true;
      if (!seen.has(next)) {
        seen.add(next);
        pending.push(next);
      }
    }
  }
  return false;
}
