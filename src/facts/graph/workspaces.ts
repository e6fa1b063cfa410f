import { posix } from "node:path";
import type { PackageFact } from "../context/packages.js";

/** Conditions in the order a source-level resolver prefers them. */
const CONDITIONS = ["source", "typescript", "types", "import", "module", "require", "node", "browser", "default"];
const CODE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
const OUTPUT_DIRS = new Set(["dist", "lib", "build", "out", "esm", "cjs", "es", "module", "types", "dts"]);
const STRIP_EXTENSION = /(?:\.d)?\.(?:[cm]?[jt]sx?)$/;
const CODE_FILE = /\.(?:[cm]?[jt]sx?)$/;
const TEST_FILE = /[.-](?:test|spec)\.[cm]?[jt]sx?$|(?:^|\/)__tests__\//;

/** What the resolver can tell of how a package is built, to map its build output back to sources. */
export interface BuildInfo {
  /** Repo-relative files under a package folder (for basename matches under `src/`). */
  filesUnder(dir: string): readonly string[];
  /** `outDir` → `rootDir` pairs of the package's tsconfig files, relative to the package. */
  outputRoots(dir: string): ReadonlyArray<{ outDir: string; rootDir: string }>;
  /** Source files a bundler config of the package names as entries (tsdown, tsup, rollup, vite, unbuild), repo-relative. */
  bundlerEntries(dir: string): readonly string[];
}

const NO_BUILD_INFO: BuildInfo = { filesUnder: () => [], outputRoots: () => [], bundlerEntries: () => [] };

/**
 * The repository's own packages, by package.json `name`, so that
 * `import "@acme/core"` resolves to `packages/core/src/index.ts` without
 * node_modules being installed. Targets in build output are mapped back to
 * the sources they are built from, in this order: the same path under `src/`
 * or the package root (`dist/index.js` → `src/index.ts`); the tsconfig's
 * `outDir` → `rootDir`; a bundler entry of the same name (`dist/codec.mjs` →
 * `src/exports/codec.ts`, listed in tsdown.config.ts); one file of that name
 * under `src/`, when there is exactly one.
 */
export class WorkspaceIndex {
  private readonly manifests = new Map<string, PackageFact>();
  private readonly byName = new Map<string, string>();
  private readonly sourcesByStem = new Map<string, Map<string, string[]>>();
  private readonly entryStems = new Map<string, Map<string, string[]>>();

  constructor(
    packages: readonly PackageFact[],
    private readonly isKnownFile: (path: string) => boolean,
    private readonly build: BuildInfo = NO_BUILD_INFO,
  ) {
    for (const manifest of packages) {
      this.manifests.set(manifest.dir, manifest);
      if (manifest.name && !this.byName.has(manifest.name)) this.byName.set(manifest.name, manifest.dir);
    }
  }

  /** The nearest package.json `type` for a repo-relative directory. */
  packageType(dir: string): string | null {
    for (let current = dir; ; current = parentOf(current)) {
      const manifest = this.manifests.get(current);
      if (manifest) return manifest.type;
      if (current === "") return null;
    }
  }

  /**
   * Resolves a bare specifier naming a workspace package: the repo-relative
   * file, null when the package is ours but the file is not found, undefined
   * when no workspace package has that name.
   */
  resolve(specifier: string): string | null | undefined {
    const name = packageName(specifier);
    const dir = name === null ? undefined : this.byName.get(name);
    if (dir === undefined || name === null) return undefined;
    const manifest = this.manifests.get(dir);
    if (!manifest) return undefined;
    const subpath = `.${specifier.slice(name.length)}`;
    const targets =
      manifest.exports !== undefined && manifest.exports !== null ? exportTargets(manifest.exports, subpath) : [];
    if (targets.length === 0 && subpath === ".") targets.push(...manifest.entryPoints, "src/index", "index");
    if (targets.length === 0) targets.push(subpath);
    for (const target of targets) {
      const found = this.toSourceFile(dir, target);
      if (found) return found;
    }
    return null;
  }

  /**
   * The source a path in a package's build output is built from (`bin/cli.js`
   * importing `../dist/cli/index.js` → `src/cli/index.ts`), or null when the path
   * is not in build output or no source is found.
   */
  sourceOfOutput(path: string): string | null {
    for (let dir = parentOf(path); ; dir = parentOf(dir)) {
      if (this.manifests.has(dir)) {
        const relative = dir === "" ? path : path.slice(dir.length + 1);
        const first = relative.split("/")[0] ?? "";
        const isOutput =
          OUTPUT_DIRS.has(first) || this.build.outputRoots(dir).some(({ outDir }) => relative.startsWith(`${outDir}/`));
        return isOutput ? this.toSourceFile(dir, relative) : null;
      }
      if (dir === "") return null;
    }
  }

