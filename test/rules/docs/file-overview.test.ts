import { describe, expect, it } from "vitest";
import { categoryOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "docs/file-overview";

describe(RULE, () => {
  it("flags large modules whose only leading comment documents the first export or is a licence", async () => {
    const result = await scanFixture("docs/file-overview");
    expect(locationsOf(result, RULE)).toEqual([
      "src/field-array-hooks.ts:1:1",
      "src/large-with-licence-only.ts:1:1",
      "src/large-without-overview.ts:1:1",
    ]);
  });

  // large-documented-exports.ts (319 lines) has no file-level comment, and a doc comment on each of its ten exports.
  it("does not ask for an overview of a module whose every export is documented", async () => {
    const result = await scanFixture("docs/file-overview");
    expect(locationsOf(result, RULE)).not.toContain("src/large-documented-exports.ts:1:1");
  });

  // use-field-array.ts and field-array-hooks.ts (307 lines each) are the same shape: no comment at all, one
  // 154-line function and 38 small ones; only the first is named after an export (`useFieldArray`).
  it("does not ask for an overview of a module named after one of its exports, whatever the name's case and dashes", async () => {
    const result = await scanFixture("docs/file-overview");
    expect(locationsOf(result, RULE)).not.toContain("src/use-field-array.ts:1:1");
    expect(locationsOf(result, RULE)).toContain("src/field-array-hooks.ts:1:1");
  });

  it("counts the five large modules and the two with an overview; the 20-line module, the one whose exports are all documented and the one named after its export are not examined", async () => {
    const result = await scanFixture("docs/file-overview");
    expect(categoryOf(result, "docs").metrics).toMatchObject({ largeModules: 5, largeModulesWithOverview: 2 });
  });

  // file-overview-data: country-codes.ts (350 lines) is a union of 349 string literals, currencies.ts (323 lines) an
  // `as const` array of literal pairs, scheduler.ts (321 lines, 307 non-blank) a 152-line array beside 14 functions;
  // none has a file-level comment.
  it("does not ask a module of literal data for an overview, nor count it as a large module", async () => {
    const result = await scanFixture("docs/file-overview-data");
    expect(locationsOf(result, RULE)).toEqual(["src/scheduler.ts:1:1"]);
    expect(categoryOf(result, "docs").metrics).toMatchObject({ largeModules: 1, largeModulesWithOverview: 0 });
  });

  // file-overview-types: headers.ts (315 lines) declares two header tables, a type alias and an interface, and
  // nothing else; header-parse.ts (310 lines) declares the same shapes and a function. Neither has a comment.
  it("does not ask a module of type declarations only for an overview, and asks one with a function beside them", async () => {
    const result = await scanFixture("docs/file-overview-types");
    expect(locationsOf(result, RULE)).toEqual(["src/header-parse.ts:1:1"]);
    expect(categoryOf(result, "docs").metrics).toMatchObject({ largeModules: 1, largeModulesWithOverview: 0 });
  });
});
