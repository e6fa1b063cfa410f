import { describe, expect, it } from "vitest";
import { LEVELS, levelFor } from "../../src/score/levels.js";

describe("levels", () => {
  it("has five levels, ranked 1 to 5, with rising thresholds", () => {
    expect(LEVELS.map((level) => level.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(LEVELS.map((level) => level.name)).toEqual(["Unprepared", "Emerging", "Workable", "Ready", "Exemplary"]);
    const scores = LEVELS.map((level) => level.minScore);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
  });

  it("is level 1 below 40 and names what level 2 needs", () => {
    expect(levelFor(39.9, [{ id: "docs", score: 39.9 }])).toEqual({
      rank: 1,
      name: "Unprepared",
      // The actions that get there are the fix plan's, named once it is planned (build-result.ts).
      next: { rank: 2, name: "Emerging", needs: ["overall score 39.9 → 40"], actions: [] },
    });
  });

  it("holds a repo at level 2 when one category is below level 3's floor, even with a level-3 overall score", () => {
    const level = levelFor(65, [
      { id: "interfaces", score: 95 },
      { id: "docs", score: 25 },
    ]);
    expect(level).toEqual({
      rank: 2,
      name: "Emerging",
      next: { rank: 3, name: "Workable", needs: ["docs 25 → 30"], actions: [] },
    });
  });

  it("ignores categories that are not applicable", () => {
    expect(
      levelFor(92, [
        { id: "interfaces", score: 92 },
        { id: "tests", score: null },
      ])?.rank,
    ).toBe(5);
  });

  it("reaches level 5 with nothing next", () => {
    expect(levelFor(100, [{ id: "docs", score: 100 }])).toEqual({ rank: 5, name: "Exemplary", next: null });
  });

  it("has no level when nothing was scored", () => {
    expect(levelFor(null, [])).toBeNull();
  });
});
