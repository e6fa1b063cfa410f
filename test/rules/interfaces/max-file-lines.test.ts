import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "interfaces/max-file-lines";

describe(RULE, () => {
  it("flags a 501-line file and accepts one of exactly 500", async () => {
    const result = await scanFixture("interfaces/max-file-lines");
    expect(locationsOf(result, RULE)).toEqual(["src/long-module.ts:1:1"]);
    expect(findingsOf(result, RULE)[0]?.message).toBe("This file has 501 lines (at most 500)");
  });

  it("scores the share of source lines in long files", async () => {
    const result = await scanFixture("interfaces/max-file-lines");
    const check = categoryOf(result, "interfaces").checks.find((candidate) => candidate.ruleId === RULE);
    // 501 of 1001 lines are in the long file: 100 × 500 / 1001 = 49.95.
    expect(check).toMatchObject({ examined: 1001, failed: 501, score: 50 });
  });

  // max-file-lines-one-export/src/use-list.ts: 512 lines, one export (useList) built from append (lines 5-206),
  // prepend (208-359), insert (361-462) and swap (464-505). Splitting "by exports" does not apply.
  it("tells a file with one export to move out the largest functions it is built from", async () => {
    const result = await scanFixture("interfaces/max-file-lines-one-export");
    const [finding] = findingsOf(result, RULE);
    expect(finding?.message).toBe("This file has 512 lines (at most 500)");
    expect(finding?.fix).toBe(
      "The file has one export, 'useList', so it does not split by exports: move the largest parts it is built from into modules of their own beside it and import them ('append', lines 5-206; 'prepend', lines 208-359; 'insert', lines 361-462).",
    );
  });
});
