import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "interfaces/no-any-in-signature";

describe(RULE, () => {
  it("reports explicit any, any inside a type, an untyped parameter and JSDoc `*`, at the offending token", async () => {
    const result = await scanFixture("interfaces/no-any-in-signature");
    expect(locationsOf(result, RULE)).toEqual([
      "src/any-signatures.ts:1:36",
      "src/any-signatures.ts:5:52",
      "src/any-signatures.ts:9:31",
      "src/jsdoc-signatures.js:10:12",
    ]);
  });

  it("says which part of the signature is any", async () => {
    const result = await scanFixture("interfaces/no-any-in-signature");
    expect(findingsOf(result, RULE).map((finding) => finding.message)).toEqual([
      "Exported function 'handleEvent' has `any` in its signature: parameter 'event' is `any`",
      "Exported function 'loadRecords' has `any` in its signature: the return type contains `any`",
      "Exported function 'mergeSettings' has `any` in its signature: parameter 'base' has no type (implicitly `any`)",
      "Exported function 'publish' has `any` in its signature: parameter 'payload' is `any`",
    ]);
  });

  // assertion-typed: the parameters tsc --strict reports as implicitly `any` are those of castAny and doubleCast.
  it("takes parameter types from an assertion around the function, except `as any` and `as unknown`", async () => {
    const result = await scanFixture("interfaces/assertion-typed");
    expect(locationsOf(result, RULE)).toEqual(["src/store.ts:15:26", "src/store.ts:18:29"]);
  });

  // no-any-nested/src/errors.ts: wrapRaw's cause is `any` (line 2), wrapNested's holds one in `{ meta: any }` (line 7).
  it("says whether a parameter is `any` or only holds one in its type", async () => {
    const result = await scanFixture("interfaces/no-any-nested");
    expect(findingsOf(result, RULE).map((finding) => [`${finding.line}:${finding.column}`, finding.message])).toEqual([
      ["2:32", "Exported function 'wrapRaw' has `any` in its signature: parameter 'cause' is `any`"],
      ["7:43", "Exported function 'wrapNested' has `any` in its signature: parameter 'cause' has `any` in its type"],
    ]);
  });

  it("ignores non-exported helpers, defaults, contextual types and unknown (precise-signatures.ts)", async () => {
    const result = await scanFixture("interfaces/no-any-in-signature");
    expect(findingsOf(result, RULE).some((finding) => finding.file === "src/precise-signatures.ts")).toBe(false);
    // any-signatures.ts: 4 exported callables; precise: 4; jsdoc: 2.
    expect(categoryOf(result, "interfaces").metrics).toMatchObject({ exportedFunctions: 10, anyInSignature: 4 });
  });

  it("can leave implicit any to the compiler with checkImplicit: false", async () => {
    const result = await scanFixture("interfaces/no-any-in-signature", {
      rules: { [RULE]: { options: { checkImplicit: false } } },
    });
    expect(locationsOf(result, RULE)).toEqual([
      "src/any-signatures.ts:1:36",
      "src/any-signatures.ts:5:52",
      "src/jsdoc-signatures.js:10:12",
    ]);
  });
});
