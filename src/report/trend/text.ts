import Table from "cli-table3";
import pc from "picocolors";
import { signed } from "../fixes.js";
import { sparkline, type TrendSeries } from "../../trend/series.js";
import { cell, comparabilityNote, sentence, seriesCategories, type TrendReportOptions } from "./shared.js";

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
  const comparable = series.points.map((point) => (point.comparable ? point : null));
  table.push([
    c.dim("trend"),
    "",
    sparkline(comparable.map((point) => point?.score ?? null)),
    ...categories.map((id) => sparkline(comparable.map((point) => point?.categories[id] ?? null))),
  ]);
  const changeOf = (id: string): string => {
    const delta = series.changes.find((change) => change.id === id)?.delta;
    return delta === null || delta === undefined ? "–" : signed(delta);
  };
  table.push([
    c.dim("change"),
    c.dim(`since ${series.base?.date.slice(0, 10) ?? "–"}`),
    changeOf("overall"),
    ...categories.map(changeOf),
  ]);
  const note = comparabilityNote(series);
  return `${table.toString()}\n${note ? `${c.dim(note)}\n` : ""}${c.bold(sentence(series.summary))}\n`;
}
