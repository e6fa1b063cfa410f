/**
 * The tree store of a commit series: two commits materialised at once share
 * their blobs. A blob one commit is still reading must be waited for by the
 * other, never read again: the second read reopened the blob's file for
 * writing, truncating the file the first commit's tree hard-links to while its
 * scan could be reading it (a backfill then gave one commit a torn a.ts: no
 * functions, hotspots 50 instead of 70, and its parse cached for the commits after).
 */
import { chmod, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { TreeStore } from "../../src/engine/snapshot.js";
import { temporaryDir } from "../helpers/fixtures.js";
import { commitAll, initRepo, writeFiles } from "../helpers/git.js";

const PATH = process.env.PATH;

afterEach(() => {
  process.env.PATH = PATH;
});

/** Puts a `git` first on PATH that appends what each `cat-file --batch` is asked for to `log`, then runs git. */
async function loggingGit(log: string): Promise<void> {
  const real = execFileSync("sh", ["-c", "command -v git"], { encoding: "utf8" }).trim();
  const bin = await temporaryDir();
  const script = `#!/bin/sh
for arg in "$@"; do
  if [ "$arg" = "cat-file" ]; then tee -a "${log}" | "${real}" "$@"; exit $?; fi
done
exec "${real}" "$@"
`;
  await writeFile(join(bin, "git"), script);
  await chmod(join(bin, "git"), 0o755);
  process.env.PATH = `${bin}:${PATH ?? ""}`;
}

describe("tree store", () => {
  it("reads each blob once when two commits that share it are materialised at once, and both trees hold it whole", async () => {
    const dir = await temporaryDir();
    initRepo(dir);
    // 40 files, each a distinct blob, new in commit 1; commit 2 changes one of them only.
    const files = Object.fromEntries(
      Array.from({ length: 40 }, (_, index) => [
        `src/m${index}.ts`,
        `export const m${index} = ${"1 + ".repeat(200)}1;\n`,
      ]),
    );
    await writeFiles(dir, files);
    const first = commitAll(dir, "one", "2026-01-01T12:00:00Z");
    await writeFile(join(dir, "src/m0.ts"), "export const m0 = 0;\n");
    const second = commitAll(dir, "two", "2026-01-02T12:00:00Z");
    const log = join(await temporaryDir(), "requests.log");
    await writeFile(log, "");
    await loggingGit(log);

    const store = TreeStore.open(dir);
    try {
      const [a, b] = await Promise.all([store.materialize(first), store.materialize(second)]);
      const requested = (await readFile(log, "utf8")).split("\n").filter(Boolean);
      // 40 blobs of commit 1 and the new m0.ts of commit 2: 41, each asked for once.
      expect(requested).toHaveLength(41);
      expect(new Set(requested).size).toBe(41);
      expect(await readFile(join(a.dir, "src/m1.ts"), "utf8")).toBe(files["src/m1.ts"]);
      expect(await readFile(join(b.dir, "src/m1.ts"), "utf8")).toBe(files["src/m1.ts"]);
      expect(await readFile(join(b.dir, "src/m0.ts"), "utf8")).toBe("export const m0 = 0;\n");
    } finally {
      await store.dispose();
    }
  });
});
