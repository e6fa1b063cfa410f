import { describe, expect, it } from "vitest";
import { findingsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "interfaces/max-function-lines";

// max-function-lines-closures: store.ts's createStore spans lines 2-96 (95 lines), 74 of them the two functions
// declared inside it (save, 5-46, 42 lines; load, 47-78, 32 lines), which read and write its `value` and `saved`;
// tally.ts's tally spans 2-91 (90 lines) of straight-line code.
describe(`${RULE}: functions made of closures`, () => {
  it("tells a function that is mostly its inner functions to gather their shared state first", async () => {
    const findings = findingsOf(await scanFixture("interfaces/max-function-lines-closures"), RULE);
    expect(
      findings.map((finding) => [`${finding.file}:${finding.line}:${finding.column}`, finding.message, finding.fix]),
    ).toEqual([
      [
        "src/store.ts:2:17",
        "Function 'createStore' spans 95 lines (at most 80)",
        "Most of 'createStore' is the named functions declared inside it ('save', 42 lines; 'load', 32 lines), closures over its local variables: to shorten it, gather the state they share into one object they take as an argument, then move them out beside it.",
      ],
      [
        "src/tally.ts:2:17",
        "Function 'tally' spans 90 lines (at most 80)",
        "Extract the steps of 'tally' into named helper functions, each with one job, until it fits in 80 lines.",
      ],
    ]);
  });
});
