import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inkedShare, launchBrowser } from "../helpers/browser.js";
import { runCliInProcess } from "../helpers/cli.js";
import { REPO_ROOT, temporaryDir } from "../helpers/fixtures.js";
import { buildTrendHistory, TREND_COMMITS } from "../helpers/trend-history.js";

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
    const docs = page.locator('figure.chart[data-id="docs"]');
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
});
