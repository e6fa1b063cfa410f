import { builtinModules } from "node:module";
import { isAbsolute, join, posix, relative, sep } from "node:path";
import ts from "#typescript";
import type { PackageFact } from "../context/packages.js";
import type { ImportKind } from "../modules/index.js";
import type { UnresolvedReason } from "./types.js";
import { TsconfigIndex, TsconfigReader } from "../tsconfig/index.js";
import { WorkspaceIndex, type BuildInfo } from "./workspaces.js";
import { READ_LIMITS, readTextOrNull } from "../../read.js";

/** Where an import specifier leads. */
export type Resolution =
  | { kind: "internal"; path: string }
  | { kind: "external" }
  /** A file of the repository that is not a parsed module: JSON, styles, images, declarations. */
  | { kind: "non-module" }
  | { kind: "unresolved"; reason: UnresolvedReason };

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
    const reader = new TsconfigReader(input.root, input.packages);
    this.tsconfigs = new TsconfigIndex(
      reader,
      input.allFiles.filter((path) => /(?:^|\/)(?:ts|js)config\.json$/.test(path)),
    );
    this.workspaces = new WorkspaceIndex(
      input.packages,
      (path) => known.has(path),
      buildInfo(input.root, input.allFiles, reader, known),
    );
    this.host = {
      fileExists: (path) => this.files.has(path),
      // TypeScript asks for `dir/` when resolving `'.'`, `'./'`, `'..'` or `'../'`: the set holds `dir`.
      directoryExists: (path) => this.directories.has(withoutTrailingSlash(path)),
      readFile: (path) => (this.files.has(path) ? readText(input.root, path) : undefined),
      getCurrentDirectory: () => input.root,
      realpath: (path) => path,
      useCaseSensitiveFileNames: ts.sys.useCaseSensitiveFileNames,
    };
  }

  /** The source a repo-relative path in a package's build output is built from, or null. */
  sourceOfOutput(path: string): string | null {
    return this.workspaces.sourceOfOutput(path);
  }

  /**
   * The parsed module a workspace package's entry (`@acme/core`, `@acme/core/server`)
   * leads to, its build output mapped back to sources; null when none is found.
   */
  packageEntry(specifier: string): string | null {
    const file = this.workspaces.resolve(specifier);
    if (typeof file !== "string") return null;
    const resolved = this.classify(join(this.input.root, file));
    return resolved.kind === "internal" ? resolved.path : null;
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
    if (isRelative) {
      // A relative import of build output that is not there (`../dist/cli.js` from a bin script): its source.
      const target = posix.normalize(posix.join(posix.dirname(from), specifier));
      const source = target.startsWith("../") ? null : this.workspaces.sourceOfOutput(target);
      return source ? this.classify(join(this.input.root, source)) : { kind: "unresolved", reason: "missing-file" };
    }
    const workspaceFile = this.workspaces.resolve(specifier);
    if (typeof workspaceFile === "string") return this.classify(join(this.input.root, workspaceFile));
    if (workspaceFile === null) return { kind: "unresolved", reason: "workspace-output" };
    return isAlias(specifier, options) ? { kind: "unresolved", reason: "alias" } : { kind: "external" };
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

/**
 * A specifier no npm package can have (`@/x`, `~/x`, `#x`, `$lib/x`), or one a
 * tsconfig `paths` pattern claims: an alias of the repository that did not resolve.
 */
function isAlias(specifier: string, options: ts.CompilerOptions): boolean {
  if (/^(?:@\/|~|#|\$)/.test(specifier)) return true;
  return Object.keys(options.paths ?? {}).some((pattern) => {
    const star = pattern.indexOf("*");
    if (star === -1) return pattern === specifier;
    return specifier.startsWith(pattern.slice(0, star)) && specifier.endsWith(pattern.slice(star + 1));
  });
}

const BUNDLER_CONFIG = /^(?:tsdown|tsup|rollup|rolldown|vite|build|unbuild)\.config\.[cm]?[jt]s$/;
const PACKAGE_TSCONFIG = /^tsconfig(?:\.[\w-]+)?\.json$/;

/** How each workspace package is built, read on demand from its tsconfig files and bundler config. */
function buildInfo(
  root: string,
  allFiles: readonly string[],
  reader: TsconfigReader,
  known: ReadonlySet<string>,
): BuildInfo {
  const under = (dir: string): string[] =>
    dir === "" ? [...allFiles] : allFiles.filter((path) => path.startsWith(`${dir}/`));
  const direct = (dir: string, pattern: RegExp): string[] =>
    under(dir).filter((path) => posix.dirname(path) === (dir === "" ? "." : dir) && pattern.test(posix.basename(path)));
  const toPackage = (dir: string, absolute: string): string => relative(join(root, dir), absolute).split(sep).join("/");
  const roots = new Map<string, ReturnType<BuildInfo["outputRoots"]>>();
  return {
    filesUnder: under,
    outputRoots(dir) {
      const cached = roots.get(dir);
      if (cached) return cached;
      const found = direct(dir, PACKAGE_TSCONFIG).flatMap((path) => {
        const { outDir, rootDir } = reader.read(path).options;
        if (outDir === undefined || rootDir === undefined) return [];
        const pair = { outDir: toPackage(dir, outDir), rootDir: toPackage(dir, rootDir) };
        return pair.outDir.startsWith("..") || pair.rootDir.startsWith("..") ? [] : [pair];
      });
      roots.set(dir, found);
      return found;
    },
    bundlerEntries(dir) {
      return direct(dir, BUNDLER_CONFIG).flatMap((path) =>
        stringLiterals(readText(root, path) ?? "")
          .map((literal) => posix.join(dir, literal))
          .filter((candidate) => known.has(candidate)),
      );
    },
  };
}

/** The string literals of a JavaScript or TypeScript file, read with TypeScript's scanner. */
function stringLiterals(text: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const literals: string[] = [];
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token === ts.SyntaxKind.StringLiteral || token === ts.SyntaxKind.NoSubstitutionTemplateLiteral)
      literals.push(scanner.getTokenValue());
  }
  return literals;
}

function withoutTrailingSlash(path: string): string {
  let end = path.length;
  while (end > 1 && (path[end - 1] === "/" || path[end - 1] === sep)) end -= 1;
  return path.slice(0, end);
}

function readText(root: string, path: string): string | undefined {
  return readTextOrNull(root, path, READ_LIMITS.config) ?? undefined;
}
