/**
 * Gates: thresholds on the result, and comparison with a baseline result.
 *
 * May: compare results. May not: read files, scan, print, or exit (the CLI turns failures into exit 1).
 */
import { CATEGORY_IDS } from "../contract/categories.js";
import type { ScanResult } from "../contract/result.js";
import type { GateSettings } from "../config/index.js";
import { inFixOrder } from "../score/rank.js";

export type { GateSettings } from "../config/index.js";

/** The gate's verdict: one line per failed gate, and notes on gates that could not be checked. */
export interface GateOutcome {
  failures: string[];
  notes: string[];
}

/**
 * Compares a result with a baseline: marks each finding new or unchanged and
 * counts fixed ones. Fingerprints are matched as a multiset, so a third copy of
 * a finding the baseline had twice is new.
 */
export function compareWithBaseline(result: ScanResult, baseline: ScanResult, source: string): ScanResult {
  const remaining = new Map<string, number>();
  for (const finding of baseline.findings)
    remaining.set(finding.fingerprint, (remaining.get(finding.fingerprint) ?? 0) + 1);
  const findings = result.findings.map((finding) => {
    const left = remaining.get(finding.fingerprint) ?? 0;
    if (left === 0) return { ...finding, status: "new" as const };
    remaining.set(finding.fingerprint, left - 1);
    return { ...finding, status: "unchanged" as const };
  });
  const isComparable = baseline.scoringModel === result.scoringModel;
  const unchanged = findings.filter((finding) => finding.status === "unchanged").length;
  return {
    ...result,
    findings,
    baseline: {
      source,
      commit: baseline.commit,
      score: baseline.score,
      scoringModel: baseline.scoringModel,
      isComparable,
      scoreDelta: isComparable ? difference(result.score, baseline.score) : null,
      categories: result.categories.map((category) => {
        const before = baseline.categories.find((candidate) => candidate.id === category.id)?.score ?? null;
        return { id: category.id, score: before, delta: isComparable ? difference(category.score, before) : null };
      }),
      new: findings.length - unchanged,
      fixed: baseline.findings.length - unchanged,
      unchanged,
    },
  };
}

/** now − before to one decimal, or null when either is missing. */
function difference(now: number | null, before: number | null): number | null {
  return now === null || before === null ? null : Math.round((now - before) * 10) / 10;
}

/** Checks every configured gate. */
export function evaluateGates(result: ScanResult, gate: GateSettings): GateOutcome {
  const failures: string[] = [];
  const notes: string[] = [];
  if (gate.minScore !== null) {
    if (result.score === null)
      notes.push(`no overall score (no category applies): --min-score ${gate.minScore} not checked`);
    else if (result.score < gate.minScore)
      failures.push(`overall score ${result.score} is below the minimum ${gate.minScore}`);
  }
  for (const id of CATEGORY_IDS) {
    const minimum = gate.min[id];
    if (minimum === undefined) continue;
    const category = result.categories.find((candidate) => candidate.id === id);
    if (!category || category.score === null) {
      notes.push(
        `${id} is not applicable (${category?.reason ?? "not scored"}): its minimum ${minimum} is not checked`,
      );
    } else if (category.score < minimum) {
      failures.push(`${id} score ${category.score} is below the minimum ${minimum}`);
    }
  }
  const counted = result.findings.filter((finding) => finding.severity !== "info");
  if (gate.failOn === "any" && counted.length > 0) {
    failures.push(
      `${counted.length} finding${counted.length === 1 ? "" : "s"} (errors and warnings), first at ${where(counted)}`,
    );
  }
  if (gate.failOn === "new") {
    const fresh = counted.filter((finding) => finding.status === "new");
    if (fresh.length > 0)
      failures.push(
        `${fresh.length} new finding${fresh.length === 1 ? "" : "s"} not in the baseline, first at ${where(fresh)}`,
      );
  }
  if (gate.maxDrop !== null && result.baseline) {
    const { baseline } = result;
    if (!baseline.isComparable) {
      notes.push(
        `the baseline was scored with model ${baseline.scoringModel} and this scan with ${result.scoringModel}: --max-drop not checked`,
      );
    } else if (baseline.scoreDelta !== null && -baseline.scoreDelta > gate.maxDrop) {
      failures.push(
        `the score fell ${-baseline.scoreDelta} points (from ${baseline.score} to ${result.score}), more than the ${gate.maxDrop} allowed`,
      );
    }
  }
  return { failures, notes };
}

function where(findings: ScanResult["findings"]): string {
  const first = inFixOrder(findings)[0];
  return first ? `${first.file}:${first.line} (${first.ruleId})` : "?";
}
