import { readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { isAbsolute, join, posix, relative, sep } from "node:path";
import ts from "#typescript";
import type { PackageFact } from "../context/packages.js";
import type { ImportKind } from "../modules/index.js";
import { TsconfigIndex, TsconfigReader } from "../tsconfig/index.js";
import { WorkspaceIndex } from "./workspaces.js";

/** Where an import specifier leads. */
export type Resolution =
  | { kind: "internal"; path: string }
  | { kind: "external" }
  /** A file of the repository that is not a parsed module: JSON, styles, images, declarations. */
  | { kind: "non-module" }
  | { kind: "unresolved" };

const BUILTINS = new Set(builtinModules);
const ASSET =
  /\.(?:css|scss|sass|less|styl|svg|png|jpe?g|gif|webp|avif|ico|bmp|json|jsonc|json5|ya?ml|toml|md|mdx|txt|html?|vue|svelte|astro|graphql|gql|wasm|woff2?|ttf|otf|eot|mp3|mp4|webm|wav|csv|xml|node)(?:\?.*)?$/i;
const DECLARATION = /\.d\.[cm]?ts$/;
const JS_SIBLINGS = [".js", ".mjs", ".cjs", ".jsx"];

/** What the resolver knows of the repository. */
export interface ResolverInput {
  root: string;
  /** Every listed file (kept or skipped), repo-relative. */
  allFiles: readonly string[];
  /** Parsed modules: the graph's nodes. */
  modules: ReadonlySet<string>;
  packages: readonly PackageFact[];
}

/**
 * Resolves import specifiers with TypeScript's own module resolver, per the
 * nearest tsconfig (`paths`, `baseUrl`, `moduleResolution`, `.js` → `.ts`),
 * then the repository's workspace packages. It only ever looks at the files
 * of the repository, never at node_modules: a bare specifier that is neither
 * an alias nor a workspace package is external, whether or not it is
 * installed. Results are cached per tsconfig, directory and specifier.
 */
export class ImportResolver {
  private readonly files: Set<string>;
  private readonly directories = new Set<string>();
  private readonly tsconfigs: TsconfigIndex;
  private readonly workspaces: WorkspaceIndex;
  private readonly host: ts.ModuleResolutionHost;
  private readonly tsCaches = new Map<string, ts.ModuleResolutionCache>();
  private readonly cache = new Map<string, Resolution>();

  constructor(private readonly input: ResolverInput) {
    this.files = new Set(input.allFiles.map((path) => join(input.root, path)));
    for (const path of input.allFiles) {
      for (
        let dir = posix.dirname(path);
        dir !== "." && !this.directories.has(join(input.root, dir));
        dir = posix.dirname(dir)
      ) {
        this.directories.add(join(input.root, dir));
      }
    }
    this.directories.add(input.root);
    const known = new Set(input.allFiles);
    this.tsconfigs = new TsconfigIndex(
      new TsconfigReader(input.root, input.packages),
      input.allFiles.filter((path) => /(?:^|\/)(?:ts|js)config\.json$/.test(path)),
    );
    this.workspaces = new WorkspaceIndex(input.packages, (path) => known.has(path));
    this.host = {
      fileExists: (path) => this.files.has(path),
      // TypeScript asks for `dir/` when resolving `'.'`, `'./'`, `'..'` or `'../'`: the set holds `dir`.
      directoryExists: (path) => this.directories.has(withoutTrailingSlash(path)),
      readFile: (path) => (this.files.has(path) ? readText(path) : undefined),
      getCurrentDirectory: () => input.root,
      realpath: (path) => path,
      useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    };
  }

  /** Problems met reading tsconfig files. */
  get warnings(): string[] {
    return this.tsconfigs.warnings;
  }

  /** Resolves `specifier` imported by repo-relative `from`. */
  resolve(from: string, specifier: string, kind: ImportKind): Resolution {
    if (specifier.startsWith("node:") || BUILTINS.has(specifier) || BUILTINS.has(specifier.split("/")[0] ?? "")) {
      return { kind: "external" };
    }
    if (ASSET.test(specifier)) return { kind: "non-module" };
    const dir = posix.dirname(from) === "." ? "" : posix.dirname(from);
    const config = this.tsconfigs.optionsFor(dir);
    const mode = this.resolutionMode(from, dir, kind, config.options);
    const key = `${config.configDir ?? "-"}\0${dir}\0${mode ?? "-"}\0${specifier}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const resolved = this.resolveUncached(from, specifier, config.configDir, config.options, mode);
    this.cache.set(key, resolved);
    return resolved;
  }

  private resolveUncached(
    from: string,
    specifier: string,
    configDir: string | null,
    options: ts.CompilerOptions,
    mode: ts.ResolutionMode,
  ): Resolution {
    const isRelative = specifier.startsWith(".") || isAbsolute(specifier);
    const cache = this.tsCacheFor(configDir, options);
    const result = ts.resolveModuleName(
      specifier,
      join(this.input.root, from),
      options,
      this.host,
      cache,
      undefined,
      mode,
    );
    const fileName = result.resolvedModule?.resolvedFileName;
    if (fileName !== undefined) return this.classify(fileName);
    if (isRelative) return { kind: "unresolved" };
    const workspaceFile = this.workspaces.resolve(specifier);
    if (typeof workspaceFile === "string") return this.classify(join(this.input.root, workspaceFile));
    return workspaceFile === null ? { kind: "unresolved" } : { kind: "external" };
  }

  private classify(absolutePath: string): Resolution {
    const path = relative(this.input.root, absolutePath).split(sep).join("/");
    if (path.startsWith("../") || isAbsolute(path)) return { kind: "external" };
    if (this.input.modules.has(path)) return { kind: "internal", path };
    if (DECLARATION.test(path)) {
      // A hand-written `x.d.ts` beside `x.js` types that module: the runtime import is the JavaScript file.
      const stem = path.replace(DECLARATION, "");
      const sibling = JS_SIBLINGS.map((extension) => stem + extension).find((candidate) =>
        this.input.modules.has(candidate),
      );
      if (sibling) return { kind: "internal", path: sibling };
    }
    return { kind: "non-module" };
  }

  /** Node16/NodeNext resolve `import` and `require` differently; other modes ignore this. */
  private resolutionMode(from: string, dir: string, kind: ImportKind, options: ts.CompilerOptions): ts.ResolutionMode {
    const resolution = options.moduleResolution;
    if (resolution !== ts.ModuleResolutionKind.Node16 && resolution !== ts.ModuleResolutionKind.NodeNext)
      return undefined;
    if (kind === "require") return ts.ModuleKind.CommonJS;
    if (kind === "dynamic" || /\.m[jt]s$/.test(from)) return ts.ModuleKind.ESNext;
    if (/\.c[jt]s$/.test(from)) return ts.ModuleKind.CommonJS;
    return this.workspaces.packageType(dir) === "module" ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS;
  }

  private tsCacheFor(configDir: string | null, options: ts.CompilerOptions): ts.ModuleResolutionCache {
    const key = configDir ?? "-";
    let cache = this.tsCaches.get(key);
    if (!cache) {
      cache = ts.createModuleResolutionCache(this.input.root, (name) => name, options);
      this.tsCaches.set(key, cache);
    }
    return cache;
  }
}

function withoutTrailingSlash(path: string): string {
  let end = path.length;
  while (end > 1 && (path[end - 1] === "/" || path[end - 1] === sep)) end -= 1;
  return path.slice(0, end);
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
