import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "interfaces/max-function-lines";

describe(RULE, () => {
  it("flags functions over 80 lines, including an anonymous callback and the function around it", async () => {
    const result = await scanFixture("interfaces/max-function-lines");
    expect(locationsOf(result, RULE)).toEqual([
      "src/long-callback.ts:1:17",
      "src/long-callback.ts:3:17",
      "src/long-function.ts:1:17",
    ]);
    expect(findingsOf(result, RULE).map((finding) => finding.message)).toEqual([
      "Function 'registerHandlers' spans 86 lines (at most 80)",
      "Function '(anonymous)' spans 82 lines (at most 80)",
      "Function 'summariseLedger' spans 83 lines (at most 80)",
    ]);
  });

  it("scores by lines of function code, counting nested functions once", async () => {
    const result = await scanFixture("interfaces/max-function-lines");
    const check = categoryOf(result, "interfaces").checks.find((candidate) => candidate.ruleId === RULE);
    // Own lines: at-limit 80, long-function 83, callback 82, registerHandlers 86 - 82 = 4.
    // Failed: 83 + 82 + 4 = 169 of 249 → 100 × 80 / 249 = 32.13.
    expect(check).toMatchObject({ examined: 249, failed: 169, score: 32.1 });
  });
});
