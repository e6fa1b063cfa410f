import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/engine/index.js";
import type { Finding } from "../../src/contract/result.js";
import type { Effort } from "../../src/contract/vocabulary.js";
import { rankFindings } from "../../src/score/rank.js";
import { copyFixture, findingsOf, temporaryDir } from "../helpers/fixtures.js";
import { commitAll, initRepo, writeFiles } from "../helpers/git.js";

function finding(file: string, ruleId: string, gain: number, severity: Finding["severity"] = "warning") {
  return {
    ruleId,
    category: "docs" as const,
    severity,
    message: "m",
    file,
    line: 1,
    column: 1,
    fix: "f",
    gain,
    fingerprint: "0000000000000000",
  };
}

describe("fix order", () => {
  const efforts: Record<string, Effort> = { cheap: "trivial", dear: "large", mid: "medium" };
  const context = (commits: Record<string, number>) => ({
    effortOf: (ruleId: string) => efforts[ruleId] ?? "medium",
    commitsOf: (file: string) => commits[file] ?? 0,
  });

  it("puts the larger gain first, whatever the churn and effort", () => {
    const ranked = rankFindings([finding("a.ts", "dear", 1), finding("b.ts", "cheap", 2.5)], context({ "a.ts": 40 }));
    expect(ranked.map((entry) => [entry.file, entry.rank])).toEqual([
      ["a.ts", 2],
      ["b.ts", 1],
    ]);
  });

  it("breaks a tie in gain by how often the file changed, then by effort, then by severity", () => {
    const ranked = rankFindings(
      [
        finding("quiet.ts", "cheap", 1),
        finding("busy.ts", "dear", 1),
        finding("quiet.ts", "dear", 1),
        finding("quiet.ts", "mid", 1, "warning"),
        finding("quiet.ts", "mid", 1, "error"),
      ],
      context({ "busy.ts": 9, "quiet.ts": 2 }),
    );
    // busy.ts first (9 commits); then on quiet.ts: trivial, medium (error before warning), large.
    expect(ranked.map((entry) => entry.rank)).toEqual([2, 1, 5, 4, 3]);
    expect(ranked.map((entry) => entry.effort)).toEqual(["trivial", "large", "large", "medium", "medium"]);
  });

  it("puts every warning and error before any note, whatever the note's gain", () => {
    const ranked = rankFindings(
      [
        finding("a.ts", "mid", 0.3, "info"),
        finding("b.ts", "mid", 0.1, "warning"),
        finding("c.ts", "mid", 0.05, "error"),
        finding("d.ts", "mid", 0.2, "info"),
      ],
      context({}),
    );
    // warning 0.1, then error 0.05 (gain decides between them), then the notes by gain: 0.3, 0.2.
    expect(ranked.map((entry) => [entry.file, entry.rank])).toEqual([
      ["a.ts", 3],
      ["b.ts", 1],
      ["c.ts", 2],
      ["d.ts", 4],
    ]);
  });

  it("keeps the findings in their list order, ranking only through `rank`", () => {
    const input = [finding("a.ts", "mid", 0.5), finding("b.ts", "mid", 3)];
    expect(rankFindings(input, context({})).map((entry) => entry.file)).toEqual(["a.ts", "b.ts"]);
  });
});

describe("gain is what the fix buys", () => {
  it("rescanning after fixing one finding raises the score by that finding's gain", async () => {
    const dir = await copyFixture("scan/known-counts");
    const before = await analyze({ root: dir });
    const [undocumented] = findingsOf(before, "docs/exported-symbol-doc").filter((entry) =>
      entry.message.includes("'MAX_ORDERS'"),
    );
    // docs +100 × 1/5 × 7/7.5, × 15/90 of the overall (no hotspots outside git): +3.11
    expect(undocumented?.gain).toBe(3.11);
    const source = join(dir, "src/orders.ts");
    const text = await readFile(source, "utf8");
    const documented = text.replace(
      "export const MAX_ORDERS",
      "/** Most orders a customer may hold. */\nexport const MAX_ORDERS",
    );
    await writeFile(source, documented);
    const after = await analyze({ root: dir });
    expect(findingsOf(after, "docs/exported-symbol-doc")).toHaveLength(2);
    // Scores are shown to one decimal, so the rise matches the gain to within rounding.
    expect(Math.abs((after.score ?? 0) - (before.score ?? 0) - (undocumented?.gain ?? 0))).toBeLessThanOrEqual(0.05);
  });

  it("ranks equal gains in the file that changes more often first", async () => {
    const dir = await temporaryDir();
    initRepo(dir);
    const module = (name: string, version: number) =>
      `/** ${name}. */\n\n/** Returns ${version}. */\nexport function ${name}Version(): number {\n  const value = ${version};\n  return value;\n}\n\nexport const ${name}Limit = ${version};\n`;
    // The calm file sorts first by path, so only churn can put the busy one ahead.
    await writeFiles(dir, {
      "package.json": '{ "name": "churn", "private": true }\n',
      "src/calm.ts": module("calm", 1),
      "src/wild.ts": module("wild", 1),
    });
    commitAll(dir, "start", "2026-03-01T12:00:00Z");
    for (let version = 2; version <= 4; version += 1) {
      await writeFiles(dir, { "src/wild.ts": module("wild", version) });
      commitAll(dir, `wild ${version}`, `2026-03-0${version}T12:00:00Z`);
    }
    const result = await analyze({ root: dir });
    const undocumented = findingsOf(result, "docs/exported-symbol-doc");
    // Each file has 1 of 2 exports documented: one more is 100 × 1/4 of the check, × 7/7.5 of docs (the
    // README check applies, the overview one does not), × 15/100 of the overall (every category applies).
    expect(undocumented.map((entry) => [entry.file, entry.gain])).toEqual([
      ["src/calm.ts", 3.5],
      ["src/wild.ts", 3.5],
    ]);
    expect(undocumented[1]?.rank).toBeLessThan(undocumented[0]?.rank ?? 0);
  });
});
