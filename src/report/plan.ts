/**
 * The fix plan as the text formats show it: each action with its gain, rule,
 * effort and first locations, wrapped to the width (a path is never cut).
 *
 * May: format. May not: read, rank (the plan comes ranked in the result).
 */
import type { Action, Finding, ScanResult } from "../contract/result.js";
import { formatGain } from "./fixes.js";

/** Locations shown per action; the rest are counted. */
export const LOCATIONS_SHOWN = 3;

/** An action with its findings, in fix order. */
export interface PlannedAction {
  action: Action;
  findings: Finding[];
}

/** What an action must buy to be in a scan report's fix plan: smaller ones are listed by `groundwork fixes`. */
export const PLAN_MIN_GAIN = 0.5;

/** Actions a plan shows when none is worth PLAN_MIN_GAIN. */
const PLAN_FALLBACK = 3;

/**
 * The fix plan a scan report shows: the first `top` actions worth PLAN_MIN_GAIN
 * points or more (a top ten of +0.02 actions is filler that hides the plan), or,
 * when none is, the first three; with the sentence that heads it.
 */
export function reportedPlan(result: ScanResult, top: number): { planned: PlannedAction[]; title: string } {
  const total = result.actions.length;
  const worth = result.actions.filter((action) => action.gain >= PLAN_MIN_GAIN).length;
  const shown = Math.min(top, worth > 0 ? worth : PLAN_FALLBACK);
  const planned = topActions(result, shown);
  const all = `${total} action${total === 1 ? "" : "s"}`;
  const title =
    planned.length === total
      ? `Fix plan (${all})`
      : worth > 0 && planned.length === worth
        ? `Fix plan (${planned.length} of ${all}, those worth ${PLAN_MIN_GAIN} points or more)`
        : worth > 0
          ? `Fix plan (top ${planned.length} of ${all}, by gain weighted by churn)`
          : `Fix plan (top ${planned.length} of ${all}; none is worth ${PLAN_MIN_GAIN} points)`;
  return { planned, title };
}

/** "12 more actions, each worth less than 0.5 points" (or without the clause): what a plan of `shown` left out. */
export function planRest(result: ScanResult, shown: number): string {
  const rest = result.actions.length - shown;
  const small = [...result.actions]
    .sort((a, b) => a.rank - b.rank)
    .slice(shown)
    .every((action) => action.gain < PLAN_MIN_GAIN);
  return `${rest} more action${rest === 1 ? "" : "s"}${small ? `, each worth less than ${PLAN_MIN_GAIN} points` : ""}`;
}

/** The first `top` actions of the plan, each with its findings (as the result lists them). */
export function topActions(result: ScanResult, top: number): PlannedAction[] {
  const byFingerprint = new Map<string, Finding[]>();
  for (const finding of result.findings) {
    const same = byFingerprint.get(finding.fingerprint) ?? [];
    same.push(finding);
    byFingerprint.set(finding.fingerprint, same);
  }
  return [...result.actions]
    .sort((a, b) => a.rank - b.rank)
    .slice(0, top)
    .map((action) => {
      // A fingerprint repeats when the same code is reported twice (a multiset): take each once per mention.
      const used = new Map<string, number>();
      const findings = action.findings.flatMap((fingerprint) => {
        const index = used.get(fingerprint) ?? 0;
        used.set(fingerprint, index + 1);
        const found = byFingerprint.get(fingerprint)?.[index];
        return found ? [found] : [];
      });
      return { action, findings };
    });
}

/** "src/a.ts:3:1, src/b.ts:9:5 and 4 more": each place once (two findings may point at the same line). */
export function locationsOf(findings: readonly Finding[]): string {
  const places = [...new Set(findings.map((finding) => `${finding.file}:${finding.line}:${finding.column}`))];
  const shown = places.slice(0, LOCATIONS_SHOWN);
  const rest = places.length - shown.length;
  return rest > 0 ? `${shown.join(", ")} and ${rest} more` : shown.join(", ");
}

/**
 * The plan as numbered lines: `  1. +9.3  Document 3 exported symbols in src`,
 * then, indented, the rule and effort and the first locations, wrapped to
 * `width` (see wrap).
 */
export function planLines(planned: readonly PlannedAction[], width: number): string[] {
  const lines: string[] = [];
  for (const { action, findings } of planned) {
    const head = `${String(action.rank).padStart(3)}. ${formatGain(action.gain).padEnd(6)} `;
    const indent = " ".repeat(head.length);
    lines.push(...wrap(action.title, width, head, indent));
    const count = `${findings.length} finding${findings.length === 1 ? "" : "s"}`;
    lines.push(
      ...wrap(`${action.ruleId} · ${action.effort} · ${count}: ${locationsOf(findings)}`, width, indent, indent),
    );
  }
  return lines;
}

/**
 * Wraps `text` at spaces to `width` columns, the first line after `first`, the
 * others after `rest`; a word longer than a line (a deep path) is broken after
 * a `/`, never cut.
 */
export function wrap(text: string, width: number, first: string, rest: string): string[] {
  const room = Math.max(10, width - rest.length);
  const words = text.split(" ").flatMap((word) => (word.length > room ? breakWord(word, room) : [word]));
  const lines: string[] = [];
  let line = first;
  let isEmpty = true;
  for (const word of words) {
    if (!isEmpty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest + word;
    } else line = isEmpty ? line + word : `${line} ${word}`;
    isEmpty = false;
  }
  lines.push(line);
  return lines;
}

/** `word` in pieces of at most `width`, broken after a `/` where it can be (else anywhere). */
export function breakWord(word: string, width: number): string[] {
  const pieces: string[] = [];
  let piece = "";
  for (const part of word.split(/(?<=\/)/)) {
    if (piece.length + part.length > width && piece.length > 0) {
      pieces.push(piece);
      piece = "";
    }
    piece += part;
    while (piece.length > width) {
      pieces.push(piece.slice(0, width));
      piece = piece.slice(width);
    }
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}
