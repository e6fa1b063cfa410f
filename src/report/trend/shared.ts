/**
 * What the trend reporters share: which categories to show, how a score and
 * the comparability note read.
 */
import { CATEGORY_IDS, type CategoryId } from "../../contract/categories.js";
import { sparkline, type TrendSeries } from "../../trend/series.js";

/** Options every trend reporter may use. */
export interface TrendReportOptions {
  /** ANSI colours (text only). */
  color: boolean;
  /** The scanned directory, for titles. */
  root: string;
  /** Columns the text report fits in (80 when not given). */
  width?: number;
}

/** The categories the series has scores for, in report order. */
export function seriesCategories(series: TrendSeries): CategoryId[] {
  const present = new Set(series.points.flatMap((point) => Object.keys(point.categories)));
  return CATEGORY_IDS.filter((id) => present.has(id));
}

/** The summary as a sentence. */
export function sentence(text: string): string {
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
}

/** A score as the tables show it; "–" for not scored. */
export function cell(value: number | null | undefined): string {
  return value === null || value === undefined ? "–" : value.toFixed(1);
}

/** The footnote for points that are not comparable, or null when all are. */
export function comparabilityNote(series: TrendSeries): string | null {
  const others = series.points.filter((point) => !point.comparable);
  if (others.length === 0) return null;
  const models = [...new Set(others.map((point) => point.scoringModel))].join(", ");
  return `* scored under scoring model ${models}, not ${series.scoringModel ?? "–"}: not comparable with the newest point, left out of sparklines, charts and changes`;
}

/** The most characters a sparkline takes: a longer series is drawn from buckets of points. */
const SPARK_WIDTH = 12;

/**
 * The sparklines under the Overall column and each category's, over the comparable points (others leave gaps),
 * at most `maxWidth` characters each (12 unless given): past that many points, each character is the newest point
 * of its share of the series.
 */
export function sparklineRow(series: TrendSeries, categories: readonly CategoryId[], maxWidth = SPARK_WIDTH): string[] {
  const comparable = series.points.map((point) => (point.comparable ? point : null));
  return [
    drawn(
      comparable.map((point) => point?.score ?? null),
      maxWidth,
    ),
    ...categories.map((id) =>
      drawn(
        comparable.map((point) => point?.categories[id] ?? null),
        maxWidth,
      ),
    ),
  ];
}

function drawn(values: ReadonlyArray<number | null>, maxWidth: number): string {
  if (values.length <= maxWidth) return sparkline(values);
  const buckets = Array.from({ length: maxWidth }, (_, index) => {
    const from = Math.floor((index * values.length) / maxWidth);
    const to = Math.floor(((index + 1) * values.length) / maxWidth);
    return values.slice(from, to).findLast((value) => value !== null) ?? null;
  });
  return sparkline(buckets);
}

/** The change since the base point under the Overall column and each category's; null where not scored. */
export function changeRow(series: TrendSeries, categories: readonly CategoryId[]): Array<number | null> {
  const changeOf = (id: string): number | null => series.changes.find((change) => change.id === id)?.delta ?? null;
  return [changeOf("overall"), ...categories.map(changeOf)];
}
