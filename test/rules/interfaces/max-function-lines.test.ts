import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "interfaces/max-function-lines";

describe(RULE, () => {
  // registerHandlers spans 86 lines, 82 of them its callback's: the callback is reported, and the function around
  // it, 4 lines beyond that, would only repeat it.
  it("flags functions over 80 lines, including an anonymous callback, and not the function whose length is that callback", async () => {
    const result = await scanFixture("interfaces/max-function-lines");
    expect(locationsOf(result, RULE)).toEqual(["src/long-callback.ts:3:17", "src/long-function.ts:1:17"]);
    expect(findingsOf(result, RULE).map((finding) => finding.message)).toEqual([
      "Function '(anonymous)' has 82 lines of code (at most 80)",
      "Function 'summariseLedger' has 83 lines of code (at most 80)",
    ]);
  });

  it("scores by lines of function code, counting nested functions once", async () => {
    const result = await scanFixture("interfaces/max-function-lines");
    const check = categoryOf(result, "interfaces").checks.find((candidate) => candidate.ruleId === RULE);
    // Own lines: at-limit 80, long-function 83, callback 82, registerHandlers 86 - 82 = 4.
    // Failed: 83 + 82 = 165 of 249 (registerHandlers is not reported) → 100 × 84 / 249 = 33.73.
    expect(check).toMatchObject({ examined: 249, failed: 165, score: 33.7 });
  });
});

// max-function-lines-code: hydrate spans lines 2-114 (113 lines), 39 of them comments in 13 groups of three and
// one blank, so 73 lines of code; migrate spans 2-87, 86 lines, all code.
describe("interfaces/max-function-lines: lines of code", () => {
  it("measures lines of code by default: comments and blank lines do not push a function over", async () => {
    const findings = findingsOf(await scanFixture("interfaces/max-function-lines-code"), RULE);
    expect(findings.map((finding) => [`${finding.file}:${finding.line}`, finding.message])).toEqual([
      ["src/migrate.ts:2", "Function 'migrate' has 86 lines of code (at most 80)"],
    ]);
  });

  it("measures every line with `count: all`", async () => {
    const result = await scanFixture("interfaces/max-function-lines-code", {
      rules: { [RULE]: { options: { count: "all" } } },
    });
    expect(findingsOf(result, RULE).map((finding) => finding.message)).toEqual([
      "Function 'hydrate' has 113 lines (at most 80)",
      "Function 'migrate' has 86 lines (at most 80)",
    ]);
  });
});

// max-function-lines-factory: createMapStore spans lines 2-106 (105 lines of code), 99 of them the seven methods of
// the object it returns (six of 16 lines, size of 3): a class in all but name, measured by its methods; writeLog
// spans 2-95, 94 lines of straight code. createSetStore spans 2-120, 119 lines of code: 30 the three methods of the
// object it returns (10 each), 84 four free helpers of 21 lines, 5 its own (header, a const, `return {`, `};`, `}`),
// so 89 besides the methods, and most of those the helpers.
describe("interfaces/max-function-lines: a factory of an object of methods", () => {
  it("measures a factory by its own code, not the methods of the object it returns", async () => {
    const findings = findingsOf(await scanFixture("interfaces/max-function-lines-factory"), RULE);
    expect(findings.map((finding) => `${finding.file}:${finding.line} ${finding.message}`)).toEqual([
      "src/set-store.ts:2 Function 'createSetStore' has 119 lines of code (at most 80); 89 besides the 3 members of the objects it builds, measured on their own",
      "src/write-log.ts:2 Function 'writeLog' has 94 lines of code (at most 80)",
    ]);
    expect(findings[0]?.fix).toBe(
      "Most of the rest is the named functions declared inside it ('helperA', 21 lines; 'helperB', 21 lines; 'helperC', 21 lines), which use none of its parameters or state (at most other functions declared in it that use none either): move them out beside it as they are, with any such function they call.",
    );
    expect(findings[1]?.fix).toBe(
      "Extract the steps of 'writeLog' into named helper functions, each with one job, until it fits in 80 lines.",
    );
  });
});
