import { beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../../../src/engine/index.js";
import type { ScanResult } from "../../../src/contract/result.js";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { buildBillingHistory } from "../../helpers/billing-history.js";
import { categoryOf, copyFixture, findingsOf, locationsOf } from "../../helpers/fixtures.js";
import { commitAll, initRepo } from "../../helpers/git.js";

const RULE = "hotspots/hidden-coupling";
let result: ScanResult;

beforeAll(async () => {
  result = await analyze({ root: await buildBillingHistory(), config: {} });
});

describe(RULE, () => {
  // fixtures/hotspots/billing-history, scripted: tax.ts and tax-report.ts change together in all 6 of their commits
  // and neither imports the other. invoice.ts shares 5 commits with each, but 5 of (15 + 6) / 2 is under half.
  it("reports the pair that always changes together without an import path", () => {
    expect(locationsOf(result, RULE)).toEqual(["src/billing/tax.ts:1:1"]);
    const [finding] = findingsOf(result, RULE);
    expect(finding?.message).toBe(
      "src/billing/tax.ts and src/reports/tax-report.ts changed together in 6 commits (100% of their changes) but neither imports the other",
    );
    expect(finding?.related).toEqual([
      { file: "src/reports/tax-report.ts", line: 1, column: 1, message: "changes together with src/billing/tax.ts" },
    ]);
  });

  it("lists coupled pairs in the metrics", () => {
    expect(categoryOf(result, "hotspots").metrics.coupledPairs).toEqual([
      { files: ["src/billing/tax.ts", "src/reports/tax-report.ts"], shared: 6, degree: 1, hidden: true },
    ]);
  });

  it("leaves out commits touching more files than maxCommitFiles", async () => {
    const bulkOnly = await analyze({ root: await buildBillingHistory(), config: { history: { maxCommitFiles: 2 } } });
    // The pair's commits 3, 6, 9, 12 and 16 touch invoice.ts or CHANGELOG.md too (3 files): none is left to count.
    expect(categoryOf(bulkOnly, "hotspots").metrics.coupledPairs).toEqual([]);
  });
});

/**
 * fixtures/hotspots/generator-output in 11 commits: in commits 2, 4, 6, 8 and 10 the generator
 * src/locales/build-locales.ts and the file it writes (join(__dirname, "locale-names.ts")) change together; in
 * commits 3, 5, 7, 9 and 11, src/report/format.ts and src/report/summary.ts, which neither import nor write each
 * other. Each pair shares 6 commits, all of its own.
 */
async function buildGeneratorHistory(): Promise<string> {
  const dir = await copyFixture("hotspots/generator-output");
  initRepo(dir);
  commitAll(dir, "initial", "2026-02-01T12:00:00Z");
  const pairs = [
    [
      ["src/locales/build-locales.ts", "LOCALES_REVISION"],
      ["src/locales/locale-names.ts", "LOCALE_NAMES_REVISION"],
    ],
    [
      ["src/report/format.ts", "FORMAT_REVISION"],
      ["src/report/summary.ts", "SUMMARY_REVISION"],
    ],
  ];
  for (let commit = 2; commit <= 11; commit += 1) {
    for (const [path = "", constant = ""] of pairs[commit % 2] ?? []) {
      const file = join(dir, path);
      const text = await readFile(file, "utf8");
      await writeFile(file, text.replace(new RegExp(`${constant} = \\d+`), `${constant} = ${commit}`));
    }
    commitAll(dir, `change ${commit}`, `2026-02-${String(commit).padStart(2, "0")}T12:00:00Z`);
  }
  return dir;
}

describe(`${RULE}: a generator and the file it writes`, () => {
  it("are no hidden coupling; the pair beside them that shares only history is", async () => {
    const result = await analyze({ root: await buildGeneratorHistory(), config: {} });
    expect(findingsOf(result, RULE).map((finding) => finding.message)).toEqual([
      "src/report/format.ts and src/report/summary.ts changed together in 6 commits (100% of their changes) but neither imports the other",
    ]);
    expect(result.files.scopes.filter((scope) => scope.kind === "generated")).toEqual([
      {
        kind: "generated",
        why: "written by scripts/build-data.mjs (line 7)",
        files: ["src/data/countries.json"],
      },
      {
        kind: "generated",
        why: "written by scripts/build-data.mjs (line 8)",
        files: ["src/data/currencies.ts"],
      },
      {
        kind: "generated",
        why: "written by src/locales/build-locales.ts (line 9)",
        files: ["src/locales/locale-names.ts"],
      },
    ]);
    // limits.ts is read and written back by the same script: edited in place, still product code.
    expect(result.files.scopes.find((scope) => scope.files.includes("src/data/limits.ts"))?.kind).toBe("source");
  });

  it("are no pair even when the config keeps the output as product code", async () => {
    const result = await analyze({
      root: await buildGeneratorHistory(),
      config: { classify: { source: ["src/locales/locale-names.ts"] } },
    });
    expect(result.files.scopes.find((scope) => scope.files.includes("src/locales/locale-names.ts"))?.why).toBe(
      "config classify.source",
    );
    expect(categoryOf(result, "hotspots").metrics.coupledPairs).toEqual([
      { files: ["src/report/format.ts", "src/report/summary.ts"], shared: 6, degree: 1, hidden: true },
    ]);
  });
});
