/**
 * Every reporter on a saved ScanResult (fixtures/reports/saved: the scan of
 * fixtures/scan/known-counts, whose figures are checked by hand in
 * formats.test.ts: 74.2, level 3, 10 findings), compared with its golden
 * file. Reporters are pure: no scan, no process. After an intended change,
 * `UPDATE_GOLDEN=1 npx vitest run test/report/golden.test.ts` rewrites the
 * goldens; read the diff line by line before committing it.
 */
import { readFile, writeFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { scanResultSchema, type ScanResult } from "../../src/contract/result.js";
import { renderReport, type ReportOptions } from "../../src/report/index.js";
import { fixturePath } from "../helpers/fixtures.js";

const SAVED = fixturePath("reports/saved/known-counts.result.json");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

async function saved(): Promise<ScanResult> {
  return scanResultSchema.parse(JSON.parse(await readFile(SAVED, "utf8")));
}

async function expectGolden(name: string, actual: string): Promise<void> {
  const path = fixturePath(`reports/saved/${name}`);
  if (UPDATE) await writeFile(path, actual);
  expect(actual).toBe(await readFile(path, "utf8"));
}

const PLAIN: ReportOptions = { color: false, width: 80, top: 10 };

describe("reporters on a saved result", () => {
  it("the saved result is a valid ScanResult with the hand-checked figures", async () => {
    const result = await saved();
    expect(result.score).toBe(74.2);
    expect(result.level?.rank).toBe(3);
    expect(result.findings).toHaveLength(10);
  });

  for (const width of [80, 120]) {
    it(`text at ${width} columns, no line wider`, async () => {
      const text = await renderReport("text", await saved(), { ...PLAIN, width });
      await expectGolden(`known-counts.text-${width}.txt`, text);
      expect(Math.max(...text.split("\n").map((line) => [...line].length))).toBeLessThanOrEqual(width);
    });
  }

  it("wraps a location longer than its column instead of cutting it", async () => {
    const result = await saved();
    const file = "packages/some-long-package-name/src/deeply/nested/folder/module.ts";
    const findings = result.findings.map((finding, index) => (index === 0 ? { ...finding, file } : finding));
    const text = await renderReport("text", { ...result, findings }, PLAIN);
    expect(text).not.toContain("…/");
    // The location's characters, read down the first column of the findings table, give it back whole.
    const table = text.slice(text.indexOf("Findings ("));
    const column = table
      .split("\n")
      .filter((line) => line.startsWith("│"))
      .map((line) => line.split("│")[1]?.trim() ?? "");
    expect(column.join("")).toContain(`${file}:`);
    expect(Math.max(...text.split("\n").map((line) => [...line].length))).toBeLessThanOrEqual(80);
  });

  it("text with colours has the same text once the escapes are removed", async () => {
    const result = await saved();
    const coloured = await renderReport("text", result, { ...PLAIN, color: true });
    expect(coloured).not.toBe(await renderReport("text", result, PLAIN));
    // eslint-disable-next-line no-control-regex -- ANSI colour escapes are what is removed
    expect(coloured.replace(/\u001b\[[0-9;]*m/g, "")).toBe(await renderReport("text", result, PLAIN));
  });

  for (const [format, name] of [
    ["markdown", "known-counts.md"],
    ["github", "known-counts.github.txt"],
    ["sarif", "known-counts.sarif.json"],
    ["json", "known-counts.json"],
    ["html", "known-counts.html"],
  ] as const) {
    it(format, async () => {
      await expectGolden(name, await renderReport(format, await saved(), PLAIN));
    });
  }

  it("--top 0 lists no action and no finding, and counts them", async () => {
    const result = await saved();
    const text = await renderReport("text", result, { ...PLAIN, top: 0 });
    expect(text.split("\n")).toContain("Fix plan: 5 actions, none listed (--top 5 lists them)");
    expect(text.split("\n")).toContain("Findings: 10, none listed (--top 10 lists them)");
    const markdown = await renderReport("markdown", result, { ...PLAIN, top: 0 });
    expect(markdown).not.toContain("### Fix plan");
    expect(markdown).toContain("_5 actions in the fix plan: run `groundwork fixes` for it._");
    expect(markdown).toContain("_…and 10 more findings: run `groundwork fixes` for the full list._");
  });

  it("github: at most 10 annotations of each kind, in fix order; the rest counted, and listed for the job summary", async () => {
    const result = await saved();
    const warning = result.findings.find((finding) => finding.severity === "warning");
    if (!warning) throw new Error("the saved result has a warning");
    // 12 warnings at lines 1..12, ranked in line order, and no other finding.
    const findings = Array.from({ length: 12 }, (_, index) => ({ ...warning, line: index + 1, rank: index + 1 }));
    const text = await renderReport("github", { ...result, findings }, PLAIN);
    const annotations = text.split("\n").filter((line) => line.startsWith("::"));
    expect(annotations.map((line) => /line=(\d+)/.exec(line)?.[1])).toEqual([
      "1",
      "2",
      "3",
      "4",
      "5",
      "6",
      "7",
      "8",
      "9",
      "10",
    ]);
    expect(text.trimEnd().split("\n").at(-1)).toMatch(
      /; 2 not annotated \(GitHub shows 10 errors, 10 warnings and 10 notices per step\), listed in the job summary$/,
    );
    const { leftOutMarkdown } = await import("../../src/report/github.js");
    const listed = leftOutMarkdown({ ...result, findings }).split("\n");
    expect(listed.filter((line) => line.startsWith("- "))).toEqual([
      `- \`${warning.file}:11:${warning.column}\` · \`${warning.ruleId}\` · warning · ${warning.message}`,
      `- \`${warning.file}:12:${warning.column}\` · \`${warning.ruleId}\` · warning · ${warning.message}`,
    ]);
  });

  it("json gives back the saved result", async () => {
    const result = await saved();
    expect(scanResultSchema.parse(JSON.parse(await renderReport("json", result, PLAIN)))).toEqual(result);
  });
});
