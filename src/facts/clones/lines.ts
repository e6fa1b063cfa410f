/** Counting the lines clone pairs cover, for the duplication figures and the test-clone findings. */
import type { ClonePair } from "./types.js";

/** Lines inside any copy of the pairs, each line of each file once; `counts` picks the files that count. */
export function coveredLines(pairs: readonly ClonePair[], counts: (file: string) => boolean = () => true): number {
  const covered = new Map<string, Set<number>>();
  for (const pair of pairs) {
    for (const side of [pair.a, pair.b]) {
      if (!counts(side.file)) continue;
      const lines = covered.get(side.file) ?? new Set<number>();
      for (let line = side.start; line <= side.end; line += 1) lines.add(line);
      covered.set(side.file, lines);
    }
  }
  return [...covered.values()].reduce((sum, lines) => sum + lines.size, 0);
}
