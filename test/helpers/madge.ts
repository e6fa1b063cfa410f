import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import madge from "madge";

/**
 * Madge's runtime cycles for a fixture, merged into groups (sorted file lists),
 * the way Groundwork reports them. Madge skips type imports here, and gets the
 * fixture's tsconfig with `baseUrl` set: madge applies `paths` only with a
 * `baseUrl`, which TypeScript itself no longer requires.
 */
export async function madgeGroups(root: string): Promise<string[][]> {
  const tsconfigPath = join(root, "tsconfig.json");
  const tsConfig = existsSync(tsconfigPath) ? withBaseUrl(tsconfigPath, root) : undefined;
  const result = await madge(join(root, "src"), {
    baseDir: root,
    fileExtensions: ["ts", "tsx", "js", "jsx", "mjs", "cjs"],
    tsConfig,
    detectiveOptions: { ts: { skipTypeImports: true }, tsx: { skipTypeImports: true } },
  });
  return mergeIntoGroups(result.circular());
}

function withBaseUrl(path: string, root: string): object {
  const parsed: { compilerOptions?: Record<string, unknown> } = JSON.parse(readFileSync(path, "utf8"));
  return { ...parsed, compilerOptions: { baseUrl: root, ...parsed.compilerOptions } };
}

function mergeIntoGroups(cycles: readonly string[][]): string[][] {
  const groups: Array<Set<string>> = [];
  for (const cycle of cycles) {
    const touching = groups.filter((group) => cycle.some((file) => group.has(file)));
    const merged = new Set([...cycle, ...touching.flatMap((group) => [...group])]);
    for (const group of touching) groups.splice(groups.indexOf(group), 1);
    groups.push(merged);
  }
  return groups
    .map((group) => [...group].sort())
    .sort((a, b) => b.length - a.length || (a[0] ?? "").localeCompare(b[0] ?? ""));
}
