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

/** The baseline comparison in one sentence: "+0.3 since abc1234567 · 1 new finding · 0 fixed · 10 unchanged". */
export function baselineSentence(
  baseline: NonNullable<ScanResult["baseline"]>,
  quote = (text: string) => text,
): string {
  const against = quote(baseline.commit?.slice(0, 10) ?? baseline.source);
  const delta =
    baseline.scoreDelta === null
      ? "score not comparable (different scoring model)"
      : `score ${signed(baseline.scoreDelta)}`;
  return `${delta} since ${against} · ${baseline.new} new finding${baseline.new === 1 ? "" : "s"} · ${baseline.fixed} fixed · ${baseline.unchanged} unchanged`;
}
