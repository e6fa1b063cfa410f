import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { copyFixture } from "./fixtures.js";
import { commitAll, initRepo } from "./git.js";

/** Commits of the scripted history, one a day from 2026-08-01. */
export const TREND_COMMITS = 14;

/**
 * Builds fixtures/trend/docs-and-cycle into a repository of 14 commits, one a
 * day from 2026-08-01 (commit n on 2026-08-n), with facts known by construction:
 * - 5 exported symbols throughout; 2 documented (b.ts `double`, c.ts `REVISION`)
 *   in commits 1–4, and 5 from commit 5 on, when a.ts's three exports get doc comments;
 * - src/a.ts imports src/b.ts throughout; src/b.ts imports src/a.ts in commits
 *   8–11 only, so a 2-file cycle exists exactly in commits 8–11;
 * - every commit bumps REVISION in src/c.ts.
 * Returns the repository and its commit ids, oldest first.
 */
export async function buildTrendHistory(): Promise<{ dir: string; commits: string[] }> {
  const dir = await copyFixture("trend/docs-and-cycle");
  initRepo(dir);
  const commits = [commitAll(dir, "commit 1", date(1))];
  for (let commit = 2; commit <= TREND_COMMITS; commit += 1) {
    await edit(dir, "src/c.ts", (text) => text.replace(/REVISION = \d+/, `REVISION = ${commit}`));
    if (commit === 5) {
      await edit(dir, "src/a.ts", (text) =>
        text
          .replace("export function total", "/** Sums the values. */\nexport function total")
          .replace("export function twice", "/** Doubles a value. */\nexport function twice")
          .replace("export function half", "/** Halves a value. */\nexport function half"),
      );
    }
    if (commit === 8) {
      await edit(
        dir,
        "src/b.ts",
        (text) => `import { half } from "./a.js";\n\n${text.replace("return value * 2;", "return half(value * 4);")}`,
      );
    }
    if (commit === 12) {
      await edit(dir, "src/b.ts", (text) =>
        text.replace(`import { half } from "./a.js";\n\n`, "").replace("return half(value * 4);", "return value * 2;"),
      );
    }
    commits.push(commitAll(dir, `commit ${commit}`, date(commit)));
  }
  return { dir, commits };
}

function date(day: number): string {
  return `2026-08-${String(day).padStart(2, "0")}T12:00:00Z`;
}

async function edit(dir: string, path: string, change: (text: string) => string): Promise<void> {
  const file = join(dir, path);
  await writeFile(file, change(await readFile(file, "utf8")));
}
