/// <reference lib="dom" />
import { existsSync } from "node:fs";
import { chromium, type Browser, type Page } from "playwright-core";

// A Chromium-family browser (.ci/run finds or installs one and sets GROUNDWORK_CHROMIUM); Playwright's core
// drives it and downloads nothing.
const CHROMIUM = process.env.GROUNDWORK_CHROMIUM || "/usr/bin/chromium";

/** Starts the headless browser, or fails with what to install. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`no browser at ${CHROMIUM}: install chromium or set GROUNDWORK_CHROMIUM (.ci/run does)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
}

/**
 * The share of the visible screen's pixels that are not near-white, decoded
 * from a screenshot in the page itself: a blank or unstyled error page inks ~0.
 */
export async function inkedShare(page: Page): Promise<number> {
  const png = (await page.screenshot({ fullPage: false })).toString("base64");
  return page.evaluate(async (data) => {
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
}
