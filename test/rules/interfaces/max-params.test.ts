import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "interfaces/max-params";

describe(RULE, () => {
  it("flags exported callables with more than 4 parameters, not counting `this`", async () => {
    const result = await scanFixture("interfaces/max-params");
    expect(locationsOf(result, RULE)).toEqual(["src/six-parameters.ts:1:17", "src/six-parameters.ts:13:3"]);
    expect(findingsOf(result, RULE).map((finding) => finding.message)).toEqual([
      "Exported function 'createInvoice' takes 6 parameters (at most 4)",
      "Exported method 'InvoiceQueue.push' takes 5 parameters (at most 4)",
    ]);
    expect(categoryOf(result, "interfaces").metrics.tooManyParameters).toBe(2);
  });

  it("honours a configured maximum", async () => {
    const result = await scanFixture("interfaces/max-params", { rules: { [RULE]: { options: { max: 5 } } } });
    expect(locationsOf(result, RULE)).toEqual(["src/six-parameters.ts:1:17"]);
  });
});
