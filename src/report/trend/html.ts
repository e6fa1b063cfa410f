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
 * SVG line chart per score, and the table of points. Across, the points are
 * spread evenly in commit order (a day of many commits does not pile up) or by
 * commit time; up, the scale fits the chart's scores or is the whole 0–100;
 * two switches choose (all four views are drawn, CSS shows one). Each run of
 * points under one scoring model is its own line; runs not comparable with the
 * newest point are grey and dashed.
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
<body data-x="order" data-y="fit">
<header>
  <h1>Readiness trend</h1>
  <p class="meta">${escape(`${options.root} · ${series.points.length} ${series.points.length === 1 ? "point" : "points"}`)}</p>
  <p id="summary" class="summary">${escape(sentence(series.summary))}</p>
  ${note ? `<p class="note">${escape(note)}</p>` : ""}
</header>
<form class="controls" aria-label="Chart axes">
  <fieldset><legend>Across</legend><label><input type="radio" name="x" value="order" checked> commit order</label><label><input type="radio" name="x" value="time"> time</label></fieldset>
  <fieldset><legend>Scale</legend><label><input type="radio" name="y" value="fit" checked> fit to the scores</label><label><input type="radio" name="y" value="full"> 0–100</label></fieldset>
</form>
<section class="charts">${charts.join("")}</section>
<section>
  <h2>Points</h2>
  ${pointsTable(series, categories)}
</section>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

/** How the x axis spreads the points: evenly in commit order, or by commit time. */
type XMode = "order" | "time";
/** How the y axis is scaled: to the chart's values, or the whole 0–100. */
type YMode = "fit" | "full";

const VIEWS: ReadonlyArray<[XMode, YMode]> = [
  ["order", "fit"],
  ["order", "full"],
  ["time", "fit"],
  ["time", "full"],
];

/** Steps the fitted y axis may use, the smallest that gives at most four intervals. */
const Y_STEPS = [1, 2, 5, 10, 20, 25, 50];

/**
 * The y range a chart's values are drawn in: 0–100, or fitted to them (at least 10 points wide, on a round
 * step, within 0–100), with its tick values.
 */
export function yScale(values: readonly number[], mode: YMode): { min: number; max: number; ticks: number[] } {
  if (mode === "full" || values.length === 0) return { min: 0, max: 100, ticks: [0, 50, 100] };
  const low = Math.min(...values);
  const high = Math.max(...values);
  const step = Y_STEPS.find((candidate) => Math.max(high - low, 10) / candidate <= 4) ?? 50;
  let min = Math.max(0, Math.floor(low / step) * step);
  let max = Math.min(100, Math.ceil(high / step) * step);
  if (max === min) {
    if (max + step <= 100) max += step;
    else min -= step;
  }
  const ticks: number[] = [];
  for (let tick = min; tick <= max + 1e-9; tick += step) ticks.push(Math.round(tick * 10) / 10);
  return { min, max, ticks };
}

function chart(
  id: CategoryId | "overall",
  name: string,
  series: TrendSeries,
  valueOf: (point: SeriesPoint) => number | null,
): string {
  const views = VIEWS.map(([xMode, yMode]) => view(series, valueOf, xMode, yMode)).join("");
  const change = series.changes.find((entry) => entry.id === id);
  const delta =
    change?.delta === null || change?.delta === undefined ? "" : ` <span class="delta">${signed(change.delta)}</span>`;
  const newest = series.points.filter((point) => point.comparable).at(-1);
  return `<figure class="chart" data-id="${id}"><figcaption>${escape(name)} <b>${cell(newest ? valueOf(newest) : null)}</b>${delta}</figcaption><svg viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${escape(`${name} over time`)}">${views}</svg></figure>`;
}

