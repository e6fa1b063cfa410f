import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "docs/exported-symbol-doc";
/** Every declaration examined, one-liners too (the fixture's type Amount and default export are one line each). */
const ALL = { rules: { [RULE]: { options: { minLines: 1 } } } };

describe(RULE, () => {
  it("flags undocumented exports: line, plain-block and empty comments do not count", async () => {
    const result = await scanFixture("docs/exported-symbol-doc", ALL);
    expect(locationsOf(result, RULE)).toEqual([
      "src/partly-documented.ts:8:17",
      "src/partly-documented.ts:13:14",
      "src/partly-documented.ts:16:13",
      "src/partly-documented.ts:25:3",
      "src/partly-documented.ts:33:10",
      "src/partly-documented.ts:47:1",
    ]);
    expect(findingsOf(result, RULE).map((finding) => finding.message)).toEqual([
      "Exported function 'subtractAmounts' has no doc comment",
      "Exported variable 'ZERO' has no doc comment",
      "Exported type 'Amount' has no doc comment",
      "Exported method 'Ledger.total' has no doc comment",
      "Exported function 'roundAmount' has no doc comment",
      "Exported default function has no doc comment",
    ]);
  });

  it("counts 14 exported symbols, 8 documented: a blank line may separate a doc comment, @internal members are not API, re-exports are not new symbols", async () => {
    const result = await scanFixture("docs/exported-symbol-doc", ALL);
    expect(categoryOf(result, "docs").metrics).toMatchObject({ exportedSymbols: 14, documentedSymbols: 8 });
    expect(findingsOf(result, RULE).some((finding) => finding.file === "src/index.ts")).toBe(false);
  });

  // By default a function or type alias declared in one line is not examined (partly-documented.ts:16
  // `export type Amount = number;` and :47 `export default (value: number): string => value.toFixed(2);`; and
  // fully-documented.ts:2 `export type Currency = string;`), nor a function or method whose body is one statement
  // on one line (formatAmount, addAmounts, subtractAmounts, Ledger.record, Ledger.total, roundAmount,
  // multiplyAmounts); a one-line constant still is (:13 ZERO). Examined: Supported, FormatOptions, ZERO, Ledger.
  it("does not ask for a doc comment on a one-line function or type alias, and still on a one-line constant", async () => {
    const result = await scanFixture("docs/exported-symbol-doc");
    expect(locationsOf(result, RULE)).toEqual(["src/partly-documented.ts:13:14"]);
    expect(categoryOf(result, "docs").metrics).toMatchObject({ exportedSymbols: 4, documentedSymbols: 3 });
  });

  // one-statement/src/router.ts: Router.get (:11) and mount (:21) have a body of one statement on one line, and
  // unmount (:25) an arrow whose expression is one line; Router.post (:15) has two statements and reset (:28) one
  // statement over four lines. Router and Router.on are documented.
  it("does not ask for a doc comment on a function or method whose body is one statement on one line", async () => {
    const result = await scanFixture("docs/one-statement");
    expect(locationsOf(result, RULE)).toEqual(["src/router.ts:15:3", "src/router.ts:28:17"]);
    expect(categoryOf(result, "docs").metrics).toMatchObject({ exportedSymbols: 4, documentedSymbols: 2 });
    const all = await scanFixture("docs/one-statement", ALL);
    expect(locationsOf(all, RULE)).toEqual([
      "src/router.ts:11:3",
      "src/router.ts:15:3",
      "src/router.ts:21:17",
      "src/router.ts:25:14",
      "src/router.ts:28:17",
    ]);
  });

  it("reads the nearest doc comment through the directives and line comments after it, not a file header", async () => {
    const result = await scanFixture("docs/doc-before-line-comments", ALL);
    expect(locationsOf(result, RULE)).toEqual([
      "src/file-header.ts:6:17",
      "src/licence-banner.ts:5:17",
      "src/line-comments-only.ts:2:17",
      "src/line-comments-only.ts:8:14",
      "src/line-comments-only.ts:13:17",
    ]);
    // directives-after-doc.ts: ParserOptions, parsePrice, priceFormatter, UNKNOWN_PRICE, Basket, Basket.add,
    // roundToTen; first-statement-doc.ts: centsToText.
    expect(categoryOf(result, "docs").metrics).toMatchObject({ exportedSymbols: 13, documentedSymbols: 8 });
  });

  it("counts each name a destructuring export binds, documented by the statement's comment", async () => {
    const result = await scanFixture("docs/destructured-exports");
    expect(locationsOf(result, RULE)).toEqual([
      "src/store-hooks.ts:8:15",
      "src/store-hooks.ts:8:32",
      "src/store-hooks.ts:8:58",
      "src/store-hooks.ts:19:9",
    ]);
    expect(findingsOf(result, RULE).map((finding) => finding.message)).toEqual([
      "Exported variable 'primaryColour' has no doc comment",
      "Exported variable 'accentColour' has no doc comment",
      "Exported variable 'otherColours' has no doc comment",
      "Exported variable 'fontScale' has no doc comment",
    ]);
    // store-hooks.ts: useValue, useSetValue, useScopeStore, gutter, narrow, wide, restOfTheme documented;
    // store-scope.ts: StoreScope, createStoreScope, useSharedValue.
    expect(categoryOf(result, "docs").metrics).toMatchObject({ exportedSymbols: 14, documentedSymbols: 10 });
  });

  it("checks only the configured kinds", async () => {
    const result = await scanFixture("docs/exported-symbol-doc", {
      rules: { [RULE]: { options: { kinds: ["method"], minLines: 1 } } },
    });
    expect(locationsOf(result, RULE)).toEqual(["src/partly-documented.ts:25:3"]);
  });
});

