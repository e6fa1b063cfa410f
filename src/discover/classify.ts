import { posix } from "node:path";
import { compileGlobs } from "./globs.js";
import type { RunnerMatch } from "./runners.js";
import type { FileKind, SkipReason } from "./types.js";

const DECLARATION = /\.d\.[cm]?ts$/;
const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
const TEST_NAME = /(?:[.-](?:test|spec)(?:-d)?|_test)\.(?:[cm]?[jt]s|[jt]sx)$/;
/** Test folders anywhere; `__tests_dts__` and `__typetests__` hold type tests (`tsc -p` or vitest typecheck). */
const TEST_SEGMENTS = new Set(["__tests__", "__mocks__", "__tests_dts__", "__typetests__"]);
/** Test folders at the root or a package root: `test/`, `tests/`, `e2e/`, and `runtime-tests/`-like names. */
const ROOT_TEST_DIR = /^(?:tests?|e2e|\w+(?:-\w+)*-tests?)$/;
/** Inputs tests are run against (fixture projects, e2e playgrounds the runner serves): not product code. */
const FIXTURE_SEGMENTS = new Set([
  "__fixtures__",
  "__testfixtures__",
  "fixtures",
  "fixture",
  "test-fixtures",
  "testdata",
  "__snapshots__",
  "playground",
  "playgrounds",
]);
/** True when a path passes through a folder of test inputs (`fixtures/`, `__testfixtures__/`, `testdata/`, …). */
export function isUnderFixtureFolder(path: string): boolean {
  return path.split("/").some((segment) => FIXTURE_SEGMENTS.has(segment));
}
const EXAMPLE_SEGMENTS = new Set(["example", "examples", "demo", "demos", "sample", "samples"]);
/** Storybook stories: components shown in isolation, not shipped. */
const STORY_NAME = /\.(?:stories|story)\.(?:[cm]?[jt]s|[jt]sx|mdx)$/;
/** Project templates a scaffolder copies (`template-react/`), and playgrounds that are sandboxes (`lsp-playground/`). */
const EXAMPLE_SEGMENT = /^(?:templates?|template-[\w.-]+|[\w.]+(?:-[\w.]+)*-playgrounds?)$/;
/** A documentation site's code: its folder at the root or a package root, or a site generator's folder. */
const DOCS_SITE_DIRS = new Set(["docs", "dev-docs", "website", "documentation", "docs-site"]);
const DOCS_SITE_SEGMENTS = new Set([".vitepress", ".docusaurus", ".storybook"]);
/** Folders that hold a documentation site when a site framework's config sits in them (`www/`, `apps/docs/`). */
const SITE_DIRS = new Set([...DOCS_SITE_DIRS, "www", "site"]);
/** A site framework's config file, directly in the site's folder, and the framework it names. */
const SITE_FRAMEWORKS: ReadonlyArray<{ name: RegExp; framework: string }> = [
  { name: /^docusaurus\.config\.[cm]?[jt]s$/, framework: "Docusaurus" },
  { name: /^\.vitepress\/config\.[cm]?[jt]s$/, framework: "VitePress" },
  { name: /^astro\.config\.[cm]?[jt]s$/, framework: "Astro" },
  { name: /^theme\.config\.[cm]?[jt]sx?$/, framework: "Nextra" },
  { name: /^next\.config\.[cm]?[jt]s$/, framework: "Next.js" },
];
/** Codemod test inputs and expected outputs (`rename.input.ts` beside `rename.output.ts`). */
const CODEMOD_PAIR = /^(.+)\.(input|output)\.(?:[cm]?[jt]s|[jt]sx)$/;
/** A workspace package that measures rather than ships: named for benchmarks, perf tests, tree-shaking or bundle size. */
const BENCHMARK_PACKAGE = /(?:^|[-/@])(?:bench(?:mark)?s?|perf(?:test|tests)?|treeshak\w*|bundle-size)(?:$|[-/])/i;
const BENCHMARK_SEGMENT = /^(?:bench|benches|benchmark|benchmarks|perf|performance)(?:[-_][\w-]+)?$/;
const BENCHMARK_NAME = /\.bench\.(?:[cm]?[jt]s|[jt]sx)$/;
/** The `why` of a kind the config's `classify` gives: what the user says, which no content finding overrides. */
const CONFIG_WHY = "config classify.";

