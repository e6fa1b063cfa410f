import type { Finding, ScanResult } from "../contract/result.js";
import { inFixOrder } from "../score/rank.js";
import { signed } from "../format.js";

/** Fixes of one file, in fix order. */
export interface FileFixes {
  file: string;
  fixes: Finding[];
  /** The largest gain among them. */
  bestGain: number;
}

/** The first `top` findings of the fix list, grouped by file (files in the order of their first fix). */
export function fixesByFile(result: ScanResult, top: number): { groups: FileFixes[]; shown: number; total: number } {
  const ranked = inFixOrder(result.findings).slice(0, top);
  const groups = new Map<string, Finding[]>();
  for (const finding of ranked) groups.set(finding.file, [...(groups.get(finding.file) ?? []), finding]);
  return {
    groups: [...groups].map(([file, fixes]) => ({ file, fixes, bestGain: Math.max(...fixes.map((fix) => fix.gain)) })),
    shown: ranked.length,
    total: result.findings.length,
  };
}

/** "+2.6" */
export function formatGain(gain: number): string {
  return `+${gain.toFixed(gain > 0 && gain < 0.1 ? 2 : 1)}`;
}

/**
 * The baseline comparison in one sentence: "score +0.3 since abc1234567 · 3 new
 * findings (2 errors and warnings) · 0 fixed · 10 unchanged". The errors and
 * warnings among the new are named when some new ones are notes: they are the
 * ones `--fail-on new` counts, so the header and the gate line say the same.
 */
export function baselineSentence(result: ScanResult, quote = (text: string) => text): string {
  const baseline = result.baseline;
  if (!baseline) return "";
  const against = quote(baseline.commit?.slice(0, 10) ?? baseline.source);
  const delta =
    baseline.scoreDelta === null
      ? "score not comparable (different scoring model)"
      : `score ${signed(baseline.scoreDelta)}`;
  const counted = newFindings(result).filter((finding) => finding.severity !== "info").length;
  const ofThem = counted < baseline.new ? ` (${counted} error${counted === 1 ? "" : "s"} and warnings)` : "";
  return `${delta} since ${against} · ${baseline.new} new finding${baseline.new === 1 ? "" : "s"}${ofThem} · ${baseline.fixed} fixed · ${baseline.unchanged} unchanged`;
}

/** The findings not in the baseline, in fix order (which puts errors and warnings before notes). */
export function newFindings(result: ScanResult): Finding[] {
  return inFixOrder(result.findings.filter((finding) => finding.status === "new"));
}

/** A finding as one Markdown list item: "- `src/a.ts:3:1` · `rule/id` · warning · message". */
export function findingItem(finding: Finding): string {
  return `- \`${finding.file}:${finding.line}:${finding.column}\` · \`${finding.ruleId}\` · ${finding.severity} · ${finding.message}`;
}
