import { describe, expect, it } from "vitest";
import { categoryOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "docs/file-overview";

describe(RULE, () => {
  it("flags large modules whose only leading comment documents the first export or is a licence", async () => {
    const result = await scanFixture("docs/file-overview");
    expect(locationsOf(result, RULE)).toEqual([
      "src/large-with-licence-only.ts:1:1",
      "src/large-without-overview.ts:1:1",
    ]);
  });

  it("counts the four large modules and the two with an overview; the 20-line module is not examined", async () => {
    const result = await scanFixture("docs/file-overview");
    expect(categoryOf(result, "docs").metrics).toMatchObject({ largeModules: 4, largeModulesWithOverview: 2 });
  });
});
