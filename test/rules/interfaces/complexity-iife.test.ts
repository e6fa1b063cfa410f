import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "interfaces/complexity";

// complexity-iife: feature-flags.ts is a top-level IIFE (lines 2-40) with 15 `if`s of its own (16) around an arrow
// `isOn` (20-37) with 15 `if`s (16); resolve-port.ts holds `resolvePort` (2-24, 8 `if`s: 9) around an IIFE (3-14,
// a `for` and 7 `if`s: 9).
describe(`${RULE}: immediately invoked function expressions`, () => {
  it("names the functions inside an IIFE, and counts an IIFE's branches in the function around it", async () => {
    const findings = findingsOf(await scanFixture("interfaces/complexity-iife"), RULE);
    expect(findings.map((finding) => [`${finding.file}:${finding.line}:${finding.column}`, finding.message])).toEqual([
      ["src/feature-flags.ts:20:16", "Function 'isOn' has a cyclomatic complexity of 16 (at most 15)"],
      // 1 + 8 of its own + 8 of the IIFE's.
      ["src/resolve-port.ts:2:17", "Function 'resolvePort' has a cyclomatic complexity of 17 (at most 15)"],
    ]);
  });

  it("examines an IIFE's own lines in the function around it, and a top-level IIFE's in none", async () => {
    const result = await scanFixture("interfaces/complexity-iife");
    const check = categoryOf(result, "interfaces").checks.find((candidate) => candidate.ruleId === RULE);
    // isOn 18, resolvePort 23 (its 11 own and the IIFE's 12).
    expect(check).toMatchObject({ examined: 41, failed: 41 });
  });
});
