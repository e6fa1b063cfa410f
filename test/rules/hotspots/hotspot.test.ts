import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { analyze } from "../../../src/engine/index.js";
import type { ScanResult } from "../../../src/contract/result.js";
import { buildBillingHistory } from "../../helpers/billing-history.js";
import { categoryOf, copyFixture, findingsOf, locationsOf, temporaryDir } from "../../helpers/fixtures.js";
import { commitAll, git, initRepo, writeFiles } from "../../helpers/git.js";

const RULE = "hotspots/hotspot";
let root: string;
let result: ScanResult;

beforeAll(async () => {
  root = await buildBillingHistory();
  result = await analyze({ root, config: {} });
});

describe(RULE, () => {
  // Uses the scripted copy of fixtures/hotspots/billing-history (see test/helpers/billing-history.ts).
  it("reads 16 commits in the 12 months before HEAD, with change counts per file and renames followed", () => {
    const hotspots = categoryOf(result, "hotspots").metrics;
    expect(hotspots.window).toEqual({ since: "2025-01-16", until: "2026-01-16", length: "12 months" });
    expect(hotspots.commits).toBe(16);
    expect(hotspots.isShallow).toBe(false);
    const byFile = Object.fromEntries(hotspots.hotspots.map((entry) => [entry.file, [entry.commits, entry.authors]]));
    expect(byFile).toMatchObject({
      "src/billing/invoice.ts": [15, 2],
      "src/billing/tax.ts": [6, 2],
      "src/reports/tax-report.ts": [6, 2],
      "src/orders/order-status.ts": [3, 2],
      "src/util/pad.ts": [1, 1],
    });
  });

  it("ranks the most changed, most complex file first, with score 100", () => {
    const [top] = categoryOf(result, "hotspots").metrics.hotspots;
    // computeInvoice: 1 + for + 15 if/else-if = 17.
    expect(top).toEqual({
      file: "src/billing/invoice.ts",
      commits: 15,
      authors: 2,
      complexity: 17,
      score: 100,
      risk: 0.5,
    });
  });

  it("reports the hotspot with its figures and a fix that names the complex function to simplify", () => {
    expect(locationsOf(result, RULE)).toEqual(["src/billing/invoice.ts:1:1"]);
    const [finding] = findingsOf(result, RULE);
    expect(finding?.message).toBe(
      "Hotspot: src/billing/invoice.ts changed in 15 commits by 2 authors in 12 months, complexity 17, and it is complex (computeInvoice: 17)",
    );
    // The file is short: there is nothing to split it along, the complex function is what to simplify.
    expect(finding?.fix).toBe(
      "Make src/billing/invoice.ts safer to change (the most changed source file, where agents are sent most): simplify computeInvoice: move each branch's work into a named function, or replace a long chain of conditions with a lookup table.",
    );
  });

  it("scores the share of changes that land in risky files", () => {
    // 35 changes: invoice 15 (complex: ½), tax-report 6 (untested: ½), order-status 3 (untested: ½);
    // customer, address and order changed once each (untested, but under 3 commits: no hotspot);
    // tax, format and pad are safe. Failed 7.5 + 3 + 1.5 = 12 of 35: 100 × 23/35 = 65.7.
    const check = categoryOf(result, "hotspots").checks.find((candidate) => candidate.ruleId === RULE);
    expect(check).toEqual({ ruleId: RULE, weight: 1, examined: 35, failed: 12, score: 65.7 });
  });

  it("counts files changed in fewer than minCommits commits as no hotspot, and all with minCommits 1", async () => {
    const strict = await analyze({ root, config: { rules: { [RULE]: { options: { minCommits: 1 } } } } });
    // customer, address and order (1 commit each, untested) now cost ½ each: 13.5 of 35, 100 × 21.5/35 = 61.4.
    const check = categoryOf(strict, "hotspots").checks.find((candidate) => candidate.ruleId === RULE);
    expect(check).toMatchObject({ examined: 35, failed: 13.5, score: 61.4 });
  });

  it("says where each hotspot stands by commits among the changed source files", async () => {
    const all = await analyze({ root, config: { rules: { [RULE]: { options: { minCommits: 1, minScore: 0 } } } } });
    const standing = Object.fromEntries(
      findingsOf(all, RULE).map((finding) => [
        finding.file,
        /^Make \S+ safer to change \(([^)]*)\)/.exec(finding.fix)?.[1],
      ]),
    );
    // Commits: invoice 15; tax and tax-report 6; order-status 3; customer, address, order, format and pad 1 (9 files).
    expect(standing).toEqual({
      "src/billing/invoice.ts": "the most changed source file, where agents are sent most",
      "src/reports/tax-report.ts": "the 2nd most changed of 9 source files",
      "src/orders/order-status.ts": "the 4th most changed of 9 source files",
      "src/customers/address.ts": "the 5th most changed of 9 source files",
      "src/customers/customer.ts": "the 5th most changed of 9 source files",
      "src/orders/order.ts": "the 5th most changed of 9 source files",
    });
  });

  it("takes the complexity limit the complexity rule is configured with, not its default", async () => {
    const lenient = await analyze({ root, config: { rules: { "interfaces/complexity": { options: { max: 20 } } } } });
    // computeInvoice (17) is within 20: invoice.ts is no longer complex, and its 15 changes carry no risk; the
    // others are as before: 3 + 1.5 of 35 fail, 100 × 30.5/35 = 87.1.
    expect(locationsOf(lenient, RULE)).toEqual([]);
    const check = categoryOf(lenient, "hotspots").checks.find((candidate) => candidate.ruleId === RULE);
    expect(check).toMatchObject({ examined: 35, failed: 4.5, score: 87.1 });
  });

  it("does not count a sweep, a commit of more than history.maxCommitFiles files, as a change or an author", async () => {
    // The scripted history, then carol's formatting run on 2026-01-17: every file of src (9), 30 new docs and
    // src/util/extra.ts, 40 files.
    const swept = await buildBillingHistory();
    const sources = git(swept, ["ls-files", "src"]).trim().split("\n");
    expect(sources).toHaveLength(9);
    for (const path of sources) await writeFile(join(swept, path), `${await readFile(join(swept, path), "utf8")}\n`);
    await writeFiles(swept, {
      ...Object.fromEntries(Array.from({ length: 30 }, (_, index) => [`docs/page-${index}.md`, `# Page ${index}\n`])),
      "src/util/extra.ts": "export function extra(): number {\n  return 1;\n}\n",
    });
    commitAll(swept, "format everything", "2026-01-17T12:00:00Z", "carol");
    const byFile = async (maxCommitFiles: number) =>
      Object.fromEntries(
        categoryOf(
          await analyze({ root: swept, config: { history: { maxCommitFiles } } }),
          "hotspots",
        ).metrics.hotspots.map((entry) => [entry.file, [entry.commits, entry.authors]]),
      );
    // extra.ts came in the sweep: it has no change of its own to name.
    const untested = findingsOf(await analyze({ root: swept, config: {} }), "tests/untested-module").map(
      (finding) => finding.message,
    );
    expect(untested).toContain(
      "No test reaches src/util/extra.ts (3 lines): no test imports it, directly or through other modules",
    );
    // invoice.ts: its own 15 commits by alice and bob, as before the sweep; pad.ts its one.
    expect(await byFile(30)).toMatchObject({ "src/billing/invoice.ts": [15, 2], "src/util/pad.ts": [1, 1] });
    // With room for 40 files the sweep is a commit like the others: one more change and a third author each.
    expect(await byFile(40)).toMatchObject({ "src/billing/invoice.ts": [16, 3], "src/util/pad.ts": [2, 2] });
  });

  it("reads a shorter window ending at HEAD, not at today", async () => {
    const recent = await analyze({ root, config: { history: { window: "7 days" } } });
    // HEAD is 2026-01-16: commits of 2026-01-09 to 2026-01-16.
    expect(categoryOf(recent, "hotspots").metrics).toMatchObject({
      commits: 8,
      window: { since: "2026-01-09", until: "2026-01-16" },
    });
  });

  it("is not applicable without commits in the window", async () => {
    const future = await analyze({ root, since: "2026-01-17" });
    expect(categoryOf(future, "hotspots")).toMatchObject({ score: null, reason: "no commits since 2026-01-17" });
    await expect(analyze({ root, since: "0 days" })).rejects.toThrow(
      '--since 0 days: expected a window such as "12 months", "90 days" or a date YYYY-MM-DD',
    );
  });

  it("warns about a shallow clone and uses the history it has", async () => {
    const shallow = join(await temporaryDir(), "shallow");
    git(root, ["clone", "--quiet", "--depth", "4", `file://${root}`, shallow]);
    const clone = await analyze({ root: shallow, config: {} });
    expect(categoryOf(clone, "hotspots").metrics).toMatchObject({ commits: 4, isShallow: true });
    expect(clone.warnings).toContain("shallow clone: history has 4 commits in the window, hotspots may be incomplete");
  });
});

