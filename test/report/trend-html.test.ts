import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inkedShare, launchBrowser } from "../helpers/browser.js";
import { runCliInProcess } from "../helpers/cli.js";
import { REPO_ROOT, temporaryDir } from "../helpers/fixtures.js";
import { buildTrendHistory, TREND_COMMITS } from "../helpers/trend-history.js";
import { yScale } from "../../src/report/trend/html.js";

let browser: Browser;
let page: Page;
let summary: string;
const requests: string[] = [];

// The scripted 14-commit history, plus one recorded point from 2026-07-01 under scoring model "0".
beforeAll(async () => {
  const { dir } = await buildTrendHistory();
  await mkdir(join(dir, ".groundwork"));
  const old = {
    commit: "0".repeat(40),
    date: "2026-07-01T12:00:00+00:00",
    scoringModel: "0",
    score: 20,
    level: 1,
    categories: { docs: 20 },
    metrics: {},
    branch: "main",
    scannedAt: "2026-07-01T12:00:00Z",
    tool: "0.0.1",
  };
  await writeFile(join(dir, ".groundwork/history.jsonl"), `${JSON.stringify(old)}\n`);
  const page_ = join(await temporaryDir(), "trend.html");
  const args = ["trend", dir, "--backfill", String(TREND_COMMITS)];
  const html = await runCliInProcess([...args, "--format", "html", "--output", page_], REPO_ROOT);
  expect(html.status).toBe(0);
  summary = (
    JSON.parse((await runCliInProcess([...args, "--format", "json"], REPO_ROOT)).stdout) as { summary: string }
  ).summary;
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  page.on("request", (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(page_).href);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe("trend HTML in a headless browser", () => {
  it("renders the summary and a chart per score, loading nothing but itself", async () => {
    expect(await page.locator("#summary").textContent()).toBe(`${summary.charAt(0).toUpperCase()}${summary.slice(1)}`);
    expect(await page.locator("figure.chart").count()).toBe(8);
    expect(await page.locator("figure.chart").first().getAttribute("data-id")).toBe("overall");
    expect(requests.filter((url) => !url.startsWith("file:"))).toEqual([]);
  });

  it("draws the 14 comparable points as one line and the older model's point apart, not joined to it", async () => {
    const docs = page.locator('figure.chart[data-id="docs"] .view[data-x="order"][data-y="fit"]');
    const comparable = await docs.locator("polyline.comparable").getAttribute("points");
    expect(comparable?.trim().split(" ")).toHaveLength(TREND_COMMITS);
    expect(await docs.locator("polyline.other").count()).toBe(1);
    expect(await docs.locator("circle.other").count()).toBe(1);
    expect(await docs.locator("circle.other title").textContent()).toBe(
      "2026-07-01 0000000000: 20.0 (scoring model 0, not comparable)",
    );
    expect(await page.locator(".note").textContent()).toMatch(/^\* scored under scoring model 0, not /);
  });

  it("lists every point, newest first, in the table", async () => {
    expect(await page.locator("#points tbody tr").count()).toBe(TREND_COMMITS + 1);
    expect(await page.locator("#points tbody tr").last().locator("td").first().textContent()).toBe("2026-07-01*");
  });

  it("is not blank on screen", async () => {
    expect(await inkedShare(page)).toBeGreaterThan(0.02);
  });

  it("spreads the points evenly in commit order by default, and by time when switched", async () => {
    const xs = async (): Promise<number[]> => {
      const view = page.locator('figure.chart[data-id="docs"] .view:visible');
      expect(await view.count()).toBe(1);
      return view
        .locator("circle")
        .evaluateAll((circles) => circles.map((circle) => Number(circle.getAttribute("cx"))));
    };
    // 15 points over the 300 px between the axes: 300 / 14 apart, the old model's point first.
    const order = await xs();
    expect(order).toHaveLength(TREND_COMMITS + 1);
    for (const [index, x] of order.entries()) expect(x).toBeCloseTo(30 + (index * 300) / 14, 0);
    await page.locator('input[name="x"][value="time"]').check();
    // By time: 2026-07-01, then one a day from 2026-08-01 to 2026-08-14, 44 days in all.
    const time = await xs();
    expect(time[0]).toBeCloseTo(30, 0);
    expect(time[1]).toBeCloseTo(30 + (31 * 300) / 44, 0);
    expect(time[2]).toBeCloseTo(30 + (32 * 300) / 44, 0);
    expect(time.at(-1)).toBeCloseTo(330, 0);
    await page.locator('input[name="x"][value="order"]').check();
  });

  it("fits the scale to the scores by default and shows 0-100 when switched", async () => {
    // The y labels stand left of the axis (x = 26); docs ran from 20 (the old model's point) to 100.
    const ticks = async (): Promise<string[]> =>
      page.locator('figure.chart[data-id="docs"] .view:visible text.axis[x="26"]').allTextContents();
    expect(await ticks()).toEqual(["20", "40", "60", "80", "100"]);
    await page.locator('input[name="y"][value="full"]').check();
    expect(await ticks()).toEqual(["0", "50", "100"]);
    await page.locator('input[name="y"][value="fit"]').check();
  });

  for (const width of [1400, 390, 320]) {
    it(`fits a ${width} px window without scrolling sideways, every chart whole on screen`, async () => {
      const narrow = await browser.newPage({ viewport: { width, height: 900 } });
      await narrow.goto(page.url());
      expect(await narrow.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
      const rights = await narrow
        .locator("figure.chart")
        .evaluateAll((figures) => figures.map((figure) => figure.getBoundingClientRect().right));
      expect(Math.max(...rights)).toBeLessThanOrEqual(width);
      expect(await inkedShare(narrow)).toBeGreaterThan(0.02);
      await narrow.close();
    });
  }
});

describe("the fitted y scale", () => {
  it("is 0-100 when asked, or with nothing to draw", () => {
    expect(yScale([40, 60], "full")).toEqual({ min: 0, max: 100, ticks: [0, 50, 100] });
    expect(yScale([], "fit")).toEqual({ min: 0, max: 100, ticks: [0, 50, 100] });
  });

  it("is at least 10 points wide on a round step around a flat line", () => {
    expect(yScale([77.6, 77.6], "fit")).toEqual({ min: 75, max: 80, ticks: [75, 80] });
    expect(yScale([80, 80], "fit")).toEqual({ min: 80, max: 85, ticks: [80, 85] });
  });

  it("takes the smallest step giving four intervals at most, kept within 0-100", () => {
    // 62-91: a span of 29, step 10 (29/5 > 4 with step 5), 60..100.
    expect(yScale([62, 91, 70], "fit")).toEqual({ min: 60, max: 100, ticks: [60, 70, 80, 90, 100] });
    // 20-100: a span of 80, step 20.
    expect(yScale([20, 100], "fit")).toEqual({ min: 20, max: 100, ticks: [20, 40, 60, 80, 100] });
    // 100 flat: no room above, so one step below.
    expect(yScale([100], "fit")).toEqual({ min: 95, max: 100, ticks: [95, 100] });
  });
});
