/**
 * A trend point: one commit's scores and key figures, small enough to keep a
 * line per scan in the history file. Built from a ScanResult; read back
 * through the same zod schema.
 *
 * May: reduce a ScanResult to a point.
 * May not: read or write files, run git.
 */
import { z } from "zod";
import { CATEGORY_IDS, type CategoryId } from "../contract/categories.js";
import type { ScanResult } from "../contract/result.js";
import { TOOL_VERSION } from "../version.js";

const score = z.number().min(0).max(100);
const figure = z.union([z.number(), z.string(), z.boolean(), z.null()]);

/** One commit's readiness, as the trend shows it (`groundwork trend --format json`). */
export const trendPointSchema = z.strictObject({
  commit: z.string().regex(/^[0-9a-f]{7,64}$/),
  /** The commit's date (committer date, ISO 8601). */
  date: z.iso.datetime({ offset: true }),
  scoringModel: z.string(),
  score: score.nullable(),
  level: z.number().int().min(1).max(5).nullable(),
  /** Each category's score, null when not applicable. */
  categories: z.partialRecord(z.enum(CATEGORY_IDS), score.nullable()),
  /** Each category's key figures: counts, percentages, flags (lists are given as their length). */
  metrics: z.partialRecord(z.enum(CATEGORY_IDS), z.record(z.string(), figure)),
  /** True when the work tree had uncommitted changes to tracked files when it was scanned. */
  dirty: z.boolean().optional(),
});

/** One recorded scan: a point plus where and when it was taken (a line of `.groundwork/history.jsonl`). */
export const historyEntrySchema = trendPointSchema.extend({
  /** The branch checked out, or null on a detached HEAD. */
  branch: z.string().nullable(),
  /** When the scan ran (ISO 8601). */
  scannedAt: z.iso.datetime({ offset: true }),
  /** Groundwork's version. */
  tool: z.string(),
});

/** A trend point. */
export type TrendPoint = z.output<typeof trendPointSchema>;
/** A line of the history file. */
export type HistoryEntry = z.output<typeof historyEntrySchema>;

/** Reduces a scan of `commit` (dated `date`) to a trend point. */
export function toTrendPoint(result: ScanResult, commit: string, date: string): TrendPoint {
  const categories: Partial<Record<CategoryId, number | null>> = {};
  const metrics: Partial<Record<CategoryId, Record<string, z.output<typeof figure>>>> = {};
  for (const category of result.categories) {
    categories[category.id] = category.score;
    metrics[category.id] = scalarFigures(category.metrics);
  }
  return {
    commit,
    date,
    scoringModel: result.scoringModel,
    score: result.score,
    level: result.level?.rank ?? null,
    categories,
    metrics,
  };
}

/** A point as a history line, recorded now by this version of Groundwork (`branch` null for a backfilled point). */
export function toHistoryEntry(point: TrendPoint, branch: string | null): HistoryEntry {
  return { ...point, branch, scannedAt: new Date().toISOString(), tool: TOOL_VERSION };
}

/**
 * A category's key figures: its scalar metrics as they are, and its lists as
 * their length (cycle groups → how many groups). Nested objects are left out;
 * the full result has them. Works for any category without per-category code.
 */
export function scalarFigures(metrics: object): Record<string, z.output<typeof figure>> {
  const figures: Record<string, z.output<typeof figure>> = {};
  for (const [key, entry] of Object.entries(metrics)) {
    const value: unknown = entry;
    if (Array.isArray(value)) figures[key] = value.length;
    else if (value === null || typeof value === "number" || typeof value === "string" || typeof value === "boolean")
      figures[key] = value;
  }
  return figures;
}
