import { createHash } from "node:crypto";
import { readdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { TOOL_VERSION } from "../version.js";

let pending: Promise<string> | null = null;

/**
 * Identifies this build of Groundwork: its version and a hash of its own code
 * files' names, sizes and modification times (src/ and rules/, built or not).
 * Facts cached by another build, even one with the same version number, are
 * never read back.
 */
export function buildId(): Promise<string> {
  pending ??= hashCode();
  return pending;
}

async function hashCode(): Promise<string> {
  // This file is src/cache/build.{ts,js}: the code's root is two folders up.
  const root = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
  const hash = createHash("sha1").update(TOOL_VERSION);
  for (const folder of ["src", "rules"]) {
    const files = await listCode(join(root, folder));
    const stats = await Promise.all(files.sort().map((file) => stat(file)));
    files.forEach((file, index) => hash.update(`${file}\0${stats[index]?.size}\0${stats[index]?.mtimeMs}\0`));
  }
  return `${TOOL_VERSION}+${hash.digest("hex").slice(0, 16)}`;
}

async function listCode(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && /\.(js|ts)$/.test(entry.name) && !entry.name.endsWith(".d.ts"))
    .map((entry) => join(entry.parentPath, entry.name));
}
