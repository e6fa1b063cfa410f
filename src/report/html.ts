import type { ScanResult } from "../contract/result.js";
import { inFixOrder } from "../score/rank.js";
import { baselineSentence, fixesByFile, formatGain } from "./fixes.js";
import { locationsOf, planRest, reportedPlan } from "./plan.js";
import { keyFigures } from "./text.js";

/** Options of the HTML report. */
export interface HtmlOptions {
  /** How many ranked fixes head the page. */
  top: number;
}

/**
 * One self-contained HTML page (no network, no external assets): the score and
 * level, a bar per category, the ranked fixes, and every finding in a table
 * that sorts by any column and filters by text, category and severity.
 */
export function renderHtml(result: ScanResult, options: HtmlOptions): string {
  const repository = result.root.split(/[\\/]/).filter(Boolean).at(-1) ?? result.root;
  const title = `Groundwork: ${repository} ${result.score === null ? "not scored" : `${result.score.toFixed(1)}/100`}`;
  const level = result.level ? `Level ${result.level.rank} ${result.level.name}` : "No level";
  const next =
    result.level?.next && result.level.next.needs.length > 0
      ? `Next: level ${result.level.next.rank} ${result.level.next.name} needs ${result.level.next.needs.join(", ")}`
      : "";
  const rows = inFixOrder(result.findings);
  const data = rows.map((finding) => ({
    rank: finding.rank,
    gain: finding.gain,
    severity: finding.severity,
    category: finding.category,
    rule: finding.ruleId,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    message: finding.message,
    fix: finding.fix,
    status: finding.status ?? "",
  }));
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1><span id="score">${escape(result.score === null ? "–" : result.score.toFixed(1))}</span><small>/100</small></h1>
  <p class="level">${escape(level)}</p>
  <p class="next">${escape(next)}</p>
  <p class="meta">${escape(`${result.root}${result.commit ? ` · ${result.commit.slice(0, 10)}` : ""} · Groundwork ${result.tool.version} · scoring model ${result.scoringModel}`)}</p>
  ${baselineHtml(result)}
</header>
<section>
  <h2>Categories</h2>
  <div class="bars">${result.categories.map(categoryHtml).join("")}</div>
</section>
${planHtml(result, options.top)}
<section>
  <h2>Fixes, ranked by the points they buy</h2>
  ${fixesHtml(result, options.top)}
</section>
<section>
  <h2>All findings (<span id="shown">${rows.length}</span> of ${rows.length})</h2>
  <div class="filters">
    <input id="filter" type="search" placeholder="Filter by file, rule or message" aria-label="Filter findings">
    <select id="category" aria-label="Category"><option value="">All categories</option>${unique(
      rows.map((row) => row.category),
    )
      .map((value) => `<option>${escape(value)}</option>`)
      .join("")}</select>
    <select id="severity" aria-label="Severity"><option value="">All severities</option>${unique(
      rows.map((row) => row.severity),
    )
      .map((value) => `<option>${escape(value)}</option>`)
      .join("")}</select>${
      result.baseline
        ? `
    <select id="status" aria-label="Baseline status"><option value="">New and unchanged</option><option value="new">New only</option><option value="unchanged">Unchanged only</option></select>`
        : ""
    }
  </div>
  <div class="table"><table id="findings">
    <thead><tr>${COLUMNS.map(([key, label]) => `<th data-key="${key}" tabindex="0">${label}</th>`).join("")}</tr></thead>
    <tbody></tbody>
  </table></div>
  <p><button id="more" type="button" hidden></button></p>
</section>
<script type="application/json" id="data">${JSON.stringify(data).replace(/</g, "\\u003c")}</script>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

const COLUMNS: ReadonlyArray<[string, string]> = [
  ["rank", "#"],
  ["gain", "Gain"],
  ["severity", "Severity"],
  ["category", "Category"],
  ["rule", "Rule"],
  ["file", "Where"],
  ["message", "Finding and fix"],
];

function categoryHtml(category: ScanResult["categories"][number]): string {
  const width = category.score ?? 0;
  const value = category.score === null ? "–" : category.score.toFixed(1);
  const detail = category.score === null ? (category.reason ?? "not scored") : keyFigures(category);
  const tone = category.score === null ? "na" : category.score >= 75 ? "good" : category.score >= 50 ? "fair" : "poor";
  return `<div class="bar ${tone}"><span class="name">${escape(category.name)}</span><span class="track"><span class="fill" style="width:${width}%"></span></span><span class="value">${value}</span><span class="detail">${escape(detail)}</span></div>`;
}

function fixesHtml(result: ScanResult, top: number): string {
  const { groups, shown, total } = fixesByFile(result, top);
  if (total === 0) return "<p>No findings.</p>";
  const items = groups
    .map(
      (group) =>
        `<li><code>${escape(group.file)}</code> — up to ${formatGain(group.bestGain)}<ul>${group.fixes
          .map(
            (fix) =>
              `<li><b>${formatGain(fix.gain)}</b> line ${fix.line}: ${inline(fix.message)}<br><span class="fix">Fix: ${inline(fix.fix)}</span> <code>${escape(fix.ruleId)}</code></li>`,
          )
          .join("")}</ul></li>`,
    )
    .join("");
  const more = total > shown ? `<p class="meta">…and ${total - shown} more in the table below.</p>` : "";
  return `<ol class="fixes">${items}</ol>${more}`;
}

/** The fix plan's first actions: what to hand out first, each with its first locations. */
function planHtml(result: ScanResult, top: number): string {
  const { planned } = reportedPlan(result, top);
  if (planned.length === 0) return "";
  const items = planned
    .map(
      ({ action, findings }) =>
        `<li><b>${formatGain(action.gain)}</b> ${inline(action.title)} <span class="meta"><code>${escape(action.ruleId)}</code> · ${escape(action.effort)} · ${findings.length} finding${findings.length === 1 ? "" : "s"}: ${escape(locationsOf(findings))}</span></li>`,
    )
    .join("");
  const rest = result.actions.length - planned.length;
  const more =
    rest > 0
      ? `<p class="meta">…and ${escape(planRest(result, planned.length))}: <code>groundwork fixes</code> lists the plan.</p>`
      : "";
  return `<section>
  <h2>Fix plan</h2>
  <ol class="plan">${items}</ol>${more}
</section>`;
}

function baselineHtml(result: ScanResult): string {
  if (!result.baseline) return "";
  const sentence = baselineSentence(result);
  return `<p class="baseline">${escape(`${sentence[0]?.toUpperCase()}${sentence.slice(1)}`)}</p>`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

/** Escaped text with its `code spans` set as code. */
function inline(text: string): string {
  return escape(text).replace(/`([^`]+)`/g, "<code>$1</code>");
}

/** Text made safe for HTML content and attribute values. */
export function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

const STYLE = `
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1100px;padding:24px;color:#1d2330;background:#fafbfc}
h1{font-size:48px;margin:0}h1 small{font-size:20px;color:#667}h2{margin-top:32px;border-bottom:1px solid #dde;padding-bottom:4px}
.level{font-size:20px;font-weight:600;margin:4px 0}.next,.meta{color:#556;margin:2px 0}.baseline{font-weight:600}
.bars{display:grid;gap:8px}.bar{display:grid;grid-template-columns:160px 1fr 56px;gap:8px;align-items:center}
.bar .detail{grid-column:2/4;color:#556;font-size:13px}.track{background:#e6e8ee;border-radius:4px;height:14px;overflow:hidden}
.fill{display:block;height:100%}.good .fill{background:#2e9e5b}.fair .fill{background:#d9a21b}.poor .fill{background:#d2463c}.na .value{color:#99a}
.value{text-align:right;font-weight:600}.fixes li{margin:6px 0}.fix{color:#445}
.filters{display:flex;gap:8px;margin:8px 0}.filters input{flex:1;padding:6px}
.table{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:13px}td{overflow-wrap:anywhere}
.plan li{margin:6px 0}.plan .meta{display:block}
@media (max-width:600px){body{padding:12px}h1{font-size:36px}.bar{grid-template-columns:110px 1fr 48px}.filters{flex-wrap:wrap}
#findings th:nth-child(4),#findings td:nth-child(4),#findings th:nth-child(5),#findings td:nth-child(5){display:none}}th{cursor:pointer;text-align:left;background:#eef0f5;position:sticky;top:0}
th,td{padding:6px;border-bottom:1px solid #e3e5ea;vertical-align:top}th[aria-sort=ascending]::after{content:" ▲"}th[aria-sort=descending]::after{content:" ▼"}
td.error{color:#b3261e;font-weight:600}td.warning{color:#8a6100}td.info{color:#1f5fa8}code{font-size:12px;overflow-wrap:anywhere}
`;

/** Rows the findings table shows at once: 11,000 rows at a time would take seconds to lay out. */
const PAGE = 500;

const SCRIPT = `
(function () {
  var PAGE = ${PAGE};
  var rows = JSON.parse(document.getElementById("data").textContent);
  var body = document.querySelector("#findings tbody");
  var sortKey = "rank", ascending = true, limit = PAGE;
  var SEVERITY = { error: 0, warning: 1, info: 2 };
  function text(value) { return String(value); }
  function key(row) { return sortKey === "severity" ? SEVERITY[row.severity] : row[sortKey]; }
  // Text with its \`code spans\` set as code, built as nodes (never as HTML).
  function inline(parent, content) {
    String(content).split("\u0060").forEach(function (part, index) {
      if (index % 2 === 1) { var code = document.createElement("code"); code.textContent = part; parent.appendChild(code); }
      else if (part) parent.appendChild(document.createTextNode(part));
    });
    return parent;
  }
  function cell(content, className) { var td = document.createElement("td"); inline(td, content); if (className) td.className = className; return td; }
  function render() {
    var query = document.getElementById("filter").value.toLowerCase();
    var category = document.getElementById("category").value;
    var severity = document.getElementById("severity").value;
    var status = document.getElementById("status") ? document.getElementById("status").value : "";
    var shown = rows.filter(function (row) {
      if (category && row.category !== category) return false;
      if (severity && row.severity !== severity) return false;
      if (status && row.status !== status) return false;
      if (!query) return true;
      return (row.file + " " + row.rule + " " + row.message + " " + row.fix).toLowerCase().indexOf(query) !== -1;
    });
    shown.sort(function (a, b) {
      var x = key(a), y = key(b);
      var order = typeof x === "number" && typeof y === "number" ? x - y : text(x).localeCompare(text(y));
      if (order === 0) order = a.rank - b.rank;
      return ascending ? order : -order;
    });
    body.textContent = "";
    var more = document.getElementById("more");
    more.hidden = shown.length <= limit;
    more.textContent = "Show " + Math.min(PAGE, shown.length - limit) + " more of " + (shown.length - limit);
    shown.slice(0, limit).forEach(function (row) {
      var tr = document.createElement("tr");
      tr.appendChild(cell(text(row.rank)));
      tr.appendChild(cell("+" + row.gain.toFixed(1)));
      tr.appendChild(cell(row.severity, row.severity));
      tr.appendChild(cell(row.category));
      tr.appendChild(cell(row.rule));
      tr.appendChild(cell(row.file + ":" + row.line + ":" + row.column));
      var message = cell(row.message + (row.status === "new" ? " (new)" : ""));
      var fix = document.createElement("div"); fix.className = "fix"; inline(fix, "Fix: " + row.fix); message.appendChild(fix);
      tr.appendChild(message);
      body.appendChild(tr);
    });
    document.getElementById("shown").textContent = String(shown.length);
    document.querySelectorAll("th").forEach(function (th) {
      th.setAttribute("aria-sort", th.dataset.key === sortKey ? (ascending ? "ascending" : "descending") : "none");
    });
  }
  document.querySelectorAll("th").forEach(function (th) {
    function sort() { if (sortKey === th.dataset.key) ascending = !ascending; else { sortKey = th.dataset.key; ascending = th.dataset.key !== "gain"; } render(); }
    th.addEventListener("click", sort);
    th.addEventListener("keydown", function (event) { if (event.key === "Enter") sort(); });
  });
  ["filter", "category", "severity", "status"].forEach(function (id) {
    var control = document.getElementById(id);
    if (control) control.addEventListener("input", function () { limit = PAGE; render(); });
  });
  document.getElementById("more").addEventListener("click", function () { limit += PAGE; render(); });
  render();
})();
`;