/** One chart drawn one way: its grid, axis labels, and a line per run of points under one scoring model. */
function view(series: TrendSeries, valueOf: (point: SeriesPoint) => number | null, xMode: XMode, yMode: YMode): string {
  const { points } = series;
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const times = points.map((point) => Date.parse(point.date));
  const first = Math.min(...times);
  const last = Math.max(...times);
  const xAt = (index: number): number => {
    if (xMode === "order")
      return points.length <= 1 ? PAD.left + innerWidth / 2 : PAD.left + (index / (points.length - 1)) * innerWidth;
    const time = times[index] ?? first;
    return last === first ? PAD.left + innerWidth / 2 : PAD.left + ((time - first) / (last - first)) * innerWidth;
  };
  const values = points.map(valueOf).filter((value): value is number => value !== null);
  const scale = yScale(values, yMode);
  const y = (value: number): number =>
    PAD.top + (1 - (value - scale.min) / (scale.max - scale.min)) * (HEIGHT - PAD.top - PAD.bottom);
  const runs: Array<Array<{ point: SeriesPoint; index: number }>> = [];
  points.forEach((point, index) => {
    const run = runs.at(-1);
    if (run && run[0]?.point.scoringModel === point.scoringModel) run.push({ point, index });
    else runs.push([{ point, index }]);
  });
  const lines = runs
    .map((run) => {
      const scored = run.filter(({ point }) => valueOf(point) !== null);
      const kind = run[0]?.point.comparable ? "comparable" : "other";
      const at = ({ point, index }: { point: SeriesPoint; index: number }) =>
        [xAt(index).toFixed(1), y(valueOf(point) ?? 0).toFixed(1)] as const;
      const path = scored.map((entry) => at(entry).join(",")).join(" ");
      const dots = scored
        .map((entry) => {
          const { point } = entry;
          const [cx, cy] = at(entry);
          const label = `${point.date.slice(0, 10)} ${point.commit.slice(0, 10)}: ${cell(valueOf(point))}${point.comparable ? "" : ` (scoring model ${point.scoringModel}, not comparable)`}`;
          return `<circle class="${kind}" cx="${cx}" cy="${cy}" r="3"><title>${escape(label)}</title></circle>`;
        })
        .join("");
      return `<polyline class="${kind}" data-model="${escape(run[0]?.point.scoringModel ?? "")}" points="${path}"/>${dots}`;
    })
    .join("");
  const grid = scale.ticks
    .map(
      (value) =>
        `<line class="grid" x1="${PAD.left}" x2="${WIDTH - PAD.right}" y1="${y(value).toFixed(1)}" y2="${y(value).toFixed(1)}"/><text class="axis" x="${PAD.left - 4}" y="${(y(value) + 4).toFixed(1)}" text-anchor="end">${value}</text>`,
    )
    .join("");
  const label = (index: number): string => {
    const point = points[index];
    if (!point) return "";
    return xMode === "time" ? point.date.slice(0, 10) : `${point.date.slice(0, 10)} ${point.commit.slice(0, 7)}`;
  };
  const axis =
    points.length > 0
      ? `<text class="axis" x="${PAD.left}" y="${HEIGHT - 6}">${escape(label(0))}</text><text class="axis" x="${WIDTH - PAD.right}" y="${HEIGHT - 6}" text-anchor="end">${escape(label(points.length - 1))}</text>`
      : "";
  return `<g class="view" data-x="${xMode}" data-y="${yMode}">${grid}${axis}${lines}</g>`;
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
  return `<div class="table"><table id="points"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`;
}

const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:24px;color:#1d2330;background:#fafbfc}
h1{margin:0}.meta,.note{color:#556;margin:2px 0}.summary{font-size:18px;font-weight:600}
.charts{display:flex;flex-wrap:wrap;gap:16px;margin-top:16px}.chart{margin:0;background:#fff;border:1px solid #e3e5ea;border-radius:6px;padding:8px}
figcaption{font-weight:600;margin-bottom:4px}.delta{color:#556;font-weight:400}
polyline{fill:none;stroke-width:2}polyline.comparable{stroke:#2f6fd6}polyline.other{stroke:#9aa0ac;stroke-dasharray:4 3}
circle.comparable{fill:#2f6fd6}circle.other{fill:#fff;stroke:#9aa0ac}.grid{stroke:#e6e8ee}.axis{font-size:10px;fill:#778}
table{border-collapse:collapse;width:100%;font-size:13px;margin-top:8px}th{text-align:left;background:#eef0f5}th,td{padding:5px;border-bottom:1px solid #e3e5ea}
tr.other td{color:#889}.table{overflow-x:auto}
svg{display:block;max-width:100%;height:auto}.chart{max-width:100%;box-sizing:border-box}
@media (max-width:600px){body{padding:12px}.summary{font-size:16px}}
.controls{display:flex;flex-wrap:wrap;gap:12px;margin-top:12px}.controls fieldset{border:1px solid #e3e5ea;border-radius:6px;padding:4px 10px;margin:0}
.controls legend{font-size:12px;color:#556}.controls label{margin-right:10px}
.view{display:none}
body[data-x="order"][data-y="fit"] .view[data-x="order"][data-y="fit"],body[data-x="order"][data-y="full"] .view[data-x="order"][data-y="full"],
body[data-x="time"][data-y="fit"] .view[data-x="time"][data-y="fit"],body[data-x="time"][data-y="full"] .view[data-x="time"][data-y="full"]{display:inline}
`;

/** The switches: each sets the body's data-x or data-y, which the CSS reads. */
const SCRIPT = `for (const input of document.querySelectorAll(".controls input")) input.addEventListener("change", () => { document.body.dataset[input.name] = input.value; });`;
