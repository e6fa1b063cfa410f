import Table from "cli-table3";
import pc from "picocolors";
import type {
  CategoryResult,
  ContextMetrics,
  CyclesMetrics,
  DocsMetrics,
  DuplicationMetrics,
  Finding,
  HotspotsMetrics,
  TestsMetrics,
  InterfacesMetrics,
  ScanResult,
} from "../contract/result.js";
import { LEVELS } from "../score/levels.js";
import { inFixOrder } from "../score/rank.js";
import { breakWord, planLines, reportedPlan, wrap } from "./plan.js";
import { baselineSentence, newFindings } from "./fixes.js";

/** How the terminal report is drawn. */
export interface TextOptions {
  /** Use ANSI colours. */
  color: boolean;
  /** Terminal width in columns. */
  width: number;
  /** How many findings to list (the rest are counted). */
  top: number;
}

/** The terminal report: score, level, a category table and the top findings by gain. */
export function renderText(result: ScanResult, options: TextOptions): string {
  const c = pc.createColors(options.color);
  const lines: string[] = [];
  const commit = result.commit ? ` · commit ${result.commit.slice(0, 10)}` : "";
  lines.push(c.bold(`Groundwork ${result.tool.version}`) + c.dim(` · ${result.root}${commit}`));
  lines.push("");
  lines.push(...headline(result, options.width, c));
  if (result.level?.next && result.level.next.needs.length > 0) {
    const next = `Next: level ${result.level.next.rank} ${result.level.next.name} needs ${result.level.next.needs.join(", ")}${actionsThere(result)}`;
    lines.push(...wrap(next, options.width, "", "      ").map((line) => c.dim(line)));
  }
  if (result.baseline) lines.push(`Baseline: ${baselineSentence(result)}`, ...newSection(result, options));
  lines.push("");
  lines.push(categoryTable(result.categories, options, c));
  lines.push("");
  if (result.actions.length > 0) {
    lines.push(...planSection(result, options, c));
    lines.push("");
  }
  lines.push(...findingsSection(result.findings, options, c));
  lines.push("");
  lines.push(...wrap(filesLine(result), options.width, "", "  ").map((line) => c.dim(line)));
  for (const warning of result.warnings)
    lines.push(...wrap(`warning: ${warning}`, options.width, "", "  ").map((line) => c.yellow(line)));
  return `${lines.join("\n")}\n`;
}

type Colors = ReturnType<typeof pc.createColors>;

/** " (fix plan actions 1 and 2 get there)", or nothing when the plan cannot. */
export function actionsThere(result: ScanResult): string {
  const ids = result.level?.next?.actions ?? [];
  const ranks = ids.flatMap((id) => result.actions.find((action) => action.id === id)?.rank ?? []);
  if (ranks.length === 0) return "";
  const list = ranks.length === 1 ? String(ranks[0]) : `${ranks.slice(0, -1).join(", ")} and ${ranks.at(-1)}`;
  return ` (fix plan action${ranks.length === 1 ? "" : "s"} ${list} ${ranks.length === 1 ? "gets" : "get"} there)`;
}

/** The score and level; the level's summary on the lines below when the line would pass `width`. */
function headline(result: ScanResult, width: number, c: Colors): string[] {
  if (result.score === null || !result.level) {
    return [c.bold("Readiness: not scored") + " (no category had anything to measure)"];
  }
  const level = LEVELS.find((definition) => definition.rank === result.level?.rank);
  const score = `Readiness ${formatScore(result.score)}/100`;
  const name = `level ${result.level.rank} ${result.level.name}`;
  const first = `${c.bold(score)} · ${colorScore(result.score, name, c)}`;
  if (!level) return [first];
  const summary = `(${level.summary})`;
  if (`${score} · ${name} ${summary}`.length <= width) return [`${first} ${c.dim(summary)}`];
  return [first, ...wrap(summary, width, "  ", "   ").map((line) => c.dim(line))];
}

function categoryTable(categories: readonly CategoryResult[], options: TextOptions, c: Colors): string {
  const figuresWidth = Math.max(30, options.width - 20 - 8 - 9 - 6);
  const table = new Table({
    head: ["Category", "Score", "Weight", "Key figures"],
    colWidths: [20, 8, 9, figuresWidth],
    colAligns: ["left", "right", "right", "left"],
    wordWrap: true,
    style: { head: options.color ? ["bold"] : [], border: [], compact: true },
  });
  for (const category of categories) {
    const scoreCell = category.score === null ? c.dim("–") : colorScore(category.score, formatScore(category.score), c);
    const figures = category.score === null && category.reason ? c.dim(category.reason) : keyFigures(category);
    table.push([category.name, scoreCell, String(category.weight), figures]);
  }
  return table.toString();
}

/** The few numbers that explain a category's score. */
export function keyFigures(category: CategoryResult): string {
  switch (category.id) {
    case "interfaces":
      return interfacesFigures(category.metrics);
    case "docs":
      return docsFigures(category.metrics);
    case "cycles":
      return cyclesFigures(category.metrics);
    case "duplication":
      return duplicationFigures(category.metrics);
    case "tests":
      return testsFigures(category.metrics);
    case "hotspots":
      return hotspotsFigures(category.metrics);
    case "context":
      return contextFigures(category.metrics, category.checks);
    default:
      return "";
  }
}

