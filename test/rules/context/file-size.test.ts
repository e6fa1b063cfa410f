import { describe, expect, it } from "vitest";
import { findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "context/file-size";

describe(RULE, () => {
  it("flags a 301-line AGENTS.md at the first line over the budget, not a 300-line one", async () => {
    expect(locationsOf(await scanFixture("context/file-size/long"), RULE)).toEqual(["AGENTS.md:301:1"]);
    expect(locationsOf(await scanFixture("context/file-size/short"), RULE)).toEqual([]);
  });

  it("honours maxLines", async () => {
    const result = await scanFixture("context/file-size/short", { rules: { [RULE]: { options: { maxLines: 100 } } } });
    expect(findingsOf(result, RULE)[0]?.message).toBe("AGENTS.md has 300 lines (at most 100)");
  });
});
