/**
 * Trend reporters: pure `(series, options) => string`, one per file, loaded only when used.
 *
 * May: format a TrendSeries.
 * May not: read files, run git, print, or exit.
 */
import type { TrendSeries } from "../../trend/series.js";
import { escapeControl, printable } from "../printable.js";
import type { TrendReportOptions } from "./shared.js";

export type { TrendReportOptions } from "./shared.js";

/** Output formats of `groundwork trend`. */
export const TREND_FORMATS = ["text", "json", "markdown", "html"] as const;

/** One of the trend output formats. */
export type TrendFormat = (typeof TREND_FORMATS)[number];

/** Renders a series in the given format; the formats people read show control characters as escapes. */
export async function renderTrend(
  format: TrendFormat,
  raw: TrendSeries,
  rawOptions: TrendReportOptions,
): Promise<string> {
  const series = format === "json" ? raw : printable(raw);
  const options = { ...rawOptions, root: escapeControl(rawOptions.root) };
  switch (format) {
    case "json":
      return `${JSON.stringify({ points: series.points, summary: series.summary, changes: series.changes }, null, 2)}\n`;
    case "text":
      return (await import("./text.js")).renderTrendText(series, options);
    case "markdown":
      return (await import("./markdown.js")).renderTrendMarkdown(series, options);
    case "html":
      return (await import("./html.js")).renderTrendHtml(series, options);
  }
}