function interfacesFigures(m: InterfacesMetrics): string {
  const parts = [
    `${m.explicitReturnType}/${m.exportedFunctions} exported functions with return types`,
    `${m.anyInSignature} with any`,
  ];
  if (m.tooManyParameters) parts.push(`${m.tooManyParameters} with too many parameters`);
  if (m.longFunctions) parts.push(plural(m.longFunctions, "long function"));
  if (m.complexFunctions) parts.push(plural(m.complexFunctions, "complex function"));
  if (m.longFiles) parts.push(plural(m.longFiles, "long file"));
  return parts.join(" · ");
}

function docsFigures(m: DocsMetrics): string {
  const parts = [`${m.documentedSymbols}/${m.exportedSymbols} exported symbols documented`];
  const missing = [
    m.readmeHasUsage === false ? "usage" : "",
    m.readmeHasDevelopment === false ? "development" : "",
  ].filter(Boolean);
  if (m.readme === null) parts.push("no README");
  else if (missing.length === 0) parts.push(`${m.readme} complete`);
  else parts.push(`${m.readme} lacks ${missing.join(" and ")} section`);
  if (m.largeModules) parts.push(`${m.largeModulesWithOverview}/${m.largeModules} large modules with an overview`);
  return parts.join(" · ");
}

function cyclesFigures(m: CyclesMetrics): string {
  const groups = m.cycles.length;
  const parts = [
    groups === 0
      ? "no import cycles"
      : `${plural(groups, "cycle group")}, ${m.filesInCycles} of ${m.modules} modules in them`,
  ];
  if (m.largestCycle > 0) parts.push(`largest ${m.largestCycle} files`);
  if (m.typeOnlyCycles > 0) parts.push(`${m.typeOnlyCycles} type-only`);
  // Only imports of workspace packages whose sources were not found can hide a cycle between packages.
  const workspace = m.unresolvedByReason.workspaceOutput;
  if (workspace > 0) parts.push(plural(workspace, "unresolved workspace import"));
  return parts.join(" · ");
}

function duplicationFigures(m: DuplicationMetrics): string {
  if (m.percentage === null) return "";
  const parts = [
    `${m.percentage}% of source lines duplicated (${m.duplicatedLines}/${m.totalLines})`,
    plural(m.clones.length, "clone"),
  ];
  if (m.testClones > 0) parts.push(plural(m.testClones, "test clone"));
  return parts.join(" · ");
}

function testsFigures(m: TestsMetrics): string {
  const parts =
    m.mode === "measured" && m.lineCoverage !== null
      ? [`${m.lineCoverage}% line coverage (${m.coverageReport ?? "report"}${m.isCoverageStale ? ", stale" : ""})`]
      : [
          `${m.directlyTested}/${m.sourceFiles} files imported by tests`,
          `${m.transitivelyTested} more reached indirectly${m.e2eReached > 0 ? ` (${m.e2eReached} by e2e tests)` : ""}`,
        ];
  parts.push(m.testScript ? `script ${m.testScript}` : "no test script");
  if (m.testRunner) parts.push(m.testRunner);
  parts.push(`${m.testToSourceRatio} test lines per source line`);
  return parts.join(" · ");
}

function hotspotsFigures(m: HotspotsMetrics): string {
  const [top] = m.hotspots;
  const parts = [
    `${plural(m.commits, "commit")} since ${m.window?.since ?? "?"}${m.isShallow ? " (shallow clone)" : ""}`,
  ];
  if (top) parts.push(`top ${top.file} (${plural(top.commits, "commit")}, complexity ${top.complexity})`);
  const hidden = m.coupledPairs.filter((pair) => pair.hidden).length;
  if (hidden > 0) parts.push(plural(hidden, "hidden coupling"));
  return parts.join(" · ");
}

