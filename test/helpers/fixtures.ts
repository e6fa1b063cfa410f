import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll } from "vitest";
import { analyze } from "../../src/engine/index.js";
import type { ScanResult } from "../../src/contract/result.js";

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Absolute path of a fixture folder. */
export function fixturePath(relative: string): string {
  return join(REPO_ROOT, "fixtures", relative);
}

const temporaryDirs: string[] = [];
afterAll(async () => {
  await Promise.all(temporaryDirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A fresh empty temporary directory, removed after the test file. */
export async function temporaryDir(prefix = "gw-test-"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  temporaryDirs.push(dir);
  return dir;
}

/** Copies a fixture to a temporary directory outside any git work tree, removed after the test file. */
export async function copyFixture(relative: string): Promise<string> {
  const dir = await temporaryDir();
  await cp(fixturePath(relative), dir, { recursive: true });
  return dir;
}

/** Scans a copy of a fixture with the given config object (defaults when omitted). */
export async function scanFixture(relative: string, config: unknown = {}): Promise<ScanResult> {
  return analyze({ root: await copyFixture(relative), config });
}

/** `file:line:column` of each finding of one rule, in report order. */
export function locationsOf(result: ScanResult, ruleId: string): string[] {
  return result.findings
    .filter((finding) => finding.ruleId === ruleId)
    .map((finding) => `${finding.file}:${finding.line}:${finding.column}`);
}

/** The findings of one rule. */
export function findingsOf(result: ScanResult, ruleId: string): ScanResult["findings"] {
  return result.findings.filter((finding) => finding.ruleId === ruleId);
}

/** A category of the result, by id. */
export function categoryOf<Id extends ScanResult["categories"][number]["id"]>(
  result: ScanResult,
  id: Id,
): Extract<ScanResult["categories"][number], { id: Id }> {
  const found = result.categories.find(
    (category): category is Extract<ScanResult["categories"][number], { id: Id }> => category.id === id,
  );
  if (!found) throw new Error(`no category ${id}`);
  return found;
}
