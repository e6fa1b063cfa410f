import { describe, expect, it } from "vitest";
import { findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "interfaces/complexity";

describe(RULE, () => {
  it("flags a function of complexity 16 and leaves simple ones alone", async () => {
    const result = await scanFixture("interfaces/complexity");
    expect(locationsOf(result, RULE)).toEqual(["src/branchy-router.ts:1:17"]);
    expect(findingsOf(result, RULE)[0]?.message).toBe(
      "Function 'routeRequest' has a cyclomatic complexity of 16 (at most 15)",
    );
  });

  it("passes it with max 16", async () => {
    const result = await scanFixture("interfaces/complexity", { rules: { [RULE]: { options: { max: 16 } } } });
    expect(locationsOf(result, RULE)).toEqual([]);
  });
});