  private toSourceFile(dir: string, target: string): string | null {
    const relative = posix.normalize(target).replace(/^\.\//, "");
    const segments = relative.split("/");
    const candidates = [relative];
    const isOutput = segments.length > 1 && OUTPUT_DIRS.has(segments[0] ?? "");
    if (isOutput) candidates.push(["src", ...segments.slice(1)].join("/"), segments.slice(1).join("/"));
    for (const { outDir, rootDir } of this.build.outputRoots(dir)) {
      const prefix = outDir === "" || outDir === "." ? "" : `${outDir.replace(/\/$/, "")}/`;
      if (prefix !== "" && relative.startsWith(prefix)) {
        candidates.push(posix.join(rootDir, relative.slice(prefix.length)));
      }
    }
    for (const candidate of candidates) {
      const found = this.codeFileAt(posix.join(dir, candidate));
      if (found) return found;
    }
    if (!isOutput && !this.build.outputRoots(dir).some(({ outDir }) => relative.startsWith(`${outDir}/`))) return null;
    // Build output named after its entry: `dist/codec.mjs` is built from the one entry (or source) called codec.
    const stem = posix.basename(relative).replace(STRIP_EXTENSION, "");
    const entries = this.stemIndex(this.entryStems, dir, () => this.build.bundlerEntries(dir)).get(stem) ?? [];
    if (entries.length === 1 && entries[0] !== undefined) return entries[0];
    if (stem === "index") return null;
    const sources =
      this.stemIndex(this.sourcesByStem, dir, () =>
        this.build.filesUnder(dir).filter((path) => path.startsWith(dir === "" ? "src/" : `${dir}/src/`)),
      ).get(stem) ?? [];
    return sources.length === 1 && sources[0] !== undefined ? sources[0] : null;
  }

  /** A code file at `base`: itself, another extension of it, or its folder's index. */
  private codeFileAt(base: string): string | null {
    if (this.isKnownFile(base) && !/\.d\.[cm]?ts$/.test(base)) return base;
    const stem = base.replace(STRIP_EXTENSION, "");
    for (const extension of CODE_EXTENSIONS) if (this.isKnownFile(stem + extension)) return stem + extension;
    for (const extension of CODE_EXTENSIONS)
      if (this.isKnownFile(`${stem}/index${extension}`)) return `${stem}/index${extension}`;
    return null;
  }

  /** Code files by their name without extension, per package, built on first use. */
  private stemIndex(
    cache: Map<string, Map<string, string[]>>,
    dir: string,
    list: () => readonly string[],
  ): Map<string, string[]> {
    let index = cache.get(dir);
    if (!index) {
      index = new Map();
      for (const path of list()) {
        if (!CODE_FILE.test(path) || /\.d\.[cm]?ts$/.test(path) || TEST_FILE.test(path)) continue;
        const stem = posix.basename(path).replace(STRIP_EXTENSION, "");
        const paths = index.get(stem) ?? [];
        paths.push(path);
        index.set(stem, paths);
      }
      cache.set(dir, index);
    }
    return index;
  }
}

function parentOf(dir: string): string {
  const parent = posix.dirname(dir);
  return parent === "." ? "" : parent;
}

/** `@scope/name/sub` → `@scope/name`; `name/sub` → `name`; null for relative or absolute specifiers. */
export function packageName(specifier: string): string | null {
  if (specifier.startsWith(".") || specifier.startsWith("/")) return null;
  const parts = specifier.split("/");
  if (specifier.startsWith("@")) return parts.length >= 2 ? `${parts[0]}/${parts[1]}` : null;
  return parts[0] ?? null;
}

/** Candidate targets of a package.json `exports` field for one subpath, in preference order. */
export function exportTargets(exportsField: unknown, subpath: string): string[] {
  const map = isSubpathMap(exportsField) ? exportsField : { ".": exportsField };
  const exact = Object.entries(map).find(([key]) => key === subpath);
  if (exact) return conditionTargets(exact[1]);
  for (const [key, value] of Object.entries(map)) {
    const star = key.indexOf("*");
    if (star === -1) continue;
    const prefix = key.slice(0, star);
    const suffix = key.slice(star + 1);
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
      const matched = subpath.slice(prefix.length, subpath.length - suffix.length);
      return conditionTargets(value).map((target) => target.split("*").join(matched));
    }
  }
  return [];
}

function isSubpathMap(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Object.keys(value).some((key) => key.startsWith("."))
  );
}

function conditionTargets(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(conditionTargets);
  if (typeof value !== "object" || value === null) return [];
  const entries = Object.entries(value);
  const rank = (condition: string): number => {
    const index = CONDITIONS.indexOf(condition);
    return index === -1 ? CONDITIONS.length : index;
  };
  return entries.sort(([a], [b]) => rank(a) - rank(b)).flatMap(([, target]) => conditionTargets(target));
}
