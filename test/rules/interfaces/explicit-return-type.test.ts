import { describe, expect, it } from "vitest";
import { findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "interfaces/explicit-return-type";

describe(RULE, () => {
  it("flags exported functions, arrow constants and public methods without a return type", async () => {
    const result = await scanFixture("interfaces/explicit-return-type");
    expect(locationsOf(result, RULE)).toEqual([
      "src/jsdoc-returns.js:9:17",
      "src/untyped-returns.ts:1:17",
      "src/untyped-returns.ts:5:14",
      "src/untyped-returns.ts:8:3",
    ]);
  });

  it("names the symbol and gives a fix that fits the language", async () => {
    const result = await scanFixture("interfaces/explicit-return-type");
    const [jsFinding, tsFinding] = findingsOf(result, RULE);
    expect(jsFinding?.message).toBe("Exported function 'rawOrder' has no declared return type");
    expect(jsFinding?.fix).toContain("@returns {Type}");
    expect(tsFinding?.message).toBe("Exported function 'parseOrderId' has no declared return type");
    expect(tsFinding?.fix).toContain("Declare the return type of 'parseOrderId' on its signature");
  });

  it("accepts annotations, contextual types, overload signatures and JSDoc @returns (typed-returns.ts, labelOrder)", async () => {
    const result = await scanFixture("interfaces/explicit-return-type");
    const flagged = findingsOf(result, RULE).map((finding) => finding.file);
    expect(flagged).not.toContain("src/typed-returns.ts");
    expect(result.categories.find((category) => category.id === "interfaces")?.metrics).toMatchObject({
      // untyped: parseOrderId, formatOrderId, OrderBook.add, rawOrder; typed: parseOrderId, formatOrderId,
      // formatWithContext, widen, OrderBook.add, labelOrder.
      exportedFunctions: 10,
      explicitReturnType: 6,
    });
  });

  // assertion-typed/src/store.ts: `(…) as Factory` (line 9) and `<Factory>(…)` (line 12) type the function from the
  // asserted type; `as any` (line 15) and `as unknown as Factory` (line 18) do not: tsc --strict reports an implicit
  // `any` parameter in exactly those two.
  it("accepts a function typed by an assertion, and not one cast through any or unknown", async () => {
    const result = await scanFixture("interfaces/assertion-typed");
    expect(locationsOf(result, RULE)).toEqual(["src/store.ts:15:14", "src/store.ts:18:14"]);
  });

  it("treats destructured exports as variables, like `export const x = y.z`: nothing to annotate", async () => {
    const result = await scanFixture("docs/destructured-exports");
    expect(locationsOf(result, RULE)).toEqual([]);
    // Only createStoreScope is a function by its syntax; useValue and the other bound names are not examined.
    expect(result.categories.find((category) => category.id === "interfaces")?.metrics).toMatchObject({
      exportedFunctions: 1,
      explicitReturnType: 1,
    });
  });

  // return-assertion/src/snapshot.ts: ref (2) returns `value as T & {…}` and freeze (7) is an arrow whose body is
  // `… as Readonly<T>`: their types are written where the value leaves. readEntry (10) also returns a bare
  // `undefined`, modes (16) only asserts `as const`, and in handler (21) the assertion is the inner arrow's.
  it("takes a type asserted by every return for declared, and not `as const`, one bare return or a nested function's", async () => {
    const result = await scanFixture("interfaces/return-assertion");
    expect(locationsOf(result, RULE)).toEqual([
      "src/snapshot.ts:10:17",
      "src/snapshot.ts:16:17",
      "src/snapshot.ts:21:17",
    ]);
  });
});
