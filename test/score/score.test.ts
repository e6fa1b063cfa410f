import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/index.js";
import { scoringModelLabel } from "../../src/score/index.js";
import { categoryOf, findingsOf, scanFixture } from "../helpers/fixtures.js";

describe("scoring on a fixture with hand-counted facts", () => {
  // fixtures/scan/known-counts: one module with 5 exports (2 documented), 3 exported functions
  // (all with return types, 1 with an `any` parameter, 1 with 6 parameters; each body two statements, so none is a
  // one-statement function that docs/exported-symbol-doc leaves out), and a complete README.
  it("scores interfaces from its checks: (3×100 + 3×66.7 + 1×66.7 + 3×100) / 10", async () => {
    const result = await scanFixture("scan/known-counts");
    const interfaces = categoryOf(result, "interfaces");
    expect(interfaces.checks.map((check) => [check.ruleId, check.score])).toEqual([
      ["interfaces/complexity", 100],
      ["interfaces/explicit-return-type", 100],
      ["interfaces/max-file-lines", 100],
      ["interfaces/max-function-lines", 100],
      ["interfaces/max-params", 66.7],
      ["interfaces/no-any-in-signature", 66.7],
    ]);
    expect(interfaces.score).toBe(86.7);
  });

  it("scores docs as (7×40 + 0.5×100) / 7.5, leaving the overview check out when no module is large", async () => {
    const result = await scanFixture("scan/known-counts");
    const docs = categoryOf(result, "docs");
    expect(docs.checks.map((check) => [check.ruleId, check.examined, check.failed, check.score])).toEqual([
      ["docs/exported-symbol-doc", 5, 3, 40],
      ["docs/file-overview", 0, 0, null],
      ["docs/readme", 1, 0, 100],
    ]);
    expect(docs.score).toBe(44);
  });

  it("averages applicable categories by weight and leaves unbuilt ones out", async () => {
    const result = await scanFixture("scan/known-counts");
    // The test imports orders.ts and package.json has a test script: tests 100. No cycle, no clone: 100 each.
    // Context: no agent file (0, weight 4), the README's `npm test` resolves (100, weight 3), and of the
    // feedback loop only the test script exists (1 of 5: 20, weight 3): (0 + 300 + 60) / 10 = 36.
    // Not a git repository: no hotspots. (15×86.67 + 15×44 + 20×100 + 10×100 + 10×100 + 20×36) / 90 = 74.2.
    expect(categoryOf(result, "context").score).toBe(36);
    expect(categoryOf(result, "tests").score).toBe(100);
    expect(categoryOf(result, "cycles").score).toBe(100);
    expect(categoryOf(result, "duplication").score).toBe(100);
    expect(categoryOf(result, "hotspots")).toMatchObject({ score: null, reason: "not a git repository" });
    expect(result.score).toBe(74.2);
    // Level 4 needs 75 overall and every category at 50: the overall score, docs and context hold it at level 3.
    expect(result.level).toEqual({
      rank: 3,
      name: "Workable",
      next: {
        rank: 4,
        name: "Ready",
        needs: ["overall score 74.2 → 75", "docs 44 → 50", "context 36 → 50"],
        // Documenting the 3 exports (+9.33 overall, 56 docs points) closes the overall and docs gaps; the agent
        // file (+8.89 overall, 40 of context's 14 missing points) closes context's.
        actions: [
          "docs/exported-symbol-doc@folder:src",
          expect.stringMatching(/^context\/agent-file@file:AGENTS\.md#[0-9a-f]{16}$/),
        ],
      },
    });
  });

  it("gives each finding the exact points its fix would add", async () => {
    const result = await scanFixture("scan/known-counts");
    // One more documented symbol: docs +100 × 1/5 × 7/7.5 = +18.67, overall × 15/90 = +3.11.
    expect(findingsOf(result, "docs/exported-symbol-doc").map((finding) => finding.gain)).toEqual([3.11, 3.11, 3.11]);
    // One fewer `any`: interfaces +100 × 1/3 × 3/10 = +10, overall × 15/90 = +1.67.
    expect(findingsOf(result, "interfaces/no-any-in-signature").map((finding) => finding.gain)).toEqual([1.67]);
  });

  it("honours category weights and switches from the config", async () => {
    const onlyDocs = {
      interfaces: { weight: 0 },
      tests: { weight: 0 },
      cycles: { weight: 0 },
      duplication: { weight: 0 },
      context: { weight: 0 },
      docs: { weight: 10 },
    };
    const result = await scanFixture("scan/known-counts", { categories: onlyDocs });
    expect(result.score).toBe(44);
    const disabled = await scanFixture("scan/known-counts", { categories: { docs: { enabled: false } } });
    expect(categoryOf(disabled, "docs")).toMatchObject({ score: null, reason: "disabled in config" });
    expect(disabled.findings.some((finding) => finding.category === "docs")).toBe(false);
    // (15×86.7 + 20×100 + 10×100 + 10×100 + 20×36) / 75 = 80.3
    expect(disabled.score).toBe(80.3);
  });

  it("drops a rule that is off from its category score", async () => {
    const result = await scanFixture("scan/known-counts", { rules: { "interfaces/no-any-in-signature": "off" } });
    // (3×100 + 1×66.7 + 3×100) / 7 = 95.2
    expect(categoryOf(result, "interfaces").score).toBe(95.2);
  });
});

describe("scoring model label", () => {
  it("is the bare version with default settings, and changes with anything that changes scores", () => {
    expect(scoringModelLabel(resolveConfig({}, null))).toBe("6");
    expect(scoringModelLabel(resolveConfig({ rules: { "docs/readme": "error" } }, null))).toBe("6");
    const weighted = scoringModelLabel(resolveConfig({ categories: { docs: { weight: 40 } } }, null));
    const optioned = scoringModelLabel(
      resolveConfig({ rules: { "interfaces/max-params": { options: { max: 6 } } } }, null),
    );
    expect(weighted).toMatch(/^6\+custom\.[0-9a-f]{8}$/);
    expect(optioned).toMatch(/^6\+custom\.[0-9a-f]{8}$/);
    expect(weighted).not.toBe(optioned);
  });
});
