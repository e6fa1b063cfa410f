import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "core/parse-error";

describe(RULE, () => {
  it("reports the first syntax error with its position, as an error", async () => {
    const result = await scanFixture("core/parse-error");
    expect(locationsOf(result, RULE)).toEqual(["src/broken-syntax.ts:1:39"]);
    const [finding] = findingsOf(result, RULE);
    expect(finding?.severity).toBe("error");
    expect(finding?.message).toBe("This file does not parse: ',' expected.");
  });

  it("goes on analysing the other files", async () => {
    const result = await scanFixture("core/parse-error");
    // validTotal in valid-neighbour.ts is the only analysed export: brokenTotal is not counted.
    expect(categoryOf(result, "docs").metrics.exportedSymbols).toBe(1);
    expect(locationsOf(result, "docs/exported-symbol-doc")).toEqual(["src/valid-neighbour.ts:1:17"]);
    expect(result.files.parsed).toBe(2);
  });
});

describe(`${RULE}, test inputs`, () => {
  // fixtures/core/parse-error-test-inputs: five deliberately invalid files, each a test's input (under
  // src/__tests__/fixtures/, test/fixtures/, transforms/__testfixtures__/, and a codemod input beside its output in
  // src/codemods/), and one broken product file, src/broken-syntax.ts.
  it("reports the broken product file and none of the test inputs", async () => {
    const result = await scanFixture("core/parse-error-test-inputs");
    expect(locationsOf(result, RULE)).toEqual(["src/broken-syntax.ts:1:39"]);
    const scopes = Object.fromEntries(
      result.files.scopes.flatMap((scope) => scope.files.map((file) => [file, `${scope.kind}: ${scope.why}`])),
    );
    expect(scopes).toMatchObject({
      "src/__tests__/fixtures/invalid-expression.ts": "fixture: under fixtures/",
      "test/fixtures/truncated-module.js": "fixture: under fixtures/",
      "transforms/__testfixtures__/rename-import.input.ts": "fixture: under __testfixtures__/",
      "transforms/__testfixtures__/rename-import.output.ts": "fixture: under __testfixtures__/",
      "src/codemods/sort-keys.input.ts":
        "fixture: a codemod test's input and output (sort-keys.input.ts, sort-keys.output.ts)",
      "src/codemods/sort-keys.output.ts":
        "fixture: a codemod test's input and output (sort-keys.input.ts, sort-keys.output.ts)",
    });
    // Parsed: the broken product file, the transform and the two tests.
    expect(result.files.parsed).toBe(4);
  });
});
