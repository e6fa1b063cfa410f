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

/** The trend as Markdown: the summary, a table of points, and a row of changes since the first comparable point. */
export function renderTrendMarkdown(series: TrendSeries, options: TrendReportOptions): string {
  const lines = [`## Groundwork trend: ${options.root}`, "", `**${sentence(series.summary)}**`, ""];
  if (series.points.length === 0) return `${lines.join("\n")}\n`;
  const categories = seriesCategories(series);
  lines.push(`| Date | Commit | Overall | ${categories.join(" | ")} |`);
  lines.push(`|---|---|--:|${categories.map(() => "--:").join("|")}|`);
  for (const point of series.points) {
    lines.push(
      `| ${point.date.slice(0, 10)}${point.comparable ? "" : "\\*"} | \`${point.commit.slice(0, 10)}\`${point.dirty ? " +dirty" : ""} | ${cell(point.score)} | ${categories.map((id) => cell(point.categories[id])).join(" | ")} |`,
    );
  }
  lines.push(`| trend | | ${sparklineRow(series, categories).join(" | ")} |`);
  const changes = changeRow(series, categories).map((delta) => (delta === null ? "–" : `**${signed(delta)}**`));
  lines.push(`| change | since ${series.base?.date.slice(0, 10) ?? "–"} | ${changes.join(" | ")} |`);
  const note = comparabilityNote(series);
  if (note) lines.push("", note.replace(/^\*/, "\\*"));
  return `${lines.join("\n")}\n`;
}
