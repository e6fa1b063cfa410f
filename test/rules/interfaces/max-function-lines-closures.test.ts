import { describe, expect, it } from "vitest";
import { findingsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "interfaces/max-function-lines";

// max-function-lines-closures: store.ts's createStore spans lines 2-96 (95 lines), 74 of them the two functions
// declared inside it (save, 5-46, 42 lines; load, 47-78, 32 lines), which read and write its `value` and `saved`;
// tally.ts's tally spans 2-91 (90 lines) of straight-line code. set-math.ts's setMath spans 2-83 (82 lines), 78 of them
// union (3-44, 42 lines) and intersection (45-80, 36 lines), which read only their own parameters; set-ops.ts's setOps
// spans 2-82 (81 lines): union (40 lines) and intersection (30) as pure, and add (74-80, 7 lines), which writes `items`.
describe(`${RULE}: functions made of closures`, () => {
  it("tells a function that is mostly its inner functions that its closures are its parts, and to move the others as they are", async () => {
    const findings = findingsOf(await scanFixture("interfaces/max-function-lines-closures"), RULE);
    expect(
      findings.map((finding) => [`${finding.file}:${finding.line}:${finding.column}`, finding.message, finding.fix]),
    ).toEqual([
      [
        "src/set-math.ts:2:17",
        "Function 'setMath' has 82 lines of code (at most 80)",
        "Most of 'setMath' is the named functions declared inside it ('union', 42 lines; 'intersection', 36 lines), which use none of its parameters or state (at most other functions declared in it that use none either): move them out beside it as they are, with any such function they call.",
      ],
      [
        "src/set-ops.ts:2:17",
        "Function 'setOps' has 81 lines of code (at most 80)",
        "Most of 'setOps' is the named functions declared inside it ('add', 7 lines), closures over its local state: they are its parts already, and moving them out would thread that state through every call; shorten the longest of them where one holds a step of its own; the others ('union', 40 lines; 'intersection', 30 lines) use none of its state and move out as they are, with any function of it they call.",
      ],
      [
        "src/store.ts:2:17",
        "Function 'createStore' has 95 lines of code (at most 80)",
        "Most of 'createStore' is the named functions declared inside it ('save', 42 lines; 'load', 32 lines), closures over its local state: they are its parts already, and moving them out would thread that state through every call; shorten the longest of them where one holds a step of its own.",
      ],
      [
        "src/tally.ts:2:17",
        "Function 'tally' has 90 lines of code (at most 80)",
        "Extract the steps of 'tally' into named helper functions, each with one job, until it fits in 80 lines.",
      ],
    ]);
  });
});