describe(`${RULE}: a hot file whose only gap is missing doc comments`, () => {
  /**
   * fixtures/hotspots/undocumented-hotspot in 4 commits, each changing both modules; both are tested. The router
   * has five exports and no doc comment (removeRoute, one statement, is not examined); the parser is documented and has one function of complexity 17.
   */
  let history: ScanResult;
  beforeAll(async () => {
    const dir = await copyFixture("hotspots/undocumented-hotspot");
    initRepo(dir);
    commitAll(dir, "initial", "2026-01-01T12:00:00Z");
    for (let commit = 2; commit <= 4; commit += 1) {
      for (const [path, constant] of [
        ["src/router.ts", "ROUTER_REVISION"],
        ["src/parser.ts", "PARSER_REVISION"],
      ] as const) {
        const file = join(dir, path);
        await writeFile(
          file,
          (await readFile(file, "utf8")).replace(`${constant} = ${commit - 1}`, `${constant} = ${commit}`),
        );
      }
      commitAll(dir, `change ${commit}`, `2026-01-0${commit}T12:00:00Z`);
    }
    history = await analyze({ root: dir, config: {} });
  });

  it("is no hotspot: the doc-comment rule reports and charges its exports, once", () => {
    expect(locationsOf(history, RULE)).toEqual(["src/parser.ts:1:1"]);
    expect(locationsOf(history, "docs/exported-symbol-doc")).toEqual([
      "src/router.ts:1:14",
      "src/router.ts:3:18",
      "src/router.ts:8:17",
      "src/router.ts:15:17",
    ]);
    // 8 changes: the parser's 4 are complex (½ each), the router's 4 carry no risk: 2 of 8, 100 × 6/8 = 75.
    const check = categoryOf(history, "hotspots").checks.find((candidate) => candidate.ruleId === RULE);
    expect(check).toEqual({ ruleId: RULE, weight: 1, examined: 8, failed: 2, score: 75 });
  });
});

