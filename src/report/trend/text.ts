import Table from "cli-table3";
import pc from "picocolors";
import { signed } from "../../format.js";
import type { TrendSeries } from "../../trend/series.js";
import {
  cell,
  changeRow,
  comparabilityNote,
  sentence,
  seriesCategories,
  sparklineRow,
  type TrendReportOptions,
} from "./shared.js";

/**
 * The terminal trend: one row per point (overall and category scores), then a
 * sparkline and the change since the first comparable point under each
 * column, then the one-line summary of what moved most.
 */
export function renderTrendText(series: TrendSeries, options: TrendReportOptions): string {
  const c = pc.createColors(options.color);
  if (series.points.length === 0) return `${series.summary}\n`;
  const categories = seriesCategories(series);
  const table = new Table({
    head: ["Date", "Commit", "Overall", ...categories],
    colAligns: ["left", "left", "right", ...categories.map(() => "right" as const)],
    style: { head: options.color ? ["bold"] : [], border: [], compact: true },
  });
  for (const point of series.points) {
    const mark = point.comparable ? "" : "*";
    table.push([
      `${point.date.slice(0, 10)}${mark}`,
      `${point.commit.slice(0, 10)}${point.dirty ? " +dirty" : ""}`,
      cell(point.score),
      ...categories.map((id) => cell(point.categories[id])),
    ]);
  }
  table.push([c.dim("trend"), "", ...sparklineRow(series, categories)]);
  table.push([
    c.dim("change"),
    c.dim(`since ${series.base?.date.slice(0, 10) ?? "–"}`),
    ...changeRow(series, categories).map((delta) => (delta === null ? "–" : signed(delta))),
  ]);
  const note = comparabilityNote(series);
  return `${table.toString()}\n${note ? `${c.dim(note)}\n` : ""}${c.bold(sentence(series.summary))}\n`;
}
