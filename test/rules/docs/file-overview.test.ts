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

  // large-documented-exports.ts (319 lines) has no file-level comment, and a doc comment on each of its ten exports.
  it("does not ask for an overview of a module whose every export is documented", async () => {
    const result = await scanFixture("docs/file-overview");
    expect(locationsOf(result, RULE)).not.toContain("src/large-documented-exports.ts:1:1");
  });

  it("counts the four large modules and the two with an overview; the 20-line module and the one whose exports are all documented are not examined", async () => {
    const result = await scanFixture("docs/file-overview");
    expect(categoryOf(result, "docs").metrics).toMatchObject({ largeModules: 4, largeModulesWithOverview: 2 });
  });

  // file-overview-data: country-codes.ts (350 lines) is a union of 349 string literals, currencies.ts (323 lines) an
  // `as const` array of literal pairs, scheduler.ts (321 lines, 307 non-blank) a 152-line array beside 14 functions;
  // none has a file-level comment.
  it("does not ask a module of literal data for an overview, nor count it as a large module", async () => {
    const result = await scanFixture("docs/file-overview-data");
    expect(locationsOf(result, RULE)).toEqual(["src/scheduler.ts:1:1"]);
    expect(categoryOf(result, "docs").metrics).toMatchObject({ largeModules: 1, largeModulesWithOverview: 0 });
  });
});