describe(`${RULE}: a long hot file`, () => {
  // src/long.ts in 3 commits: small (lines 1-4), then big (lines 6-528), 527 lines of code, no function over
  // complexity 15 (small, big and inner are 1 each: 3); a test imports it. It is risky by its length only.
  it("says how long it is and splits it as the file-length rule does: big is most of the file, inner reads none of its variables", async () => {
    const dir = await temporaryDir();
    const body = Array.from({ length: 517 }, (_, index) => `  total += ${index};`);
    const source = (revision: number) =>
      [
        "export function small(): number {",
        `  const one = ${revision};`,
        "  return one;",
        "}",
        "",
        "export function big(): number {",
        "  function inner(): number {",
        "    return 2;",
        "  }",
        "  let total = inner();",
        ...body,
        "}",
        "",
      ].join("\n");
    await writeFiles(dir, {
      "package.json": '{ "name": "long-hotspot", "private": true, "scripts": { "test": "vitest run" } }\n',
      "test/long.test.ts": 'import { small } from "../src/long";\n\nif (small() < 0) throw new Error("small");\n',
    });
    initRepo(dir);
    for (let revision = 1; revision <= 3; revision += 1) {
      await writeFiles(dir, { "src/long.ts": source(revision) });
      commitAll(dir, `revision ${revision}`, `2026-01-0${revision}T12:00:00Z`);
    }
    const [finding, ...others] = findingsOf(await analyze({ root: dir, config: {} }), RULE);
    expect(others).toEqual([]);
    expect(finding?.message).toBe(
      "Hotspot: src/long.ts changed in 3 commits by 1 author in 12 months, complexity 3, and it is long (527 lines of code)",
    );
    expect(finding?.fix).toBe(
      "Make src/long.ts safer to change (the most changed source file, where agents are sent most): the file is essentially one export, 'big', so it does not split by exports: move the largest parts it is built from into modules of their own beside it and import them ('small', lines 1-4; 'inner', lines 7-9).",
    );
  });
});