// fixtures/docs/public-api: @acme/orders names its entries (`.` and `./server`, in dist/, built from
// src/index.ts and src/server.ts); src/index.ts re-exports all of orders.ts, the default of format.ts and
// only `Currency` of money.ts. Its `Rate` and internal/round.ts are reached by no entry. apps/shop has no
// entries, so all its exports are examined.
describe(`${RULE}: the public API`, () => {
  const PUBLIC = [
    "apps/shop/src/cart.ts:3:17",
    "packages/orders/src/format.ts:1:25",
    "packages/orders/src/money.ts:1:13",
    "packages/orders/src/orders.ts:3:18",
    "packages/orders/src/orders.ts:8:17",
    "packages/orders/src/server.ts:3:17",
  ];

  it("examines in a package with entries only what they export, through re-exports; all of an app", async () => {
    const result = await scanFixture("docs/public-api");
    expect(locationsOf(result, RULE)).toEqual(PUBLIC);
    expect(categoryOf(result, "docs").metrics).toMatchObject({ exportedSymbols: 6, documentedSymbols: 0 });
  });

  it("examines every export with `api: all`", async () => {
    const result = await scanFixture("docs/public-api", { rules: { [RULE]: { options: { api: "all" } } } });
    expect(locationsOf(result, RULE)).toEqual(
      [...PUBLIC, "packages/orders/src/money.ts:5:13", "packages/orders/src/internal/round.ts:1:17"].sort(),
    );
    expect(categoryOf(result, "docs").metrics).toMatchObject({ exportedSymbols: 8, documentedSymbols: 0 });
  });
});

// fixtures/docs/internal-names/src/store.ts: INTERNAL_StoreState (line 1), _resetStore (6), Listener exported as
// INTERNAL_Listener (22, 26), the class _Scheduler and its run (28, 29), and WriteQueue's _drain (41) name
// themselves internal; writeValue (12, shaped as _resetStore: five parameters, one `any`, no return type, no doc)
// and unstable_batch (18, public though unstable) do not. WriteQueue and its push are documented.
describe(`${RULE}: names that say internal`, () => {
  it("leaves out a leading underscore and an INTERNAL_ prefix, in every rule that reads exports", async () => {
    // Every size examined (unstable_batch's body is one statement). unstable_batch (18) is API, whose signature is
    // examined, but the doc rule leaves out what says it may change without notice.
    const result = await scanFixture("docs/internal-names", ALL);
    expect(locationsOf(result, RULE)).toEqual(["src/store.ts:12:17"]);
    expect(locationsOf(result, "interfaces/explicit-return-type")).toEqual(["src/store.ts:12:17"]);
    expect(locationsOf(result, "interfaces/no-any-in-signature")).toEqual(["src/store.ts:12:35"]);
    expect(locationsOf(result, "interfaces/max-params")).toEqual(["src/store.ts:12:17"]);
    // writeValue, WriteQueue, WriteQueue.push.
    expect(categoryOf(result, "docs").metrics).toMatchObject({ exportedSymbols: 3, documentedSymbols: 2 });
    expect(categoryOf(result, "interfaces").metrics).toMatchObject({ exportedFunctions: 3 });
  });

  // fixtures/docs/documented-members/src/options.ts: PersistOptions (1) and the object type StorageValue (14) have a
  // doc comment on every member; StateStorage (8) has one of two; Empty (21) has no member.
  it("takes an interface or object type whose every member has a doc comment for documented", async () => {
    const result = await scanFixture("docs/documented-members");
    expect(locationsOf(result, RULE)).toEqual(["src/options.ts:8:18", "src/options.ts:21:18"]);
    expect(categoryOf(result, "docs").metrics).toMatchObject({ exportedSymbols: 4, documentedSymbols: 2 });
  });
});
