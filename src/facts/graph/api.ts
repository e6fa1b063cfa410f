/**
 * A package's public API: what its package.json entries export, followed
 * through re-exports to the modules that declare it. A module of a package with
 * entries that no entry reaches is internal: its exports are what the package's
 * own code imports.
 */
import type { PackageFact } from "../context/packages.js";
import type { GraphEdge, PackageApi, PublicExports } from "./types.js";
import { isRecord } from "../../guards.js";

/** What the API needs of the resolver: the module a package specifier leads to. */
export interface EntryResolver {
  packageEntry(specifier: string): string | null;
}

/**
 * The packages whose public API is known, and the names each module of them
 * exports publicly. A package's API is known when it has a name, names its
 * entries (`exports` subpaths, else `main`/`module`/`types`/`source`), none of
 * them is a `*` pattern over code, and every entry leads to a parsed module.
 * Otherwise (an app, a package built by a script) every export counts as public.
 */
export function findPublicApi(
  packages: readonly PackageFact[],
  edges: readonly GraphEdge[],
  exportNames: ReadonlyMap<string, ReadonlySet<string>>,
  resolver: EntryResolver,
): { packages: PackageApi[]; modules: PublicExports[] } {
  const known: PackageApi[] = [];
  for (const pkg of packages) {
    const subpaths = entrySubpaths(pkg);
    if (pkg.name === null || subpaths === null || subpaths.length === 0) continue;
    const entries = subpaths.map((subpath) => resolver.packageEntry(pkg.name + subpath.slice(1)));
    const found = entries.filter((entry): entry is string => entry !== null);
    if (found.length < entries.length) continue;
    known.push({ dir: pkg.dir, entries: [...new Set(found)].sort() });
  }
  const reexports = new Map<string, GraphEdge[]>();
  for (const edge of edges) {
    if (edge.kind !== "reexport" && edge.kind !== "static") continue;
    const list = reexports.get(edge.from) ?? [];
    list.push(edge);
    reexports.set(edge.from, list);
  }
  const everything = new Set<string>();
  const some = new Map<string, Set<string>>();
  const queue: string[] = [];
  const markAll = (path: string) => {
    if (everything.has(path)) return;
    everything.add(path);
    queue.push(path);
  };
  const markName = (path: string, name: string) => {
    if (everything.has(path)) return;
    const names = some.get(path) ?? new Set<string>();
    if (names.has(name)) return;
    names.add(name);
    some.set(path, names);
    queue.push(path);
  };
  for (const { entries } of known) for (const entry of entries) markAll(entry);
  for (let path = queue.pop(); path !== undefined; path = queue.pop()) {
    const exported = exportNames.get(path) ?? new Set<string>();
    for (const edge of reexports.get(path) ?? []) {
      if (edge.kind === "reexport") {
        if (edge.names.includes("*")) markAll(edge.to);
        else for (const name of edge.names) markName(edge.to, name);
      } else {
        // `import { x } from "./x"; export { x }`: an imported binding the module exports again.
        for (const name of edge.names)
          if (name !== "*" && name !== "default" && exported.has(name)) markName(edge.to, name);
      }
    }
  }
  const modules: PublicExports[] = [
    ...[...everything].map((path) => ({ path, names: "*" as const })),
    ...[...some].filter(([path]) => !everything.has(path)).map(([path, names]) => ({ path, names: [...names].sort() })),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { packages: known.sort((a, b) => (a.dir < b.dir ? -1 : 1)), modules };
}

/** The subpaths a package exports (`.`, `./server`), or null when one is a pattern over code. */
function entrySubpaths(pkg: PackageFact): string[] | null {
  const field = pkg.exports;
  if (field === undefined || field === null) return pkg.entryPoints.length > 0 ? ["."] : [];
  if (!isRecord(field)) return ["."];
  const keys = Object.keys(field);
  if (!keys.some((key) => key.startsWith("."))) return ["."];
  const subpaths: string[] = [];
  for (const key of keys) {
    if (!key.startsWith(".") || /\.(?:json|css|scss|wasm|svg|png)$/.test(key) || key === "./package.json") continue;
    if (key.includes("*")) {
      // `"./locale/*": "./dist/locale/*.json"` exposes data; over code, every module may be public.
      const targets = JSON.stringify(field[key]);
      if (/\.json"|\.css"/.test(targets) && !/\.[cm]?[jt]sx?"/.test(targets)) continue;
      return null;
    }
    const value = field[key];
    if (value === null) continue; // `"./internal/*": null` hides a subpath
    subpaths.push(key);
  }
  return subpaths;
}
