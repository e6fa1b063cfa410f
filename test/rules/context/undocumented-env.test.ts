import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "context/undocumented-env";

describe(RULE, () => {
  // fixtures/context/undocumented-env: src/config.ts reads PORT (in .env.example), API_KEY (named in AGENTS.md),
  // SECRET_TOKEN (nowhere) and NODE_ENV (built in); PORT is read twice.
  it("reports only the variable documented nowhere, at its first read", async () => {
    const result = await scanFixture("context/undocumented-env");
    expect(locationsOf(result, RULE)).toEqual(["src/config.ts:5:10"]);
    expect(findingsOf(result, RULE)[0]?.message).toBe(
      "SECRET_TOKEN is read here but documented nowhere an agent looks",
    );
    expect(categoryOf(result, "context").metrics.undocumentedEnvVars).toEqual(["SECRET_TOKEN"]);
    expect(categoryOf(result, "context").checks.find((check) => check.ruleId === RULE)).toMatchObject({
      examined: 3,
      failed: 1,
    });
  });
});
