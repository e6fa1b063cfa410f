/// <reference lib="dom" />
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/cli.js";
import { copyFixture, REPO_ROOT, temporaryDir } from "../helpers/fixtures.js";

// A Chromium-family browser (.ci/run finds or installs one and sets GROUNDWORK_CHROMIUM); Playwright's core
// drives it and downloads nothing.
const CHROMIUM = process.env.GROUNDWORK_CHROMIUM || "/usr/bin/chromium";

let browser: Browser;
let page: Page;
const requests: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`no browser at ${CHROMIUM}: install chromium or set GROUNDWORK_CHROMIUM (.ci/run does)`);
  const dir = await copyFixture("scan/known-counts");
  const report = join(await temporaryDir(), "report.html");
  const run = runCli(["scan", dir, "--format", "html", "--output", report], REPO_ROOT);
  expect(run.status).toBe(0);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
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

// fixtures/scan/known-counts outside git: 75.8, level 3 Workable, 10 findings (5 of them agent context).
describe("HTML report in a headless browser", () => {
  it("renders the score and level, loading nothing but itself", async () => {
    expect(await page.title()).toBe("Groundwork: 75.8/100");
    expect(await page.locator("#score").textContent()).toBe("75.8");
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
      "+2.6",
    ]);
    await gain.click();
    expect((await page.locator("#findings tbody tr td:nth-child(2)").allTextContents())[0]).toBe("+0.6");
    expect(await gain.getAttribute("aria-sort")).toBe("ascending");
    await page.locator('th[data-key="file"]').click();
    expect((await whereColumn()).at(-1)).toMatch(/^src\/orders\.ts:/);
  });

  it("is not blank on screen", async () => {
    const png = (await page.screenshot({ fullPage: false })).toString("base64");
    // Decode the screenshot in the page itself and count pixels that are not the white background.
    const inked = await page.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement("canvas");
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext("2d");
      if (!context) return -1;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      let count = 0;
      for (let index = 0; index < pixels.length; index += 4) {
        if ((pixels[index] ?? 255) < 200 || (pixels[index + 1] ?? 255) < 200 || (pixels[index + 2] ?? 255) < 200)
          count += 1;
      }
      return count / (image.width * image.height);
    }, png);
    // Text, bars and table lines ink a few percent of the screen; a blank or unstyled-error page inks ~0.
    expect(inked).toBeGreaterThan(0.02);
  });
});
