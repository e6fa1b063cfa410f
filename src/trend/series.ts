/**
 * A trend series: recorded and backfilled points merged into one line, oldest
 * first, with what moved since the first comparable point. Points scored under
 * a scoring model other than the newest point's are kept but marked not
 * comparable: their scores are never subtracted from or drawn with the others.
 *
 * May: merge, order and compare points.
 * May not: read files, run git, format for a terminal or a page.
 */
import { CATEGORY_IDS, type CategoryId } from "../contract/categories.js";
import { signed } from "../format.js";
import type { TrendPoint } from "./point.js";

/** A point of the series. */
export interface SeriesPoint extends TrendPoint {
  /** Scored under the same model as the newest point, so its scores can be compared with it. */
  comparable: boolean;
}

/** Change of one score from the first comparable point to the newest. */
export interface Change {
  id: CategoryId | "overall";
  from: number | null;
  to: number | null;
  /** `to − from`, rounded to 0.1; null when either is missing. */
  delta: number | null;
}

/** The series and its summary. */
export interface TrendSeries {
  points: SeriesPoint[];
  /** The newest point's scoring model (null without points). */
  scoringModel: string | null;
  /** The first point comparable with the newest one, the base of every change. */
  base: SeriesPoint | null;
  changes: Change[];
  /** One line: what moved most, e.g. "overall +4.1: docs +12.0, cycles −3.0 since 2026-08-01". */
  summary: string;
}

/**
 * Merges points into a series. A later point replaces an earlier one of the
 * same commit, model and cleanliness (a backfill re-scores what was recorded);
 * scans of a work tree with uncommitted changes stay as points of their own.
 */
export function buildSeries(...sources: ReadonlyArray<readonly TrendPoint[]>): TrendSeries {
  const byKey = new Map<string, TrendPoint>();
  for (const point of sources.flat()) {
    const key = `${point.commit}\0${point.scoringModel}\0${point.dirty === true ? "dirty" : "clean"}`;
    byKey.delete(key);
    byKey.set(key, point);
  }
  const ordered = [...byKey.values()]
    .map((point, order) => ({ point, order, time: Date.parse(point.date) }))
    .sort((a, b) => a.time - b.time || a.order - b.order)
    .map(({ point }) => point);
  const scoringModel = ordered.at(-1)?.scoringModel ?? null;
  const points = ordered.map((point) => ({ ...point, comparable: point.scoringModel === scoringModel }));
  const comparable = points.filter((point) => point.comparable);
  const base = comparable[0] ?? null;
  const newest = comparable.at(-1) ?? null;
  const changes = base && newest ? changesBetween(base, newest) : [];
  return { points, scoringModel, base, changes, summary: summarize(points, base, changes) };
}

function changesBetween(base: TrendPoint, newest: TrendPoint): Change[] {
  const change = (id: Change["id"], from: number | null | undefined, to: number | null | undefined): Change => ({
    id,
    from: from ?? null,
    to: to ?? null,
    delta: from === null || from === undefined || to === null || to === undefined ? null : round(to - from),
  });
  return [
    change("overall", base.score, newest.score),
    ...CATEGORY_IDS.filter((id) => id in newest.categories || id in base.categories).map((id) =>
      change(id, base.categories[id], newest.categories[id]),
    ),
  ];
}

const MOST_MOVED = 3;

function summarize(points: readonly SeriesPoint[], base: SeriesPoint | null, changes: readonly Change[]): string {
  if (points.length === 0) return "No points yet.";
  const notComparable = points.filter((point) => !point.comparable).length;
  const caveat =
    notComparable > 0
      ? ` (${notComparable} older ${notComparable === 1 ? "point was" : "points were"} scored under another scoring model and ${notComparable === 1 ? "is" : "are"} not compared)`
      : "";
  if (!base || points.filter((point) => point.comparable).length < 2)
    return `One comparable point: nothing to compare yet${caveat}.`;
  const since = base.date.slice(0, 10);
  const overall = changes.find((change) => change.id === "overall");
  const moved = changes
    .filter((change) => change.id !== "overall" && change.delta !== null && change.delta !== 0)
    .sort(
      (a, b) =>
        Math.abs(b.delta ?? 0) - Math.abs(a.delta ?? 0) ||
        (CATEGORY_IDS as readonly string[]).indexOf(a.id) - (CATEGORY_IDS as readonly string[]).indexOf(b.id),
    )
    .slice(0, MOST_MOVED)
    .map((change) => `${change.id} ${signed(change.delta ?? 0)}`);
  const head =
    overall?.delta === null || overall === undefined ? "overall not scored" : `overall ${signed(overall.delta)}`;
  const detail = moved.length > 0 ? `: ${moved.join(", ")}` : ": no category moved";
  return `${head}${detail} since ${since}${caveat}.`;
}

const BLOCKS = "▁▂▃▄▅▆▇█";

/**
 * A sparkline of `values`, scaled to their own range (a flat series sits in
 * the middle); null (not scored, or not comparable) leaves a gap.
 */
export function sparkline(values: ReadonlyArray<number | null>): string {
  const present = values.filter((value): value is number => value !== null);
  if (present.length === 0) return " ".repeat(values.length);
  const low = Math.min(...present);
  const high = Math.max(...present);
  return values
    .map((value) => {
      if (value === null) return " ";
      if (high === low) return BLOCKS[3];
      return BLOCKS[Math.round(((value - low) / (high - low)) * (BLOCKS.length - 1))];
    })
    .join("");
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
