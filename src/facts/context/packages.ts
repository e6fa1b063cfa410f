/**
 * The packages fact: every package.json of the repository (node_modules
 * excluded), read once: names and entry points for the import graph, scripts
 * and dependencies for the tests and context categories.
 */
import { managerFieldProblem, type ManagerField } from "./manager.js";
import { describeReadProblem, READ_LIMITS, readBoundedText } from "../../read.js";

/** What the scan keeps of one package.json. */
export interface PackageFact {
  /** Repo-relative directory ("" for the root). */
  dir: string;
  name: string | null;
  description: string | null;
  /** `type` field: "module", "commonjs" or null. */
  type: string | null;
  isPrivate: boolean;
  exports: unknown;
  /** `source`, `module`, `main`, `types`, `typings`, in that order, where present. */
  entryPoints: string[];
  scripts: Record<string, string>;
  /** Names of dependencies of every kind. */
  dependencies: string[];
  /** Names of the binaries the package provides (`bin`). */
  bins: string[];
  /** The file each binary runs, relative to the package folder (`bin` values). */
  binFiles: Record<string, string>;
  /** Top-level keys (to find tool configs kept in package.json: `jest`, `eslintConfig`, `prettier`, `xo`). */
  keys: string[];
  /** 1-based line of the `"scripts"` key, or 1. */
  scriptsLine: number;
  /** The `packageManager` field (Corepack's `pnpm@10.33.1`) as written, with its line; null when absent. */
  packageManager: ManagerField | null;
}

/** The packages of the repository, and the package.json files that could not be read. */
export interface PackagesFact {
  packages: PackageFact[];
  warnings: string[];
}

/** Reads the package.json of each package root. */
export async function readPackages(
  root: string,
  packageRoots: readonly string[],
  knownFiles: ReadonlySet<string>,
): Promise<PackagesFact> {
  const packages: PackageFact[] = [];
  const warnings: string[] = [];
  for (const dir of packageRoots) {
    const path = dir === "" ? "package.json" : `${dir}/package.json`;
    if (!knownFiles.has(path)) continue;
    const read = readBoundedText(root, path, READ_LIMITS.config);
    if (!read.ok) {
      warnings.push(`${path}: ${describeReadProblem(read)}; the package is left out`);
      continue;
    }
    const text = read.text;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch {
      warnings.push(`${path}: invalid JSON; the package is left out`);
      continue;
    }
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      warnings.push(`${path}: not a JSON object; the package is left out`);
      continue;
    }
    const pkg = toPackage(dir, parsed, text);
    const problem = dir === "" ? managerFieldProblem(pkg.packageManager) : null;
    if (problem) warnings.push(problem);
    packages.push(pkg);
  }
  return { packages, warnings };
}

function toPackage(dir: string, manifest: object, text: string): PackageFact {
  const get = (key: string): unknown => (Object.hasOwn(manifest, key) ? Reflect.get(manifest, key) : undefined);
  const text1 = (key: string): string | null => {
    const value = get(key);
    return typeof value === "string" ? value : null;
  };
  const scriptsLine = text.slice(0, Math.max(0, text.indexOf('"scripts"'))).split("\n").length;
  return {
    dir,
    name: text1("name"),
    description: text1("description"),
    type: text1("type"),
    isPrivate: get("private") === true,
    exports: get("exports"),
    entryPoints: ["source", "module", "main", "types", "typings"].flatMap((key) => text1(key) ?? []),
    scripts: stringRecord(get("scripts")),
    dependencies: ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"].flatMap((key) =>
      Object.keys(stringRecord(get(key))),
    ),
    bins: binNames(get("bin"), text1("name")),
    binFiles: binFiles(get("bin"), text1("name")),
    keys: Object.keys(manifest),
    scriptsLine: text.includes('"scripts"') ? scriptsLine : 1,
    packageManager: managerField(text1("packageManager"), text),
  };
}

function managerField(spec: string | null, text: string): ManagerField | null {
  if (spec === null) return null;
  return { spec, line: text.slice(0, Math.max(0, text.indexOf('"packageManager"'))).split("\n").length };
}

function binNames(bin: unknown, name: string | null): string[] {
  if (typeof bin === "string") return name ? [name.replace(/^@[^/]+\//, "")] : [];
  return Object.keys(stringRecord(bin));
}

function binFiles(bin: unknown, name: string | null): Record<string, string> {
  const entries = typeof bin === "string" ? (name ? { [name.replace(/^@[^/]+\//, "")]: bin } : {}) : stringRecord(bin);
  return Object.fromEntries(Object.entries(entries).map(([command, file]) => [command, file.replace(/^\.\//, "")]));
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}
