/**
 * Backfill: scores past commits by reading their trees from git's object
 * store. Nothing is checked out; the working tree and the index are never
 * touched; the temporary store is removed when done (or interrupted).
 *
 * Two commits are scanned at a time: while one waits for jscpd and git (child
 * processes on the second core), Node parses the other. Parsed files and jscpd
 * runs are shared between commits by blob id (see CommitScanner).
 *
 * May: scan past commits through the engine.
 * May not: write outside the engine's temporary store, print.
 */
import { CommitScanner } from "./commits.js";
import type { AnalyzeOptions } from "./options.js";
import { toTrendPoint, type TrendPoint } from "../trend/point.js";
import type { DatedCommit } from "../trend/select.js";

/** How to backfill. */
export interface BackfillOptions extends Omit<AnalyzeOptions, "ref" | "coverage" | "onProgress"> {
  /** The commits to score, oldest first. */
  commits: readonly DatedCommit[];
  /** Called after each commit is scored, with how many are done. */
  onProgress?: ((done: number, total: number) => void) | undefined;
}

/** What a backfill produced: a point per commit, oldest first, and the scans' warnings (each once). */
export interface Backfilled {
  points: TrendPoint[];
  warnings: string[];
}

const CONCURRENCY = 2;

/** Scores each commit; a GroundworkError (bad config, missing directory) stops the backfill. */
export async function backfill(options: BackfillOptions): Promise<Backfilled> {
  const { commits, onProgress, ...analyze } = options;
  // A coverage report describes today's tests, not a past commit's: past tests are mapped from imports.
  const newest = commits.at(-1);
  const oldest = commits[0];
  const scanner = await CommitScanner.open(
    { ...analyze, coverage: undefined },
    newest && oldest ? { newest: newest.commit, oldestTime: oldest.time } : undefined,
  );
  const points: TrendPoint[] = new Array<TrendPoint>(commits.length);
  const warnings = new Map<string, number>();
  let next = 0;
  let done = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < commits.length && !failed) {
      const index = next;
      next += 1;
      const commit = commits[index];
      if (!commit) continue;
      try {
        const { result } = await scanner.scan(commit.commit, commit.time);
        points[index] = toTrendPoint(result, commit.commit, commit.date);
        for (const warning of new Set(result.warnings)) warnings.set(warning, (warnings.get(warning) ?? 0) + 1);
      } catch (error) {
        failed = true;
        throw error;
      }
      done += 1;
      onProgress?.(done, commits.length);
    }
  };
  const outcomes = await Promise.allSettled(Array.from({ length: Math.min(CONCURRENCY, commits.length) }, worker));
  await scanner.dispose();
  const rejected = outcomes.find((outcome) => outcome.status === "rejected");
  if (rejected) throw rejected.reason;
  return {
    points,
    warnings: [...warnings].map(([warning, count]) =>
      count === commits.length ? warning : `${warning} (in ${count} of ${commits.length} commits)`,
    ),
  };
}
