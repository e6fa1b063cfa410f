import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "duplication/test-clone";
/** The fixtures' test clones are 9 lines: listed only below the default minimum of 20. */
const LIST_SHORT = { rules: { [RULE]: { options: { minLines: 5 } } } };

describe(RULE, () => {
  // The two tests share lines 3-11: the ledger setup after their differing function names.
  it("reports a clone between two test files, as info, with a helper beside the tests", async () => {
    const result = await scanFixture("duplication/clone", LIST_SHORT);
    expect(locationsOf(result, RULE)).toEqual(["test/discounts.test.ts:3:1"]);
    const [finding] = findingsOf(result, RULE);
    expect(finding?.severity).toBe("info");
    expect(finding?.fix).toBe(
      "Move the setup or assertions shared by test/discounts.test.ts:3-11 and test/taxes.test.ts:3-11 into a test helper in a new module under test/, and call it from both tests.",
    );
  });

  // The two tests declare the same type alias (lines 2-8); the `export function` after it, before their names
  // differ, is trimmed off.
  it("suggests one shared type for a clone of type declarations between tests", async () => {
    const result = await scanFixture("duplication/type-clone", LIST_SHORT);
    expect(locationsOf(result, RULE)).toEqual(["test/order-routes.test.ts:2:1"]);
    const [finding] = findingsOf(result, RULE);
    expect(finding?.message).toBe(
      "7 lines of type declarations duplicated between tests: test/order-routes.test.ts:2-8 and test/user-routes.test.ts:2-8",
    );
    expect(finding?.fix).toBe(
      "Move the type shared by test/order-routes.test.ts:2-8 and test/user-routes.test.ts:2-8 into one exported type alias in a test helper in a new module under test/, and reference it from both tests.",
    );
  });

  it("weighs a quarter of source duplication in the category", async () => {
    const checks = categoryOf(await scanFixture("duplication/clone"), "duplication").checks;
    expect(checks.map((check) => [check.ruleId, check.weight])).toEqual([
      ["duplication/clone", 4],
      ["duplication/test-clone", 1],
    ]);
    // Test lines 12 + 12 = 24; 2 × 9 duplicated (75%), ×1.5 penalty = 27: the check fails entirely.
    expect(checks[1]).toMatchObject({ examined: 24, failed: 24, score: 0 });
  });

  // test-clone-share: two 30-line tests share lines 3-11, so 18 of 60 test lines (30%) are duplicated, near the
  // median of real suites (28%). At ×1.5 that fails 27 lines: 55, where the source penalty (×4) would give 0.
  it("charges duplicated test lines one and a half times, so a typical suite does not score 0", async () => {
    const duplication = categoryOf(await scanFixture("duplication/test-clone-share"), "duplication");
    expect(duplication.checks.map((check) => [check.ruleId, check.examined, check.failed, check.score])).toEqual([
      ["duplication/clone", 9, 0, 100],
      ["duplication/test-clone", 60, 27, 55],
    ]);
    // (4 × 100 + 1 × 55) / 5
    expect(duplication.score).toBe(91);
    expect(duplication.metrics).toMatchObject({ testClones: 1, testDuplicatedLines: 18 });
  });

  // The same fixture with the default minimum (20 lines): the 9-line clone is no finding, and costs the same.
  it("lists only clones of at least minLines lines, and still charges the shorter ones", async () => {
    const defaults = await scanFixture("duplication/test-clone-share");
    expect(findingsOf(defaults, RULE)).toEqual([]);
    const listed = await scanFixture("duplication/test-clone-share", LIST_SHORT);
    expect(locationsOf(listed, RULE)).toEqual(["test/discounts.test.ts:3:1"]);
    for (const result of [defaults, listed]) {
      const check = categoryOf(result, "duplication").checks.find((candidate) => candidate.ruleId === RULE);
      expect(check).toMatchObject({ examined: 60, failed: 27, score: 55 });
    }
  });
});
