import type { Finding } from "../contract/result.js";
import { EFFORT_ORDER, type Effort } from "../contract/vocabulary.js";

const SEVERITY_ORDER: Record<Finding["severity"], number> = { error: 0, warning: 1, info: 2 };

/** What ranking needs to know besides the findings. */
export interface RankContext {
  /** The rule's effort class. */
  effortOf(ruleId: string): Effort;
  /** How many commits in the history window touched the file (0 without history). */
  commitsOf(file: string): number;
}

/**
 * Gives each finding its effort class and its place in the fix list. Errors and
 * warnings come before notes (`info`): a note records a fact a lead may act on
 * (a module reached by tests only through others, a test clone), not a task, so
 * it never takes the place of a warning however much it is worth. Within each,
 * by gain, then by how often its file changed in the history window (a fix in a
 * hotspot helps agents more), then by effort (cheaper first), then by severity
 * and place. The list order (file, line) is kept; `rank` carries the fix order.
 */
export function rankFindings(
  findings: ReadonlyArray<Omit<Finding, "effort" | "rank">>,
  context: RankContext,
): Finding[] {
  const entries = findings.map((finding, index) => ({
    finding,
    index,
    effort: context.effortOf(finding.ruleId),
    commits: context.commitsOf(finding.file),
  }));
  const order = [...entries].sort(
    (a, b) =>
      Number(a.finding.severity === "info") - Number(b.finding.severity === "info") ||
      b.finding.gain - a.finding.gain ||
      b.commits - a.commits ||
      EFFORT_ORDER.indexOf(a.effort) - EFFORT_ORDER.indexOf(b.effort) ||
      SEVERITY_ORDER[a.finding.severity] - SEVERITY_ORDER[b.finding.severity] ||
      a.index - b.index,
  );
  const rankOf = new Map(order.map((entry, position) => [entry.index, position + 1]));
  return entries.map(({ finding, index, effort }) => ({ ...finding, effort, rank: rankOf.get(index) ?? index + 1 }));
}

/** Findings in fix order (`rank` 1 first), as the fix lists show them; the input is not changed. */
export function inFixOrder<T extends Pick<Finding, "rank">>(findings: readonly T[]): T[] {
  return [...findings].sort((a, b) => a.rank - b.rank);
}