/** Whether a file's kind comes from the config's `classify` (then a generated header or a test-framework import does not change it). */
export function isClassifiedByConfig(file: { why?: string | undefined }): boolean {
  return file.why?.startsWith(CONFIG_WHY) === true;
}

/** A code generator's config (plop) and its templates' folder beside it; hygen's `_templates/`. */
const PLOPFILE = /^plopfile\.[cm]?[jt]s$/;
/** Build and maintenance scripts, directly under the repo root or a package root. */
const ROOT_SCRIPT_DIRS = new Set(["scripts", "script", "skills"]);
/** Repository tooling anywhere: CI, git hooks, and coding agents' own folders. */
const SCRIPT_SEGMENTS = new Set([".github", ".husky", ".changeset", ".claude", ".agents", ".cursor"]);
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
  /(?:^|\/)(?:[^/]+\.config(?:\.[\w-]+)?|\.[^/]+rc|gulpfile|gruntfile|jakefile|vitest\.workspace|jest\.setup|vitest\.setup)\.(?:[cm]?[jt]s)$/i;
const DOCS = /\.(?:md|mdx|markdown|rst|txt|adoc|asciidoc)$/i;
const CONFIG =
  /(?:^|\/)(?:package\.json|tsconfig[^/]*\.json|jsconfig\.json|\.[^/]+|[^/]+\.(?:json|jsonc|json5|ya?ml|toml|ini|lock)|makefile|justfile|dockerfile|procfile)$/i;
const BINARY =
  /\.(?:png|jpe?g|gif|bmp|ico|icns|webp|avif|tiff?|psd|svgz|woff2?|ttf|otf|eot|pdf|zip|gz|tgz|bz2|xz|7z|rar|tar|jar|war|class|wasm|node|so|dylib|dll|exe|bin|o|a|lib|obj|pyc|mp3|mp4|m4a|wav|ogg|flac|mov|avi|mkv|webm|sqlite|db|dat|pack|idx)$/i;

/** User overrides from the config's `classify` section, as globs per kind. */
export type ClassifyOverrides = Partial<Record<Exclude<FileKind, "other">, string[]>>;

