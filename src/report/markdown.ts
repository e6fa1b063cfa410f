import type { ScanResult } from "../engine/result.js";
import { fixesByFile, formatGain } from "./fixes.js";
import { keyFigures } from "./text.js";

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
      `> Next: level ${result.level.next.rank} ${result.level.next.name} needs ${result.level.next.needs.join(", ")}.`,
      "",
    );
  }
  if (result.baseline) lines.push(...baselineLines(result), "");
  lines.push("| Category | Score | Key figures |", "| --- | ---: | --- |");
  for (const category of result.categories) {
    const scoreCell = category.score === null ? "–" : category.score.toFixed(1);
    const figures = category.score === null ? `_${category.reason ?? "not scored"}_` : keyFigures(category);
    lines.push(`| ${cell(category.name)} | ${scoreCell} | ${cell(figures)} |`);
  }
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

function baselineLines(result: ScanResult): string[] {
  const baseline = result.baseline;
  if (!baseline) return [];
  const against = baseline.commit ? `\`${baseline.commit.slice(0, 10)}\`` : baseline.source;
  const delta =
    baseline.scoreDelta === null
      ? "not comparable (different scoring model)"
      : `${baseline.scoreDelta >= 0 ? "+" : ""}${baseline.scoreDelta.toFixed(1)}`;
  return [
    "### Compared with the baseline",
    "",
    `Score ${delta} since ${against} · ${baseline.new} new finding${baseline.new === 1 ? "" : "s"} · ${baseline.fixed} fixed · ${baseline.unchanged} unchanged`,
  ];
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
