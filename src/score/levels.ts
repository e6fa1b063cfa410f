import type { LevelResult } from "../contract/result.js";

/** One readiness level: names and numbers come from this table only. */
export interface LevelDefinition {
  rank: number;
  name: string;
  /** Minimum overall score. */
  minScore: number;
  /** Minimum score of every applicable category. */
  minCategory: number;
  summary: string;
}

/** The five levels, lowest first. */
export const LEVELS: readonly LevelDefinition[] = [
  { rank: 1, name: "Unprepared", minScore: 0, minCategory: 0, summary: "agents will guess more than they read" },
  {
    rank: 2,
    name: "Emerging",
    minScore: 40,
    minCategory: 0,
    summary: "agents can find their way with close supervision",
  },
  {
    rank: 3,
    name: "Workable",
    minScore: 60,
    minCategory: 30,
    summary: "agents handle routine changes; weak areas need review",
  },
  { rank: 4, name: "Ready", minScore: 75, minCategory: 50, summary: "agents work productively with normal review" },
  {
    rank: 5,
    name: "Exemplary",
    minScore: 90,
    minCategory: 70,
    summary: "agents can navigate, change and verify almost everything",
  },
];

/** A category's score as seen by the level criteria. */
export interface ScoredCategory {
  id: string;
  score: number | null;
}

/** The highest level whose criteria hold, and what the next level needs. Null when nothing was scored. */
export function levelFor(overall: number | null, categories: readonly ScoredCategory[]): LevelResult | null {
  if (overall === null) return null;
  const applicable = categories.filter(
    (category): category is { id: string; score: number } => category.score !== null,
  );
  const unmet = (level: LevelDefinition): string[] => {
    const needs: string[] = [];
    if (overall < level.minScore) needs.push(`overall score ${overall} → ${level.minScore}`);
    for (const category of applicable) {
      if (category.score < level.minCategory) needs.push(`${category.id} ${category.score} → ${level.minCategory}`);
    }
    return needs;
  };
  // Levels are cumulative: stop at the first one whose criteria do not hold.
  let reached = LEVELS[0];
  for (const level of LEVELS) {
    if (unmet(level).length > 0) break;
    reached = level;
  }
  if (!reached) throw new Error("level table is empty");
  const next = LEVELS.find((level) => level.rank === (reached?.rank ?? 0) + 1);
  return {
    rank: reached.rank,
    name: reached.name,
    next: next ? { rank: next.rank, name: next.name, needs: unmet(next), actions: [] } : null,
  };
}