/** The outcome of classifying one path: a kind and why, or a reason to skip it. */
export type Classification = { kind: FileKind; why?: string } | { skip: SkipReason };

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
  /**
   * What the test runners' own configuration makes of a file (readTestRunners): a test it runs, or the code of a
   * harness app its e2e tests drive (a fixture).
   */
  runnerTest?: ((path: string) => RunnerMatch | null) | undefined;
  /** package.json `name` of each package root, when known. */
  packageNames?: ReadonlyMap<string, string> | undefined;
  /**
   * Every listed path, when known: a file's scope can depend on its neighbours (a codemod's input beside its
   * output, a site framework's config in a `www/` folder).
   */
  paths?: Iterable<string> | undefined;
}): Classifier {
  const packageRoots = new Set(options.packageRoots);
  const benchmarkPackages = [...(options.packageNames ?? [])]
    .filter(([dir, name]) => dir !== "" && BENCHMARK_PACKAGE.test(name))
    .map(([dir, name]) => ({ prefix: `${dir}/`, name }));
  const isIgnored = compileGlobs(options.ignore);
  const overrides = Object.entries(options.overrides).flatMap(([kind, globs]) =>
    globs && globs.length > 0 ? [{ kind: toKind(kind), globs, matches: compileGlobs(globs) }] : [],
  );
  const runnerTest = options.runnerTest ?? (() => null);
  const paths = [...(options.paths ?? [])];
  const { sites, pairs } = readNeighbours(paths);
  // Folders with a plopfile: their generators/ folder holds the generator's code and templates.
  const plopRoots = new Set(
    paths.filter((path) => PLOPFILE.test(posix.basename(path))).map((path) => posix.dirname(path)),
  );

  /** The folder of `names` that `dirs` passes through at the root or a package root. */
  const rootDirIn = (segments: readonly string[], names: ReadonlySet<string> | RegExp): string | null => {
    const index = segments.findIndex(
      (segment, position) =>
        (names instanceof RegExp ? names.test(segment) : names.has(segment)) &&
        packageRoots.has(segments.slice(0, position).join("/")),
    );
    return index === -1 ? null : (segments[index] ?? null);
  };
  /** Like rootDirIn, or a package root that is itself such a folder (`packages/docs/`). */
  const packageDirIn = (segments: readonly string[], names: ReadonlySet<string>): string | null =>
    rootDirIn(segments, names) ??
    segments.find(
      (segment, position) => names.has(segment) && packageRoots.has(segments.slice(0, position + 1).join("/")),
    ) ??
    null;

  /** A code generator's files: a plopfile, the generators/ folder beside it, hygen's _templates/. */
  const generatorOf = (path: string, dirs: readonly string[]): string | null => {
    if (PLOPFILE.test(posix.basename(path))) return "a code generator's config (plop)";
    const templates = rootDirIn(dirs, new Set(["_templates"]));
    if (templates) return "a code generator's templates (hygen's _templates/)";
    const index = dirs.indexOf("generators");
    const root = index === -1 ? null : dirs.slice(0, index).join("/") || ".";
    return root !== null && plopRoots.has(root) ? "a code generator beside the plopfile (plop)" : null;
  };

  return {
    classify(path: string): Classification {
      if (isIgnored(path)) return { skip: "ignored-by-config" };
      const segments = path.split("/");
      const dirs = segments.slice(0, -1);
      if (dirs.includes("node_modules")) return { skip: "node_modules" };
      const override = overrides.find((entry) => entry.matches(path));
      if (override) return { kind: override.kind, why: `${CONFIG_WHY}${override.kind}` };
      if (dirs.some((dir) => BUILD_SEGMENTS.has(dir)) || rootDirIn(dirs, ROOT_BUILD_DIRS) !== null) {
        return { skip: "build-output" };
      }
      if (BINARY.test(path)) return { skip: "binary" };
      if (MINIFIED_NAME.test(path)) return { skip: "minified" };
      const vendor = dirs.find((dir) => VENDOR_SEGMENTS.has(dir));
      if (vendor) return { kind: "vendored", why: `under ${vendor}/` };
      if (DECLARATION.test(path)) return { kind: "declaration" };
      if (SOURCE.test(path)) return classifySource(path, dirs);
      if (DOCS.test(path)) return { kind: "docs" };
      if (CONFIG.test(path)) return { kind: "config" };
      return { kind: "other" };
    },
  };

  /**
   * A code file's scope. A runner's own include globs come first (a `test.ts`
   * beside each module is a test when vitest says so); then fixtures (a test
   * file inside a fixture project is part of the fixture, not a test the
   * repository runs); then the naming conventions; then benchmarks, examples,
   * scripts and config files; what remains is product code.
   */
  function classifySource(path: string, dirs: readonly string[]): { kind: FileKind; why: string } {
    if (GENERATED_NAME.test(path)) return { kind: "generated", why: "generated file name" };
    const generated = dirs.find((dir) => GENERATED_SEGMENTS.has(dir));
    if (generated) return { kind: "generated", why: `under ${generated}/` };
    const byRunner = runnerTest(path);
    if (byRunner !== null) return byRunner;
    const fixture = dirs.find((dir) => FIXTURE_SEGMENTS.has(dir));
    if (fixture) return { kind: "fixture", why: `under ${fixture}/` };
    const pair = pairs.get(path);
    if (pair) return { kind: "fixture", why: `a codemod test's input and output (${pair})` };
    if (TEST_NAME.test(path)) return { kind: "test", why: "test file name (*.test.*, *.spec.*)" };
    const testDir = dirs.find((dir) => TEST_SEGMENTS.has(dir)) ?? rootDirIn(dirs, ROOT_TEST_DIR);
    if (testDir) return { kind: "test", why: `under ${testDir}/` };
    if (BENCHMARK_NAME.test(path)) return { kind: "benchmark", why: "benchmark file name (*.bench.*)" };
    const benchmark = dirs.find((dir) => BENCHMARK_SEGMENT.test(dir));
    if (benchmark) return { kind: "benchmark", why: `under ${benchmark}/` };
    const benchmarkPackage = benchmarkPackages.find((pkg) => path.startsWith(pkg.prefix));
    if (benchmarkPackage) return { kind: "benchmark", why: `in the package ${benchmarkPackage.name}` };
    const site = siteOf(dirs);
    if (site) return { kind: "docs", why: site };
    if (STORY_NAME.test(path)) return { kind: "example", why: "a Storybook story (*.stories.*)" };
    const example = dirs.find((dir) => EXAMPLE_SEGMENTS.has(dir)) ?? dirs.find((dir) => EXAMPLE_SEGMENT.test(dir));
    if (example) return { kind: "example", why: `under ${example}/` };
    const script = dirs.find((dir) => SCRIPT_SEGMENTS.has(dir)) ?? rootDirIn(dirs, ROOT_SCRIPT_DIRS);
    if (script) return { kind: "script", why: `under ${script}/` };
    const generator = generatorOf(path, dirs);
    if (generator) return { kind: "script", why: generator };
    if (CONFIG_SOURCE_NAME.test(path)) return { kind: "config", why: "tool config file name" };
    return { kind: "source", why: "product code (no other scope applies)" };
  }

  /**
   * A documentation site: under a site generator's folder (`.vitepress/`), a docs folder at the root or a
   * package root (`docs/`, `website/`, `packages/docs/`), or any docs-like folder (`www/`, `site/`,
   * `apps/docs/`) that holds a site framework's config. The framework is named when its config is there.
   */
  function siteOf(dirs: readonly string[]): string | null {
    const index = dirs.findIndex(
      (dir, position) => SITE_DIRS.has(dir) && sites.has(dirs.slice(0, position + 1).join("/")),
    );
    const folder = index === -1 ? null : (dirs[index] ?? null);
    if (folder !== null) {
      const framework = sites.get(dirs.slice(0, index + 1).join("/"));
      return `a documentation site (${framework}, under ${folder}/)`;
    }
    const named = dirs.find((dir) => DOCS_SITE_SEGMENTS.has(dir)) ?? packageDirIn(dirs, DOCS_SITE_DIRS);
    return named ? `a documentation site (under ${named}/)` : null;
  }
}

