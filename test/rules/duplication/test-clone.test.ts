import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/engine/index.js";
import { categoryOf, copyFixture, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

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
    expect(finding?.message).toBe(
      "test/discounts.test.ts and test/taxes.test.ts repeat each other in 1 block (18 lines); the largest: test/discounts.test.ts:3-11 and test/taxes.test.ts:3-11",
    );
    expect(finding?.fix).toBe(
      "Parametrize the repeated tests (`it.each` / `describe.each`) or move the shared setup into a test helper in a new module under test/, and call it from both files.",
    );
  });

  // The two tests declare the same type alias (lines 2-8); the `export function` after it, before their names
  // differ, is trimmed off.
  it("suggests one shared type for a clone of type declarations between tests", async () => {
    const result = await scanFixture("duplication/type-clone", LIST_SHORT);
    expect(locationsOf(result, RULE)).toEqual(["test/order-routes.test.ts:2:1"]);
    const [finding] = findingsOf(result, RULE);
    expect(finding?.message).toBe(
      "test/order-routes.test.ts and test/user-routes.test.ts repeat the same type declarations in 1 block (14 lines); the largest: test/order-routes.test.ts:2-8 and test/user-routes.test.ts:2-8",
    );
    expect(finding?.fix).toBe(
      "Move the repeated types into exported type aliases in a test helper in a new module under test/, and reference them from both files.",
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

// test-clone-groups, clones by construction (ranges the same in both files of a pair):
// - cart.test.ts and checkout.test.ts: the same three tests, their titles apart: 5-26 (22 lines), 28-35 (8) and
//   37-43 (7); 37 lines in each file.
// - orders.test.ts: one 22-line test three times, the title and `const payment = "…"` apart: the rest, 6-26,
//   29-49 and 52-72, two clones of the first copy (a third copy pairs with the first); 63 lines.
// - api-shapes.test.ts and cli-shapes.test.ts: the same type alias, 4-24 (21 lines), then different tests.
// - invoice.test.ts and receipt.test.ts: one 8-line block, 4-11, under minLines: charged, not listed.
// - rounding.test.ts: a table of distinct values, repeated nowhere.
// Test lines: 39 + 44 + 51 + 31 + 12 + 73 + 12 + 169 = 431; duplicated 74 + 63 + 42 + 16 = 195.
describe(`${RULE} by pair of files`, () => {
  it("reports each pair of test files once, with its blocks, its lines and its largest block", async () => {
    const result = await scanFixture("duplication/test-clone-groups");
    expect(locationsOf(result, RULE)).toEqual([
      "test/api-shapes.test.ts:4:1",
      "test/cart.test.ts:5:1",
      "test/orders.test.ts:6:1",
    ]);
    const cart = findingsOf(result, RULE)[1];
    expect(cart?.message).toBe(
      "test/cart.test.ts and test/checkout.test.ts repeat each other in 3 blocks (74 lines); the largest: test/cart.test.ts:5-26 and test/checkout.test.ts:5-26",
    );
    expect([cart?.line, cart?.endLine]).toEqual([5, 26]);
    expect(cart?.related).toEqual([
      { file: "test/checkout.test.ts", line: 5, column: 1, endLine: 26, message: "the same 22 lines again" },
    ]);
  });

  it("tells a file that repeats itself, counting each line of it once", async () => {
    const orders = findingsOf(await scanFixture("duplication/test-clone-groups"), RULE)[2];
    expect(orders?.message).toBe(
      "test/orders.test.ts repeats itself in 2 blocks (63 lines); the largest: test/orders.test.ts:6-26 and test/orders.test.ts:29-49",
    );
    expect(orders?.fix).toBe(
      "Parametrize the repeated tests (`it.each` / `describe.each`) or move the shared setup into a helper in test/orders.test.ts itself (all copies are in it), and call it from each test.",
    );
  });

  it("tells a pair that repeats only type declarations to share the types", async () => {
    const shapes = findingsOf(await scanFixture("duplication/test-clone-groups"), RULE)[0];
    expect(shapes?.message).toBe(
      "test/api-shapes.test.ts and test/cli-shapes.test.ts repeat the same type declarations in 1 block (42 lines); the largest: test/api-shapes.test.ts:4-24 and test/cli-shapes.test.ts:4-24",
    );
  });

  it("scores the same whether pairs are listed or not: the score comes from the duplicated lines", async () => {
    const listed = await scanFixture("duplication/test-clone-groups");
    const unlisted = await scanFixture("duplication/test-clone-groups", {
      rules: { [RULE]: { options: { minLines: 1000 } } },
    });
    expect(findingsOf(unlisted, RULE)).toEqual([]);
    for (const result of [listed, unlisted]) {
      const check = categoryOf(result, "duplication").checks.find((candidate) => candidate.ruleId === RULE);
      // 1.5 × 195 duplicated test lines of 431.
      expect(check).toMatchObject({ examined: 431, failed: 292.5, score: 32.1 });
    }
    expect(categoryOf(unlisted, "duplication").score).toBe(categoryOf(listed, "duplication").score);
  });

  it("gains what removing the pair's clones raises the score by", async () => {
    const dir = await copyFixture("duplication/test-clone-groups");
    const before = await analyze({ root: dir });
    const cart = findingsOf(before, RULE).find((finding) => finding.file === "test/cart.test.ts");
    // Each line of checkout.test.ts's copies names the cart: renamed, no block matches, and no line is added.
    const checkout = join(dir, "test/checkout.test.ts");
    await writeFile(checkout, (await readFile(checkout, "utf8")).replace(/\bcart\b/g, "basket"));
    const after = await analyze({ root: dir });
    expect(findingsOf(after, RULE).map((finding) => finding.file)).toEqual([
      "test/api-shapes.test.ts",
      "test/orders.test.ts",
    ]);
    const check = categoryOf(after, "duplication").checks.find((candidate) => candidate.ruleId === RULE);
    // 1.5 × (195 − 74) = 181.5: the pair's 74 lines at 1.5 are what the check no longer fails.
    expect(check).toMatchObject({ examined: 431, failed: 181.5 });
    // 100 × 111 / 431 of the check, × 1/5 of duplication, × 10/90 of the overall score.
    expect(cart?.gain).toBe(0.57);
    // Both scores are rounded to one decimal, so the rise matches the gain to within two roundings.
    expect(Math.abs((after.score ?? 0) - (before.score ?? 0) - (cart?.gain ?? 0))).toBeLessThanOrEqual(0.1);
  });
});

describe(`${RULE}: type tests`, () => {
  // fixtures/duplication/test-clone-type-tests: test/store-types.test.ts repeats 24 lines of expectTypeOf checks
  // (7-30 and 35-58) under two setups; test/store.test.ts repeats 24 lines of runtime expects (8-31 and 37-60).
  it("neither lists nor charges type assertions repeated under each setup, and still lists repeated runtime checks", async () => {
    const result = await scanFixture("duplication/test-clone-type-tests");
    expect(findingsOf(result, RULE).map((finding) => finding.message)).toEqual([
      "test/store.test.ts repeats itself in 1 block (54 lines); the largest: test/store.test.ts:6-32 and test/store.test.ts:35-61",
    ]);
    expect(categoryOf(result, "duplication").metrics).toMatchObject({ testClones: 1, testDuplicatedLines: 54 });
  });
});

// test-clone-helper: checkout and invoice tests both import test/helpers.ts and repeat one 26-line test (lines
// 4-29, the titles apart); refund and receipt repeat another and import no helper of their own.
describe("duplication/test-clone: where the shared setup goes", () => {
  it("names the test helper both files already import, else a new module beside them", async () => {
    const findings = findingsOf(await scanFixture("duplication/test-clone-helper"), RULE);
    expect(findings.map((finding) => [finding.file, finding.fix])).toEqual([
      [
        "test/checkout.test.ts",
        "Parametrize the repeated tests (`it.each` / `describe.each`) or move the shared setup into a test helper in test/helpers.ts (both files already import it), and call it from both files.",
      ],
      [
        "test/receipt.test.ts",
        "Parametrize the repeated tests (`it.each` / `describe.each`) or move the shared setup into a test helper in a new module under test/, and call it from both files.",
      ],
    ]);
  });
});
