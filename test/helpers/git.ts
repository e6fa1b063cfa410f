import { execFileSync } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

const FIXED_ENV = {
  GIT_AUTHOR_NAME: "Fixture Author",
  GIT_AUTHOR_EMAIL: "author@example.com",
  GIT_COMMITTER_NAME: "Fixture Author",
  GIT_COMMITTER_EMAIL: "author@example.com",
  GIT_CONFIG_NOSYSTEM: "1",
  GIT_CONFIG_GLOBAL: "/dev/null",
};

/** Runs git in `dir` with a fixed identity and no user or system config; returns stdout. */
export function git(dir: string, args: readonly string[], date = "2026-01-01T12:00:00Z", author?: string): string {
  const identity = author ? { GIT_AUTHOR_NAME: author, GIT_AUTHOR_EMAIL: `${author.toLowerCase()}@example.com` } : {};
  return execFileSync("git", args, {
    cwd: dir,
    env: { ...process.env, ...FIXED_ENV, ...identity, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    encoding: "utf8",
  });
}

/** Writes files (path → content) under `dir`, creating folders. */
export async function writeFiles(dir: string, files: Readonly<Record<string, string | Buffer>>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    const target = join(dir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

/** Initialises a repository on branch main in `dir`. */
export function initRepo(dir: string): void {
  git(dir, ["init", "--quiet", "--initial-branch=main"]);
}

/** Stages everything and commits; returns the new HEAD. */
export function commitAll(dir: string, message: string, date?: string, author?: string): string {
  git(dir, ["add", "--all"], date);
  git(dir, ["commit", "--quiet", "--allow-empty", "-m", message], date, author);
  return git(dir, ["rev-parse", "HEAD"]).trim();
}
