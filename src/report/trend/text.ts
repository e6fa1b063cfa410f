import Table from "cli-table3";
import pc from "picocolors";
import { categoryInfo, type CategoryId } from "../../contract/categories.js";
import { signed } from "../../format.js";
import type { TrendSeries } from "../../trend/series.js";
import { wrap } from "../plan.js";
import {
  cell,
  changeRow,
  comparabilityNote,
  sentence,
  seriesCategories,
  sparklineRow,
  type TrendReportOptions,
} from "./shared.js";

/** Column headers short enough for a score's five characters, for tables that must be narrow. */
const SHORT: Record<CategoryId, string> = {
  interfaces: "intf",
  docs: "docs",
  tests: "tests",
  cycles: "cycles",
  duplication: "dup",
  hotspots: "churn",
  context: "ctx",
};

/**
 * The terminal trend: one row per point (overall and category scores), then a
 * sparkline and the change since the first comparable point under each
 * column, then the one-line summary of what moved most. It fits `width`
 * columns: a boxed table with the categories' ids when it fits, else a table
 * without borders under short headers, with a legend.
 */
export function renderTrendText(series: TrendSeries, options: TrendReportOptions): string {
  const c = pc.createColors(options.color);
  if (series.points.length === 0) return `${series.summary}\n`;
  const width = options.width ?? 80;
  const categories = seriesCategories(series);
  const rows = series.points.map((point) => [
    `${point.date.slice(0, 10)}${point.comparable ? "" : "*"}`,
    `${point.commit.slice(0, 10)}${point.dirty ? " +dirty" : ""}`,
    cell(point.score),
    ...categories.map((id) => cell(point.categories[id])),
  ]);
  const changes = changeRow(series, categories).map((delta) => (delta === null ? "–" : signed(delta)));
  const foot = (sparkWidth: number) => [
    [c.dim("trend"), "", ...sparklineRow(series, categories, sparkWidth)],
    [c.dim("change"), c.dim(series.base?.date.slice(0, 10) ?? "–"), ...changes],
  ];
  const boxed = box(["Date", "Commit", "Overall", ...categories], rows, foot(12), options.color);
  const note = comparabilityNote(series);
  const notes = [
    note ? c.dim(wrap(note, width, "", "").join("\n")) : null,
    c.bold(wrap(sentence(series.summary), width, "", "").join("\n")),
  ];
  if (longestLine(boxed) <= width) return `${[boxed, ...notes].filter(Boolean).join("\n")}\n`;
  const legend = c.dim(
    wrap(categories.map((id) => `${SHORT[id]} ${categoryInfo(id).name.toLowerCase()}`).join(" · "), width, "", "").join(
      "\n",
    ),
  );
  // Sparklines as wide as a score (or the widest short header), so that no column grows for them.
  const plain = columns(["Date", "Commit", "Overall", ...categories.map((id) => SHORT[id])], [...rows, ...foot(6)]);
  return `${[plain, legend, ...notes].filter(Boolean).join("\n")}\n`;
}

function box(head: string[], rows: string[][], foot: string[][], color: boolean): string {
  const table = new Table({
    head,
    colAligns: head.map((_, index) => (index < 2 ? "left" : "right")),
    style: { head: color ? ["bold"] : [], border: [], compact: true },
  });
  for (const row of [...rows, ...foot]) table.push(row);
  return table.toString();
}

/** Columns one space apart, the first two left-aligned and the scores right-aligned, headers as wide as needed. */
function columns(head: string[], rows: string[][]): string {
  const visible = (text: string) => stripAnsi(text).length;
  const widths = head.map((label, index) => Math.max(visible(label), ...rows.map((row) => visible(row[index] ?? ""))));
  const line = (row: string[]) =>
    row
      .map((text, index) => {
        const gap = " ".repeat((widths[index] ?? 0) - visible(text));
        return index < 2 ? `${text}${gap}` : `${gap}${text}`;
      })
      .join(" ")
      .trimEnd();
  return [head, ...rows].map(line).join("\n");
}

function longestLine(text: string): number {
  return Math.max(...text.split("\n").map((line) => stripAnsi(line).length));
}

function stripAnsi(text: string): string {
  // eslint-disable-next-line no-control-regex -- the escape sequences picocolors writes
  return text.replace(/\u001b\[[0-9;]*m/g, "");
}
