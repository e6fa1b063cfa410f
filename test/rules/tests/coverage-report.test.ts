import { utimes, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/engine/index.js";
import { categoryOf, copyFixture, findingsOf, locationsOf } from "../../helpers/fixtures.js";

const RULE = "tests/coverage-report";

describe(RULE, () => {
  it("flags a report older than a file it covers", async () => {
    const root = await copyFixture("tests/measured-coverage");
    await utimes(join(root, "coverage/lcov.info"), new Date("2026-01-01T00:00:00Z"), new Date("2026-01-01T00:00:00Z"));
    await utimes(join(root, "src/strings.ts"), new Date("2026-01-02T00:00:00Z"), new Date("2026-01-02T00:00:00Z"));
    await utimes(join(root, "src/math.ts"), new Date("2025-12-31T00:00:00Z"), new Date("2025-12-31T00:00:00Z"));
    const result = await analyze({ root, config: {} });
    expect(locationsOf(result, RULE)).toEqual(["coverage/lcov.info:1:1"]);
    expect(findingsOf(result, RULE)[0]?.message).toBe(
      "The coverage report coverage/lcov.info is older than src/strings.ts, a file it covers",
    );
    expect(categoryOf(result, "tests").metrics).toMatchObject({ mode: "measured", isCoverageStale: true });
  });

  it.each([
    ["not an lcov file\n", "no SF…end_of_record records"],
    ["SF:src/math.ts\nDA:three,1\nend_of_record\n", "line 2: malformed DA record"],
  ])(
    "falls back to mapped mode, with a warning and a finding, when the report is corrupt (%j)",
    async (content, reason) => {
      const root = await copyFixture("tests/measured-coverage");
      await writeFile(join(root, "coverage/lcov.info"), content);
      const result = await analyze({ root, config: {} });
      expect(categoryOf(result, "tests").metrics).toMatchObject({
        mode: "mapped",
        coverageReport: "coverage/lcov.info",
        lineCoverage: null,
      });
      expect(result.warnings).toContain(
        `coverage/lcov.info: coverage report unreadable (${reason}); tests mapped from imports instead`,
      );
      expect(findingsOf(result, RULE)[0]?.message).toBe(
        `The coverage report coverage/lcov.info cannot be read: ${reason}; tests were mapped from imports instead`,
      );
      // Mapped: the test imports math.ts; strings.ts is untested.
      expect(locationsOf(result, "tests/untested-module")).toEqual(["src/strings.ts:1:1"]);
    },
  );

  it("reads a corrupt JSON report as unreadable, not as a crash", async () => {
    const root = await copyFixture("tests/measured-coverage");
    await writeFile(join(root, "coverage/coverage-final.json"), "{ not json");
    const result = await analyze({ root, config: { coverage: { report: "coverage/coverage-final.json" } } });
    expect(findingsOf(result, RULE)[0]?.message).toBe(
      "The coverage report coverage/coverage-final.json cannot be read: invalid JSON; tests were mapped from imports instead",
    );
  });

  it("requires an explicit --coverage file to exist", async () => {
    const root = await copyFixture("tests/measured-coverage");
    await expect(analyze({ root, coverage: "missing/lcov.info", cwd: root })).rejects.toThrow(
      "--coverage missing/lcov.info: no such file",
    );
  });
});
