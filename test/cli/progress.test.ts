import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createProgress } from "../../src/cli/progress.js";

function terminal(isTTY: boolean): { stream: PassThrough & { isTTY: boolean; columns: number }; text: () => string } {
  const stream = Object.assign(new PassThrough(), { isTTY, columns: 100 });
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

describe("the progress bar", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("appears on a terminal once the work has lasted a second, and is cleared at the end", () => {
    vi.useFakeTimers({ toFake: ["performance", "setTimeout", "setInterval", "Date"] });
    const { stream, text } = terminal(true);
    const progress = createProgress(stream, {});
    progress.update("parsing files", 10, 100);
    expect(text()).toBe("");
    vi.advanceTimersByTime(1500);
    progress.update("parsing files", 40, 100);
    expect(text()).toContain("groundwork: parsing files [");
    expect(text()).toContain("40/100");
    progress.stop();
    // Cleared: the last thing written erases the line.
    // eslint-disable-next-line no-control-regex -- the terminal's erase-line sequence is what is checked
    expect(text()).toMatch(/\u001b\[2K$/);
  });

  it("is silent when the work ends within a second", () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    const { stream, text } = terminal(true);
    const progress = createProgress(stream, {});
    progress.update("parsing files", 50, 100);
    progress.update("parsing files", 100, 100);
    vi.advanceTimersByTime(1500);
    progress.update("parsing files", 100, 100);
    progress.stop();
    expect(text()).toBe("");
  });

  it("is silent when stderr is not a terminal, and with --quiet", () => {
    vi.useFakeTimers({ toFake: ["performance"] });
    for (const [isTTY, quiet] of [
      [false, false],
      [true, true],
    ] as const) {
      const { stream, text } = terminal(isTTY);
      const progress = createProgress(stream, { quiet });
      vi.advanceTimersByTime(1500);
      progress.update("parsing files", 40, 100);
      progress.stop();
      expect(text()).toBe("");
    }
  });
});