/**
 * What a path's neighbours say of it: the folders that hold a site framework's config (folder → framework),
 * and the code files that are a codemod test's input or output with their counterpart beside them.
 */
function readNeighbours(paths: Iterable<string>): { sites: Map<string, string>; pairs: Map<string, string> } {
  const sites = new Map<string, string>();
  const rank = new Map<string, number>();
  const stems = new Map<string, { input: string[]; output: string[] }>();
  for (const path of paths) {
    const segments = path.split("/");
    // A framework's config directly in a folder, or in its `.vitepress/` folder.
    for (const depth of [1, 2]) {
      if (segments.length <= depth) continue;
      const dir = segments.slice(0, -depth).join("/");
      const rest = segments.slice(-depth).join("/");
      const found = SITE_FRAMEWORKS.findIndex((entry) => entry.name.test(rest));
      // Nextra is a Next.js app with a theme config: the more specific framework wins.
      if (found !== -1 && found < (rank.get(dir) ?? SITE_FRAMEWORKS.length)) {
        rank.set(dir, found);
        sites.set(dir, SITE_FRAMEWORKS[found]?.framework ?? "");
      }
    }
    const match = CODEMOD_PAIR.exec(segments[segments.length - 1] ?? "");
    if (!match) continue;
    const key = `${segments.slice(0, -1).join("/")}/${match[1]}`;
    const entry = stems.get(key) ?? { input: [], output: [] };
    entry[match[2] === "input" ? "input" : "output"].push(path);
    stems.set(key, entry);
  }
  const pairs = new Map<string, string>();
  for (const { input, output } of stems.values()) {
    if (input.length === 0 || output.length === 0) continue;
    const names = [...input, ...output].map((path) => path.slice(path.lastIndexOf("/") + 1)).join(", ");
    for (const path of [...input, ...output]) pairs.set(path, names);
  }
  return { sites, pairs };
}

function toKind(kind: string): FileKind {
  const kinds: readonly FileKind[] = [
    "source",
    "test",
    "fixture",
    "benchmark",
    "script",
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
