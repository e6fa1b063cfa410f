import { describe, expect, it } from "vitest";
import { findingsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "interfaces/max-function-lines";

// max-function-lines-curried: counter.ts's `makeCounter = (config) => (step) => { … }` spans lines 2-91, and so does
// the arrow it returns (from column 48): one body, on the same lines, nested by declaration.
describe(`${RULE}: a curried function`, () => {
  it("reports the function that holds the body, not the one that returns it on the same lines", async () => {
    const findings = findingsOf(await scanFixture("interfaces/max-function-lines-curried"), RULE);
    expect(findings.map((finding) => [`${finding.file}:${finding.line}:${finding.column}`, finding.message])).toEqual([
      ["src/counter.ts:2:48", "Function '(anonymous)' has 90 lines of code (at most 80)"],
    ]);
  });
});
