import type { ScanResult } from "../contract/result.js";
import { signed } from "../format.js";
import { baselineSentence, findingItem, fixesByFile, formatGain, newFindings } from "./fixes.js";
import { locationsOf, planRest, reportedPlan } from "./plan.js";
import { actionsThere, keyFigures } from "./text.js";

/** Options of the Markdown report. */
export interface MarkdownOptions {
  /** How many fixes to list. */
  top: number;
}

/** A fix-it report to paste into an issue or a pull-request comment. */
export function renderMarkdown(result: ScanResult, options: MarkdownOptions): string {
  const lines: string[] = [];
  const score = result.score === null ? "not scored" : `${result.score.toFixed(1)}/100`;
  const level = result.level ? ` · level ${result.level.rank} ${result.level.name}` : "";
  lines.push(`## Groundwork readiness: ${score}${level}`, "");
  const commit = result.commit ? ` at \`${result.commit.slice(0, 10)}\`` : "";
  lines.push(`Groundwork ${result.tool.version}, scoring model ${result.scoringModel}${commit}.`, "");
  if (result.level?.next && result.level.next.needs.length > 0) {
    lines.push(
      `> Next: level ${result.level.next.rank} ${result.level.next.name} needs ${result.level.next.needs.join(", ")}${actionsThere(result)}.`,
      "",
    );
  }
  if (result.baseline) lines.push(...baselineLines(result, options.top), "");
  const deltas = result.baseline?.isComparable ? result.baseline.categories : null;
  lines.push(
    deltas ? "| Category | Score | Change | Key figures |" : "| Category | Score | Key figures |",
    deltas ? "| --- | ---: | ---: | --- |" : "| --- | ---: | --- |",
  );
  for (const category of result.categories) {
    const scoreCell = category.score === null ? "–" : category.score.toFixed(1);
    const figures = category.score === null ? `_${category.reason ?? "not scored"}_` : keyFigures(category);
    const delta = deltas?.find((entry) => entry.id === category.id)?.delta ?? null;
    const change = deltas ? ` ${delta === null ? "–" : signed(delta)} |` : "";
    lines.push(`| ${cell(category.name)} | ${scoreCell} |${change} ${cell(figures)} |`);
  }
  lines.push(...planTable(result, options.top));
  lines.push("", "### Fixes, ranked by the points they buy", "");
  const { groups, shown, total } = fixesByFile(result, options.top);
  if (total === 0) lines.push("No findings.");
  for (const group of groups) {
    lines.push(
      `**\`${group.file}\`** — ${group.fixes.length} fix${group.fixes.length === 1 ? "" : "es"}, up to ${formatGain(group.bestGain)}`,
      "",
    );
    for (const fix of group.fixes) {
      const status = fix.status === "new" ? " · **new**" : "";
      lines.push(
        `- **${formatGain(fix.gain)}** line ${fix.line} · ${fix.message} · _fix:_ ${fix.fix} · \`${fix.ruleId}\`${status}`,
      );
    }
    lines.push("");
  }
  if (total > shown)
    lines.push(
      `_…and ${total - shown} more finding${total - shown === 1 ? "" : "s"}: run \`groundwork fixes\` for the full list._`,
      "",
    );
  return `${lines.join("\n").trimEnd()}\n`;
}

/** The fix plan's first actions, as a table: what to hand out first. */
function planTable(result: ScanResult, top: number): string[] {
  const { planned } = reportedPlan(result, top);
  const total = result.actions.length;
  if (planned.length === 0)
    return total === 0
      ? []
      : ["", `_${total} action${total === 1 ? "" : "s"} in the fix plan: run \`groundwork fixes\` for it._`];
  const lines = [
    "",
    "### Fix plan",
    "",
    "| # | Gain | Action | Rule · effort | Where |",
    "| ---: | ---: | --- | --- | --- |",
  ];
  for (const { action, findings } of planned) {
    lines.push(
      `| ${action.rank} | ${formatGain(action.gain)} | ${cell(action.title)} | \`${action.ruleId}\` · ${action.effort} | ${cell(locationsOf(findings))} |`,
    );
  }
  const rest = result.actions.length - planned.length;
  if (rest > 0) lines.push("", `_…and ${planRest(result, planned.length)}: run \`groundwork fixes\` for the plan._`);
  return lines;
}

/** The comparison, then the new findings (at most `top`), as SonarQube lists new issues. */
function baselineLines(result: ScanResult, top: number): string[] {
  const sentence = baselineSentence(result, (text) => `\`${text}\``);
  const lines = ["### Compared with the baseline", "", `${sentence[0]?.toUpperCase()}${sentence.slice(1)}`];
  const fresh = newFindings(result);
  if (fresh.length === 0) return lines;
  lines.push("", "**New findings**", "");
  for (const finding of fresh.slice(0, top)) lines.push(findingItem(finding));
  if (fresh.length > top) lines.push(`- _…and ${fresh.length - top} more_`);
  return lines;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
