import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inkedShare, launchBrowser } from "../helpers/browser.js";
import { runCliInProcess } from "../helpers/cli.js";
import { copyFixture, REPO_ROOT, temporaryDir } from "../helpers/fixtures.js";

let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  const dir = await copyFixture("scan/known-counts");
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
    expect(await page.title()).toBe("Groundwork: 74.2/100");
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

  it("is not blank on screen", async () => {
    // Text, bars and table lines ink a few percent of the screen.
    expect(await inkedShare(page)).toBeGreaterThan(0.02);
  });
});
