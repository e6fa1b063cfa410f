import { describe, expect, it } from "vitest";
import { findingsOf, scanFixture } from "../../helpers/fixtures.js";

// deprecated-functions/src/totals.ts: legacyTotal (line 2, `@deprecated`) and total (line 92) are the same
// function: 88 lines of code (the header, 86 statements, the closing brace), complexity 1 + 16 `if` + 68 `??` = 85.
describe("@deprecated functions and the size rules", () => {
  it("leaves a deprecated export out of max-function-lines and complexity, and still measures its live twin", async () => {
    const result = await scanFixture("interfaces/deprecated-functions");
    const size = [
      ...findingsOf(result, "interfaces/max-function-lines"),
      ...findingsOf(result, "interfaces/complexity"),
    ];
    expect(size.map((finding) => `${finding.ruleId} ${finding.file}:${finding.line} ${finding.message}`)).toEqual([
      "interfaces/max-function-lines src/totals.ts:92 Function 'total' has 88 lines of code (at most 80)",
      "interfaces/complexity src/totals.ts:92 Function 'total' has a cyclomatic complexity of 85 (at most 15)",
    ]);
  });
});
