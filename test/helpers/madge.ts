import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import madge from "madge";

/**
 * The cycle groups of madge's dependency graph for a fixture (madge skipping
 * type imports): sets of files that reach each other, found by plain
 * reachability, independent of Groundwork's Tarjan. Madge's own `circular()`
 * list is not used: it reports a subset of the loops (on rxjs 7.8.2 it leaves
 * two files of a ten-file group out), while its graph has them all.
 *
 * Madge gets the fixture's tsconfig with `baseUrl` set: madge applies `paths`
 * only with a `baseUrl`, which TypeScript itself no longer requires.
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
  return mutuallyReachable(result.obj());
}

function withBaseUrl(path: string, root: string): object {
  const parsed: { compilerOptions?: Record<string, unknown> } = JSON.parse(readFileSync(path, "utf8"));
  return { ...parsed, compilerOptions: { baseUrl: root, ...parsed.compilerOptions } };
}

function mutuallyReachable(graph: Readonly<Record<string, readonly string[]>>): string[][] {
  const reach = (start: string): Set<string> => {
    const seen = new Set([start]);
    const pending = [start];
    for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
      for (const target of graph[next] ?? []) {
        if (!seen.has(target)) {
          seen.add(target);
          pending.push(target);
        }
      }
    }
    return seen;
  };
  const reachable = new Map(Object.keys(graph).map((file) => [file, reach(file)]));
  const grouped = new Set<string>();
  const groups: string[][] = [];
  for (const file of Object.keys(graph).sort()) {
    if (grouped.has(file)) continue;
    const group = [...(reachable.get(file) ?? [])].filter((other) => reachable.get(other)?.has(file)).sort();
    group.forEach((member) => grouped.add(member));
    if (group.length > 1) groups.push(group);
  }
  return groups.sort((a, b) => b.length - a.length || (a[0] ?? "").localeCompare(b[0] ?? ""));
}
