/**
 * A size limit for parsing is not a limit for existing: a lockfile, CI file or
 * config larger than `maxFileSize` is still found (it is looked up, not parsed),
 * while a source file over the limit is still skipped for parsing.
 */
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { discover } from "../../src/discover/index.js";
import { analyze } from "../../src/engine/index.js";
import { copyFixture } from "../helpers/fixtures.js";

const MiB = 1024 * 1024;
const DEFAULTS = { ignore: [], classify: {}, maxFileSize: MiB };

/** A pnpm lockfile of one package entry per line, just over `bytes` long. */
function pnpmLock(bytes: number): string {
  let text = "lockfileVersion: '9.0'\n\npackages:\n\n";
  for (let index = 0; text.length < bytes; index += 1) text += `  dep-${index}@1.0.${index}: {}\n`;
  return text;
}

async function repoWithLargeFiles(): Promise<{ dir: string; lockSize: number; sourceSize: number }> {
  const dir = await copyFixture("discover/large-lockfile");
  const lock = pnpmLock(1.5 * MiB);
  const source = `export const big = "${"x".repeat(1.2 * MiB)}";\n`;
  await writeFile(join(dir, "pnpm-lock.yaml"), lock);
  await writeFile(join(dir, "src/huge.ts"), source);
  return { dir, lockSize: Buffer.byteLength(lock), sourceSize: Buffer.byteLength(source) };
}

describe("discover: files larger than maxFileSize", () => {
  it("keeps a lockfile over the limit, with its size, and skips a source file over it as too large", async () => {
    const { dir, lockSize, sourceSize } = await repoWithLargeFiles();
    expect(lockSize).toBeGreaterThan(MiB);
    const inventory = await discover(dir, DEFAULTS);
    expect(inventory.files.find((file) => file.path === "pnpm-lock.yaml")).toMatchObject({
      kind: "config",
      size: lockSize,
    });
    expect(inventory.skipped).toEqual([{ path: "src/huge.ts", reason: "too-large", detail: `${sourceSize} bytes` }]);
  });

  it("a scan finds the large lockfile (no 'There is no lockfile'); without it, the finding is there", async () => {
    const { dir, sourceSize } = await repoWithLargeFiles();
    const withLock = await analyze({ root: dir, config: {} });
    expect(withLock.files.skippedFiles).toEqual([
      { path: "src/huge.ts", reason: "too-large", detail: `${sourceSize} bytes` },
    ]);
    const lockfileFindings = (result: typeof withLock) =>
      result.findings
        .filter((finding) => finding.ruleId === "context/feedback-loop" && finding.message === "There is no lockfile")
        .map((finding) => [finding.file, finding.line]);
    expect(lockfileFindings(withLock)).toEqual([]);

    await rm(join(dir, "pnpm-lock.yaml"));
    const withoutLock = await analyze({ root: dir, config: {} });
    expect(lockfileFindings(withoutLock)).toEqual([["package.json", 1]]);
  });
});
