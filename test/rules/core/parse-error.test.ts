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