function contextFigures(m: ContextMetrics, checks: CategoryResult["checks"]): string {
  const parts = [m.contextFiles.length === 0 ? "no agent context file" : m.contextFiles.join(", ")];
  if (m.commandsChecked > 0)
    parts.push(`${m.commandsChecked - m.brokenCommands}/${m.commandsChecked} commands resolve`);
  if (m.missingPaths > 0) parts.push(plural(m.missingPaths, "missing path"));
  const loop = checks.find((check) => check.ruleId === "context/feedback-loop");
  if (loop && loop.examined > 0)
    parts.push(`${loop.examined - loop.failed}/${loop.examined} feedback-loop steps in place`);
  if (m.undocumentedEnvVars.length > 0) parts.push(plural(m.undocumentedEnvVars.length, "undocumented env var"));
  return parts.join(" · ");
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** The findings not in the baseline, at most `top`: where, the rule, the message. */
function newSection(result: ScanResult, options: TextOptions): string[] {
  const fresh = newFindings(result);
  if (fresh.length === 0) return [];
  const shown = fresh.slice(0, options.top);
  const lines = [`New since the baseline (${fresh.length}):`];
  for (const finding of shown)
    lines.push(
      ...wrap(
        `${finding.ruleId} · ${finding.severity} · ${terseMessage(finding.message)}`,
        options.width,
        `  ${location(finding)}  `,
        "    ",
      ),
    );
  if (fresh.length > shown.length) lines.push(`  …and ${fresh.length - shown.length} more`);
  return lines;
}

/** The fix plan's first actions: what to hand out first, each a change of one rule over one scope. */
function planSection(result: ScanResult, options: TextOptions, c: Colors): string[] {
  const { planned, title } = reportedPlan(result, options.top);
  const total = result.actions.length;
  if (planned.length === 0)
    return [`Fix plan: ${total} action${total === 1 ? "" : "s"}, none listed (--top ${total} lists them)`];
  return [...wrap(title, options.width, "", "").map((line) => c.bold(line)), ...planLines(planned, options.width)];
}

function findingsSection(findings: readonly Finding[], options: TextOptions, c: Colors): string[] {
  if (findings.length === 0) return [c.green("No findings.")];
  const top = inFixOrder(findings).slice(0, options.top);
  if (top.length === 0) return [`Findings: ${findings.length}, none listed (--top ${findings.length} lists them)`];
  const title =
    top.length < findings.length
      ? `Top findings (${top.length} of ${findings.length}, by score gain)`
      : `Findings (${findings.length})`;
  // The table is `width` wide (4 borders): the finding column keeps at least 36; a longer location wraps.
  const widest = Math.max(...top.map((finding) => Math.max(location(finding).length, finding.ruleId.length))) + 2;
  const whereWidth = Math.max(20, Math.min(44, widest, options.width - 4 - 7 - 36));
  const table = new Table({
    head: ["Where and rule", "Gain", "Finding and fix"],
    colWidths: [whereWidth, 7, options.width - whereWidth - 7 - 4],
    colAligns: ["left", "right", "left"],
    wordWrap: true,
    wrapOnWordBoundary: true,
    style: { head: options.color ? ["bold"] : [], border: [] },
  });
  for (const finding of top) {
    const severity =
      finding.severity === "error"
        ? c.red("error")
        : finding.severity === "warning"
          ? c.yellow("warning")
          : c.blue("info");
    table.push([
      `${breakPath(location(finding), whereWidth - 2)}\n${c.dim(breakPath(finding.ruleId, whereWidth - 2))}`,
      `+${finding.gain.toFixed(1)}`,
      `${finding.status === "new" ? `${c.bold("new")} ` : ""}${severity} ${terseMessage(finding.message)}\n${c.dim("fix:")} ${finding.fix}`,
    ]);
  }
  const more =
    findings.length > top.length
      ? [c.dim(`groundwork fixes --top ${findings.length} lists all ${findings.length} findings, ranked.`)]
      : [];
  return [c.bold(title), table.toString(), ...more];
}

/** A chain of more than this many files is shortened in the text report. */
const CHAIN_SHOWN = 5;

/**
 * A message as the terminal shows it: a chain of files (an import cycle's loop) longer than five keeps its first two
 * and last two with the count between, and the list of the group's other files is left out; the size stays in the
 * message, the cut in the fix, and every file in JSON, Markdown and HTML.
 */
export function terseMessage(message: string): string {
  return message.replace(/ \(the same group also holds [^()]*\)$/, "").replace(/\S+(?: → \S+)+/g, (chain) => {
    const steps = chain.split(" → ");
    if (steps.length <= CHAIN_SHOWN) return chain;
    return [...steps.slice(0, 2), `… ${steps.length - 4} more`, ...steps.slice(-2)].join(" → ");
  });
}

function location(finding: Finding): string {
  return `${finding.file}:${finding.line}:${finding.column}`;
}

function filesLine(result: ScanResult): string {
  const { files } = result;
  const kinds = Object.entries(files.byKind)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(", ");
  const skippedTotal = Object.values(files.skipped).reduce((sum, count) => sum + count, 0);
  const skipped =
    skippedTotal === 0
      ? "none skipped"
      : `${skippedTotal} skipped (${Object.entries(files.skipped)
          .map(([reason, count]) => `${count} ${reason}`)
          .join(", ")})`;
  return `Files: ${files.total} listed by ${files.listedBy} (${kinds || "none kept"}); ${files.parsed} parsed${files.cached ? ` (${files.cached} unchanged, from the cache)` : ""}; ${skipped}.`;
}

function formatScore(value: number): string {
  return value.toFixed(1);
}

function colorScore(value: number, text: string, c: Colors): string {
  if (value >= 75) return c.green(text);
  if (value >= 50) return c.yellow(text);
  return c.red(text);
}

/** `path` in lines of at most `width` characters (see breakWord): the table would cut a longer word with "…". */
function breakPath(path: string, width: number): string {
  return breakWord(path, width).join("\n");
}
