import { beforeAll, describe, expect, it } from "vitest";
import type { ScanResult } from "../../../src/contract/result.js";
import { categoryOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

/**
 * fixtures/interfaces/deprecated: src/legacy.ts exports two `@deprecated` functions with `any` and no return type
 * (one of five parameters); src/orders.ts has their live twins (parseOrder line 2, formatOrder line 7), `orderKey`
 * whose first overload is deprecated and second live, and the deprecated `legacyParse` (line 19). No test imports
 * either module.
 */
describe("@deprecated exports", () => {
  let result: ScanResult;
  beforeAll(async () => {
    result = await scanFixture("interfaces/deprecated");
  });

  it("are not asked for return types, typed parameters or fewer parameters; their live twins are", () => {
    expect(locationsOf(result, "interfaces/explicit-return-type")).toEqual([
      "src/orders.ts:2:17",
      "src/orders.ts:7:14",
    ]);
    // At the `any` of each: `parseOrder(input: any` and `formatOrder = (id: any`.
    expect(locationsOf(result, "interfaces/no-any-in-signature")).toEqual(["src/orders.ts:2:35", "src/orders.ts:7:33"]);
    expect(locationsOf(result, "interfaces/max-params")).toEqual(["src/orders.ts:7:14"]);
  });

  it("count in the figures as the rules count them: one deprecated overload beside a live one leaves it live", () => {
    // parseOrder, formatOrder, orderKey (overloads typed `string`) and ids.ts's orderId; typed: orderKey, orderId.
    expect(categoryOf(result, "interfaces").metrics).toMatchObject({
      exportedFunctions: 4,
      explicitReturnType: 2,
      anyInSignature: 2,
    });
  });

  it("leave a module whose every export is deprecated out of the untested modules; a mixed one is examined", () => {
    expect(locationsOf(result, "tests/untested-module")).toEqual(["src/orders.ts:1:1"]);
    const check = categoryOf(result, "tests").checks.find((candidate) => candidate.ruleId === "tests/untested-module");
    // ids.ts (4 lines, tested) and orders.ts (21 lines, untested); legacy.ts is not examined.
    expect(check).toMatchObject({ examined: 25, failed: 21 });
  });
});
