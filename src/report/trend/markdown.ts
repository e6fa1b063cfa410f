import { signed } from "../fixes.js";
import { sparkline, type TrendSeries } from "../../trend/series.js";
import { cell, comparabilityNote, sentence, seriesCategories, type TrendReportOptions } from "./shared.js";

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
  const comparable = series.points.map((point) => (point.comparable ? point : null));
  lines.push(
    `| trend | | ${sparkline(comparable.map((point) => point?.score ?? null))} | ${categories.map((id) => sparkline(comparable.map((point) => point?.categories[id] ?? null))).join(" | ")} |`,
  );
  const changeOf = (id: string): string => {
    const delta = series.changes.find((change) => change.id === id)?.delta;
    return delta === null || delta === undefined ? "–" : `**${signed(delta)}**`;
  };
  lines.push(
    `| change | since ${series.base?.date.slice(0, 10) ?? "–"} | ${changeOf("overall")} | ${categories.map(changeOf).join(" | ")} |`,
  );
  const note = comparabilityNote(series);
  if (note) lines.push("", note.replace(/^\*/, "\\*"));
  return `${lines.join("\n")}\n`;
}
