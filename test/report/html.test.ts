import { readFile, writeFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inkedShare, launchBrowser } from "../helpers/browser.js";
import { runCliInProcess } from "../helpers/cli.js";
import { copyFixture, fixturePath, REPO_ROOT, temporaryDir } from "../helpers/fixtures.js";
import { scanResultSchema, type ScanResult } from "../../src/contract/result.js";
import { renderReport } from "../../src/report/index.js";

let browser: Browser;
let page: Page;
let scanned: string;
const requests: string[] = [];

beforeAll(async () => {
  const dir = await copyFixture("scan/known-counts");
  scanned = dir;
  const report = join(await temporaryDir(), "report.html");
  const run = await runCliInProcess(["scan", dir, "--format", "html", "--output", report], REPO_ROOT);
  expect(run.status).toBe(0);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(report).href);
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** The Where column of the findings table, top to bottom. */
async function whereColumn(): Promise<string[]> {
  return page.locator("#findings tbody tr td:nth-child(6)").allTextContents();
}

// fixtures/scan/known-counts outside git: 74.2, level 3 Workable, 10 findings (5 of them agent context).
describe("HTML report in a headless browser", () => {
  it("renders the score and level, loading nothing but itself", async () => {
    expect(await page.title()).toBe(`Groundwork: ${basename(scanned)} 74.2/100`);
    expect(await page.locator("#score").textContent()).toBe("74.2");
    expect(await page.locator(".level").textContent()).toBe("Level 3 Workable");
    expect(await page.locator(".bar").count()).toBe(7);
    expect(requests.filter((url) => !url.startsWith("file:"))).toEqual([]);
  });

  it("heads the page with the ranked fixes, grouped by file", async () => {
    const groups = await page.locator("ol.fixes > li > code").allTextContents();
    expect(groups).toEqual(["AGENTS.md", "src/orders.ts", ".github/workflows/ci.yml", "package.json"]);
    expect(await page.locator("ol.fixes > li > ul > li").count()).toBe(10);
  });

  it("filters the findings table by text and by category", async () => {
    expect(await page.locator("#findings tbody tr").count()).toBe(10);
    await page.fill("#filter", "MAX_ORDERS");
    expect(await whereColumn()).toEqual(["src/orders.ts:15:14"]);
    expect(await page.locator("#shown").textContent()).toBe("1");
    await page.fill("#filter", "");
    await page.selectOption("#category", "context");
    expect(await page.locator("#findings tbody tr").count()).toBe(5);
    await page.selectOption("#category", "");
    expect(await page.locator("#findings tbody tr").count()).toBe(10);
  });

  it("sorts by a column when its header is clicked, and reverses on a second click", async () => {
    const gain = page.locator('th[data-key="gain"]');
    await gain.click();
    expect((await page.locator("#findings tbody tr td:nth-child(2)").allTextContents()).slice(0, 2)).toEqual([
      "+8.9",
      "+3.1",
    ]);
    await gain.click();
    expect((await page.locator("#findings tbody tr td:nth-child(2)").allTextContents())[0]).toBe("+0.6");
    expect(await gain.getAttribute("aria-sort")).toBe("ascending");
    await page.locator('th[data-key="file"]').click();
    expect((await whereColumn()).at(-1)).toMatch(/^src\/orders\.ts:/);
  });

  it("shows the fix plan's actions first, with their first locations", async () => {
    const plan = await page.locator("ol.plan > li").allTextContents();
    expect(plan).toHaveLength(5);
    expect(plan[0]).toBe(
      "+9.3 Document 3 exported symbols in src docs/exported-symbol-doc · trivial · 3 findings: src/orders.ts:11:17, src/orders.ts:15:14, src/orders.ts:17:18",
    );
  });

  it("sets backticks as code in the findings table", async () => {
    // The `any` finding's message and fix name `any` and `unknown` in backticks: code elements, no backtick left.
    const anyRow = page.locator("#findings tbody tr", { hasText: "has `any`" });
    expect(await anyRow.count()).toBe(0);
    const codes = await page
      .locator("#findings tbody tr", { hasText: "formatOrder" })
      .locator("code")
      .allTextContents();
    expect(codes).toContain("any");
  });

  it("is not blank on screen", async () => {
    // Text, bars and table lines ink a few percent of the screen.
    expect(await inkedShare(page)).toBeGreaterThan(0.02);
  });
});

/** A result like the saved known-counts one with `count` findings in one deep monorepo path. */
async function manyFindings(count: number): Promise<ScanResult> {
  const saved = scanResultSchema.parse(
    JSON.parse(await readFile(fixturePath("reports/saved/known-counts.result.json"), "utf8")),
  );
  const base = saved.findings[0];
  if (!base) throw new Error("the saved result has findings");
  const file = "packages/some-very-long-package-name/src/internal/deeply/nested/folder/with/a/long-module-name.ts";
  // Severities in turn, info first, so that sorting by name (error, info, warning) and by severity differ.
  const severities = ["info", "warning", "error"] as const;
  const findings = Array.from({ length: count }, (_, index) => ({
    ...base,
    file,
    line: index + 1,
    rank: index + 1,
    severity: severities[index % 3] ?? "warning",
  }));
  return { ...saved, findings, actions: [] };
}

async function open(result: ScanResult, width: number): Promise<Page> {
  const path = join(await temporaryDir(), "many.html");
  await writeFile(path, await renderReport("html", result, { color: false, width: 100, top: 10 }));
  const opened = await browser.newPage({ viewport: { width, height: 900 } });
  await opened.goto(pathToFileURL(path).href);
  return opened;
}

describe("HTML report on a large repository", () => {
  it("has no horizontal overflow at 1,280 px with monorepo paths, nor at 390 px", async () => {
    const result = await manyFindings(30);
    for (const width of [1280, 390]) {
      const opened = await open(result, width);
      const scrollWidth = await opened.evaluate(() => document.documentElement.scrollWidth);
      expect({ width, scrollWidth }).toEqual({ width, scrollWidth: width });
      await opened.close();
    }
  });

  it("sorts severities error, warning, info, and back", async () => {
    const opened = await open(await manyFindings(6), 1280);
    const column = () => opened.locator("#findings tbody tr td:nth-child(3)").allTextContents();
    await opened.click('th[data-key="severity"]');
    expect(await column()).toEqual(["error", "error", "warning", "warning", "info", "info"]);
    await opened.click('th[data-key="severity"]');
    expect(await column()).toEqual(["info", "info", "warning", "warning", "error", "error"]);
    await opened.close();
  });

  it("shows 500 rows of 1,200 findings, and 500 more per click", async () => {
    const opened = await open(await manyFindings(1200), 1280);
    expect(await opened.locator("#findings tbody tr").count()).toBe(500);
    expect(await opened.locator("#more").textContent()).toBe("Show 500 more of 700");
    await opened.click("#more");
    expect(await opened.locator("#findings tbody tr").count()).toBe(1000);
    await opened.click("#more");
    expect(await opened.locator("#findings tbody tr").count()).toBe(1200);
    expect(await opened.locator("#more").isHidden()).toBe(true);
    await opened.close();
  });
});
