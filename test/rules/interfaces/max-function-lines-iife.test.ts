import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "interfaces/max-function-lines";

// max-function-lines-iife: lazy-address.ts wraps a class in an IIFE (lines 2-103) whose members are the constructor
// (5-7), `get scheme` (9-11), `describe` (13-96, 84 lines) and `toString` (98-100); build-report.ts holds a plain
// 90-line function (2-91).
describe(`${RULE}: immediately invoked function expressions`, () => {
  it("does not measure the IIFE, and measures the class members inside it and the plain function", async () => {
    const findings = findingsOf(await scanFixture("interfaces/max-function-lines-iife"), RULE);
    expect(findings.map((finding) => [`${finding.file}:${finding.line}:${finding.column}`, finding.message])).toEqual([
      ["src/build-report.ts:2:17", "Function 'buildReport' has 90 lines of code (at most 80)"],
      ["src/lazy-address.ts:13:5", "Function 'LazyAddress.describe' has 84 lines of code (at most 80)"],
    ]);
  });

  it("leaves the IIFE's own lines out of the function code", async () => {
    const result = await scanFixture("interfaces/max-function-lines-iife");
    const check = categoryOf(result, "interfaces").checks.find((candidate) => candidate.ruleId === RULE);
    // Members 3 + 3 + 84 + 3 and buildReport 90 = 183; failed 84 + 90 = 174 → 100 × 9 / 183 = 4.9.
    expect(check).toMatchObject({ examined: 183, failed: 174, score: 4.9 });
  });

  it("measures the IIFE as a function of its own with iifes, its length beyond describe's within the limit", async () => {
    const result = await scanFixture("interfaces/max-function-lines-iife", {
      rules: { [RULE]: { options: { iifes: true } } },
    });
    // The IIFE spans 102 lines, 84 of them `describe`, which is reported: 18 beyond it, so the IIFE is not.
    expect(findingsOf(result, RULE).map((finding) => `${finding.file}:${finding.line}:${finding.column}`)).toEqual([
      "src/build-report.ts:2:17",
      "src/lazy-address.ts:13:5",
    ]);
    // The IIFE's own lines, 102 - 93 in members = 9, now examined: 174 failed of 192 → 100 × 18 / 192 = 9.4.
    const check = categoryOf(result, "interfaces").checks.find((candidate) => candidate.ruleId === RULE);
    expect(check).toMatchObject({ examined: 192, failed: 174, score: 9.4 });
  });
});
