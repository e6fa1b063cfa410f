import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "interfaces/max-file-lines";

describe(RULE, () => {
  it("flags a 501-line file and accepts one of exactly 500", async () => {
    const result = await scanFixture("interfaces/max-file-lines");
    expect(locationsOf(result, RULE)).toEqual(["src/long-module.ts:1:1"]);
    expect(findingsOf(result, RULE)[0]?.message).toBe("This file has 501 lines (at most 500)");
  });

  it("scores the share of source lines in long files", async () => {
    const result = await scanFixture("interfaces/max-file-lines");
    const check = categoryOf(result, "interfaces").checks.find((candidate) => candidate.ruleId === RULE);
    // 501 of 1001 lines are in the long file: 100 × 500 / 1001 = 49.95.
    expect(check).toMatchObject({ examined: 1001, failed: 501, score: 50 });
  });
});
