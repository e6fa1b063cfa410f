import { compileGlobs } from "./globs.js";
import type { FileKind, SkipReason } from "./types.js";

/** Extensions parsed as JavaScript or TypeScript modules. */
export const SOURCE_EXTENSIONS = [".ts", ".tsx", ".js", ".jsx", ".mjs", ".cjs", ".mts", ".cts"] as const;

const DECLARATION = /\.d\.[cm]?ts$/;
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const TEST_NAME = /(?:[.-](?:test|spec)|_test)\.(?:[cm]?[jt]s|[jt]sx)$/;
const TEST_SEGMENTS = new Set(["__tests__", "__mocks__", "__fixtures__", "fixtures"]);
const ROOT_TEST_DIRS = new Set(["test", "tests"]);
const EXAMPLE_SEGMENTS = new Set(["example", "examples"]);
const VENDOR_SEGMENTS = new Set([
  "vendor",
  "vendors",
  "third_party",
  "third-party",
  "bower_components",
  "jspm_packages",
]);
/** Build output anywhere in the tree. */
const BUILD_SEGMENTS = new Set([
  ".next",
  ".nuxt",
  ".output",
  ".svelte-kit",
  ".turbo",
  ".parcel-cache",
  ".vercel",
  "coverage",
  "storybook-static",
]);
/** Build output only directly under the repo root or a package root (`src/build/` can be real source). */
const ROOT_BUILD_DIRS = new Set(["dist", "build", "out"]);
const MINIFIED_NAME = /[.-]min\.[cm]?js$|\.bundle\.[cm]?js$/;
const GENERATED_NAME = /\.(?:generated|gen)\.[^.]+$|_pb\.[cm]?[jt]s$|\.pb\.[cm]?[jt]s$/;
const GENERATED_SEGMENTS = new Set(["__generated__", "generated"]);
const CONFIG_SOURCE_NAME =
  /(?:^|\/)(?:[^/]+\.config|\.[^/]+rc|gulpfile|gruntfile|jakefile|vitest\.workspace|jest\.setup|vitest\.setup)\.(?:[cm]?[jt]s)$/i;
const DOCS = /\.(?:md|mdx|markdown|rst|txt|adoc|asciidoc)$/i;
const CONFIG =
  /(?:^|\/)(?:package\.json|tsconfig[^/]*\.json|jsconfig\.json|\.[^/]+|[^/]+\.(?:json|jsonc|json5|ya?ml|toml|ini|lock)|makefile|justfile|dockerfile|procfile)$/i;
const BINARY =
  /\.(?:png|jpe?g|gif|bmp|ico|icns|webp|avif|tiff?|psd|svgz|woff2?|ttf|otf|eot|pdf|zip|gz|tgz|bz2|xz|7z|rar|tar|jar|war|class|wasm|node|so|dylib|dll|exe|bin|o|a|lib|obj|pyc|mp3|mp4|m4a|wav|ogg|flac|mov|avi|mkv|webm|sqlite|db|dat|pack|idx)$/i;

/** User overrides from the config's `classify` section, as globs per kind. */
export type ClassifyOverrides = Partial<Record<Exclude<FileKind, "other">, string[]>>;

/** The outcome of classifying one path. */
export type Classification = { kind: FileKind } | { skip: SkipReason };

/** Classifies repo-relative POSIX paths; built once per scan. */
export interface Classifier {
  classify(path: string): Classification;
}

/**
 * Builds a classifier. `packageRoots` are directories holding a package.json,
 * so that `packages/app/test/` counts as a test folder like a root `test/`.
 */
export function createClassifier(options: {
  packageRoots: Iterable<string>;
  ignore: readonly string[];
  overrides: ClassifyOverrides;
}): Classifier {
  const packageRoots = new Set(options.packageRoots);
  const isIgnored = compileGlobs(options.ignore);
  const overrides = Object.entries(options.overrides).flatMap(([kind, globs]) =>
    globs && globs.length > 0 ? [{ kind: toKind(kind), matches: compileGlobs(globs) }] : [],
  );

  const isUnderRootDir = (segments: readonly string[], names: ReadonlySet<string>): boolean =>
    segments.some((segment, index) => names.has(segment) && packageRoots.has(segments.slice(0, index).join("/")));

  return {
    classify(path: string): Classification {
      if (isIgnored(path)) return { skip: "ignored-by-config" };
      const segments = path.split("/");
      const dirs = segments.slice(0, -1);
      if (dirs.includes("node_modules")) return { skip: "node_modules" };
      const override = overrides.find((entry) => entry.matches(path));
      if (override) return { kind: override.kind };
      if (dirs.some((dir) => BUILD_SEGMENTS.has(dir)) || isUnderRootDir(dirs, ROOT_BUILD_DIRS)) {
        return { skip: "build-output" };
      }
      if (BINARY.test(path)) return { skip: "binary" };
      if (MINIFIED_NAME.test(path)) return { skip: "minified" };
      if (dirs.some((dir) => VENDOR_SEGMENTS.has(dir))) return { kind: "vendored" };
      if (DECLARATION.test(path)) return { kind: "declaration" };
      if (SOURCE.test(path)) return { kind: classifySource(path, dirs) };
      if (DOCS.test(path)) return { kind: "docs" };
      if (CONFIG.test(path)) return { kind: "config" };
      return { kind: "other" };
    },
  };

  function classifySource(path: string, dirs: readonly string[]): FileKind {
    if (GENERATED_NAME.test(path) || dirs.some((dir) => GENERATED_SEGMENTS.has(dir))) return "generated";
    if (TEST_NAME.test(path) || dirs.some((dir) => TEST_SEGMENTS.has(dir)) || isUnderRootDir(dirs, ROOT_TEST_DIRS)) {
      return "test";
    }
    if (dirs.some((dir) => EXAMPLE_SEGMENTS.has(dir))) return "example";
    if (CONFIG_SOURCE_NAME.test(path)) return "config";
    return "source";
  }
}

function toKind(kind: string): FileKind {
  const kinds: readonly FileKind[] = [
    "source",
    "test",
    "declaration",
    "generated",
    "vendored",
    "example",
    "docs",
    "config",
  ];
  const found = kinds.find((candidate) => candidate === kind);
  if (!found) throw new Error(`unknown file kind ${kind}`);
  return found;
}

/** True for kinds whose content the modules fact parses. */
export function isParsedKind(kind: FileKind): boolean {
  return kind === "source" || kind === "test";
}
