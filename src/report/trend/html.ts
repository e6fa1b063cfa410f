import { categoryInfo, type CategoryId } from "../../contract/categories.js";
import { signed } from "../../format.js";
import { escape } from "../html.js";
import type { SeriesPoint, TrendSeries } from "../../trend/series.js";
import { cell, comparabilityNote, seriesCategories, sentence, type TrendReportOptions } from "./shared.js";

const WIDTH = 340;
const HEIGHT = 140;
const PAD = { left: 30, right: 10, top: 10, bottom: 22 };

/**
 * One self-contained page (no network, no external assets): the summary, an
 * SVG line chart per score on a fixed 0–100 axis with time across, and the
 * table of points. Each run of points under one scoring model is its own
 * line; runs not comparable with the newest point are grey and dashed.
 */
export function renderTrendHtml(series: TrendSeries, options: TrendReportOptions): string {
  const categories = seriesCategories(series);
  const charts = [
    chart("overall", "Overall", series, (point) => point.score),
    ...categories.map((id) => chart(id, categoryInfo(id).name, series, (point) => point.categories[id] ?? null)),
  ];
  const note = comparabilityNote(series);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(`Groundwork trend: ${options.root}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>Readiness trend</h1>
  <p class="meta">${escape(`${options.root} · ${series.points.length} ${series.points.length === 1 ? "point" : "points"}`)}</p>
  <p id="summary" class="summary">${escape(sentence(series.summary))}</p>
  ${note ? `<p class="note">${escape(note)}</p>` : ""}
</header>
<section class="charts">${charts.join("")}</section>
<section>
  <h2>Points</h2>
  ${pointsTable(series, categories)}
</section>
</body>
</html>
`;
}

function chart(
  id: CategoryId | "overall",
  name: string,
  series: TrendSeries,
  valueOf: (point: SeriesPoint) => number | null,
): string {
  const times = series.points.map((point) => Date.parse(point.date));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const x = (time: number): number =>
    last === first
      ? PAD.left + (WIDTH - PAD.left - PAD.right) / 2
      : PAD.left + ((time - first) / (last - first)) * (WIDTH - PAD.left - PAD.right);
  const y = (value: number): number => PAD.top + (1 - value / 100) * (HEIGHT - PAD.top - PAD.bottom);
  const runs: SeriesPoint[][] = [];
  for (const point of series.points) {
    const run = runs.at(-1);
    if (run && run[0]?.scoringModel === point.scoringModel) run.push(point);
    else runs.push([point]);
  }
  const lines = runs
    .map((run) => {
      const scored = run.filter((point) => valueOf(point) !== null);
      const kind = run[0]?.comparable ? "comparable" : "other";
      const path = scored
        .map((point) => `${x(Date.parse(point.date)).toFixed(1)},${y(valueOf(point) ?? 0).toFixed(1)}`)
        .join(" ");
      const dots = scored
        .map((point) => {
          const label = `${point.date.slice(0, 10)} ${point.commit.slice(0, 10)}: ${cell(valueOf(point))}${point.comparable ? "" : ` (scoring model ${point.scoringModel}, not comparable)`}`;
          return `<circle class="${kind}" cx="${x(Date.parse(point.date)).toFixed(1)}" cy="${y(valueOf(point) ?? 0).toFixed(1)}" r="3"><title>${escape(label)}</title></circle>`;
        })
        .join("");
      return `<polyline class="${kind}" data-model="${escape(run[0]?.scoringModel ?? "")}" points="${path}"/>${dots}`;
    })
    .join("");
  const grid = [0, 50, 100]
    .map(
      (value) =>
        `<line class="grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(value)}" y2="${y(value)}"/><text class="axis" x="${PAD.left - 4}" y="${y(value) + 4}" text-anchor="end">${value}</text>`,
    )
    .join("");
  const dates =
    series.points.length > 0
      ? `<text class="axis" x="${PAD.left}" y="${HEIGHT - 6}">${escape(new Date(first).toISOString().slice(0, 10))}</text><text class="axis" x="${WIDTH - PAD.right}" y="${HEIGHT - 6}" text-anchor="end">${escape(new Date(last).toISOString().slice(0, 10))}</text>`
      : "";
  const change = series.changes.find((entry) => entry.id === id);
  const delta =
    change?.delta === null || change?.delta === undefined ? "" : ` <span class="delta">${signed(change.delta)}</span>`;
  const newest = series.points.filter((point) => point.comparable).at(-1);
  return `<figure class="chart" data-id="${id}"><figcaption>${escape(name)} <b>${cell(newest ? valueOf(newest) : null)}</b>${delta}</figcaption><svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escape(`${name} over time`)}">${grid}${dates}${lines}</svg></figure>`;
}

function pointsTable(series: TrendSeries, categories: readonly CategoryId[]): string {
  const head = ["Date", "Commit", "Model", "Overall", ...categories]
    .map((label) => `<th>${escape(label)}</th>`)
    .join("");
  const rows = [...series.points]
    .reverse()
    .map(
      (point) =>
        `<tr class="${point.comparable ? "" : "other"}"><td>${point.date.slice(0, 10)}${point.comparable ? "" : "*"}</td><td><code>${escape(point.commit.slice(0, 10))}</code>${point.dirty ? " +dirty" : ""}</td><td>${escape(point.scoringModel)}</td><td>${cell(point.score)}</td>${categories.map((id) => `<td>${cell(point.categories[id])}</td>`).join("")}</tr>`,
    )
    .join("");
  return `<table id="points"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:24px;color:#1d2330;background:#fafbfc}
h1{margin:0}.meta,.note{color:#556;margin:2px 0}.summary{font-size:18px;font-weight:600}
.charts{display:flex;flex-wrap:wrap;gap:16px;margin-top:16px}.chart{margin:0;background:#fff;border:1px solid #e3e5ea;border-radius:6px;padding:8px}
figcaption{font-weight:600;margin-bottom:4px}.delta{color:#556;font-weight:400}
polyline{fill:none;stroke-width:2}polyline.comparable{stroke:#2f6fd6}polyline.other{stroke:#9aa0ac;stroke-dasharray:4 3}
circle.comparable{fill:#2f6fd6}circle.other{fill:#fff;stroke:#9aa0ac}.grid{stroke:#e6e8ee}.axis{font-size:10px;fill:#778}
table{border-collapse:collapse;width:100%;font-size:13px;margin-top:8px}th{text-align:left;background:#eef0f5}th,td{padding:5px;border-bottom:1px solid #e3e5ea}
tr.other td{color:#889}
`;
