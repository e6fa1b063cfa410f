import { posix } from "node:path";
import type { PackageFact } from "../context/packages.js";

/** Conditions in the order a source-level resolver prefers them. */
const CONDITIONS = ["source", "typescript", "types", "import", "module", "require", "node", "browser", "default"];
const CODE_EXTENSIONS = [".ts", ".tsx", ".mts", ".cts", ".js", ".jsx", ".mjs", ".cjs"];
const OUTPUT_DIRS = new Set(["dist", "lib", "build", "out", "esm", "cjs", "es", "module", "types", "dts"]);
const STRIP_EXTENSION = /(?:\.d)?\.(?:[cm]?[jt]sx?)$/;

/**
 * The repository's own packages, by package.json `name`, so that
 * `import "@acme/core"` resolves to `packages/core/src/index.ts` without
 * node_modules being installed. Targets in build output (`dist/index.js`) are
 * mapped back to the sources they are built from (`src/index.ts`).
 */
export class WorkspaceIndex {
  private readonly manifests = new Map<string, PackageFact>();
  private readonly byName = new Map<string, string>();

  constructor(
    packages: readonly PackageFact[],
    private readonly isKnownFile: (path: string) => boolean,
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

  private toSourceFile(dir: string, target: string): string | null {
    const relative = posix.normalize(target).replace(/^\.\//, "");
    const segments = relative.split("/");
    const candidates = [relative];
    if (segments.length > 1 && OUTPUT_DIRS.has(segments[0] ?? "")) {
      candidates.push(["src", ...segments.slice(1)].join("/"), segments.slice(1).join("/"));
    }
    for (const candidate of candidates) {
      const base = posix.join(dir, candidate);
      if (this.isKnownFile(base) && !/\.d\.[cm]?ts$/.test(base)) return base;
      const stem = base.replace(STRIP_EXTENSION, "");
      for (const extension of CODE_EXTENSIONS) if (this.isKnownFile(stem + extension)) return stem + extension;
      for (const extension of CODE_EXTENSIONS)
        if (this.isKnownFile(`${stem}/index${extension}`)) return `${stem}/index${extension}`;
    }
    return null;
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
