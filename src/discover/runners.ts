/**
 * What the repository's test runners say a test is: the include globs of
 * vitest, jest, mocha, ava, playwright, cypress and `node --test`, read from their own
 * configuration without running it. A JavaScript or TypeScript config is
 * parsed, not evaluated: only literal strings (and jest's literal regular
 * expressions) count, and a computed value leaves the naming conventions in
 * charge. Globs and expressions come from the repository, so they are held to
 * the same cost bound as the config's own globs. Also the app an e2e runner's
 * server serves (served.ts): its files are reached by those tests, or, for a
 * harness app, are their fixture.
 *
 * May: read test-runner configuration files, package.json files, and the index.html of an app an e2e runner serves.
 * May not: run any of them, read other files.
 */
import { createHash } from "node:crypto";
import { posix } from "node:path";
import { compileGlobs, globCostProblem } from "./globs.js";
import {
  harnessOf,
  packageOf,
  scriptServers,
  servedFolder,
  type Manifest,
  type ServedApp,
  type ServerCommand,
} from "./served.js";

export type { ServedApp } from "./served.js";
import { READ_LIMITS, readTextOrNull } from "../read.js";
import { isRecord } from "../guards.js";

/** Which files one runner's configuration names as tests. */
export interface TestPattern {
  runner: "vitest" | "jest" | "mocha" | "ava" | "playwright" | "cypress" | "node";
  /** The file the patterns were read from (repo-relative), `package.json#jest` for a manifest key. */
  config: string;
  /** Repo-relative globs. */
  include: string[];
  exclude: string[];
  /** jest `testRegex`, matched against the path with a leading `/`, for files under `dir` only. */
  regexes: RegExp[];
  /** The folder the config applies to (repo-relative, "" for the root). */
  dir: string;
  /** Files the runner loads before the tests (vitest `setupFiles`, jest `setupFilesAfterEnv`, …): test support. */
  setup?: string[];
  /** The folders the runner looks for tests in (jest `roots`, vitest `root`, playwright `testDir`), repo-relative. */
  scope?: string[];
}

/** What a runner's configuration makes of a file: a test it runs (or support it loads), or a harness app's code. */
export interface RunnerMatch {
  kind: "test" | "fixture";
  why: string;
}

/**
 * What the test runners collect and serve, for the facts: each config's patterns (with the runner's default
 * include where it sets none) and the folders it searches, and the apps its e2e tests drive.
 */
export interface TestRunnerFacts {
  patterns: Array<Required<Pick<TestPattern, "scope">> & Omit<TestPattern, "setup" | "scope">>;
  served: ServedApp[];
}

/**
 * Patterns read before, by the content of the configs they came from: a scan
 * whose runner configs did not change parses none of them (and need not load
 * the TypeScript parser). Values are plain JSON.
 */
export interface RunnerCache {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

/** What a vitest config (`vitest.config.*`, `vite.config.*`, `vitest.workspace.*`) sets beside its globs: literal values only. */
export interface VitestConfig {
  path: string;
  dir: string;
  /** `test.typecheck: true` or `test.typecheck: { enabled: true }`. */
  isTypecheckEnabled: boolean;
  /** `test.watch: false`: a bare `vitest` runs once. */
  isWatchOff: boolean;
}

/** Answers whether a path is a test by some runner's configuration, and says which. */
export interface RunnerTests {
  patterns: TestPattern[];
  /** The patterns and served apps handed to the facts (inventory.testRunners). */
  facts: TestRunnerFacts;
  /** package.json `name` per package folder ("" for the root), read on the way. */
  packageNames: Map<string, string>;
  /** Every vitest config's typecheck and watch options, read on the way. */
  vitestConfigs: VitestConfig[];
  /** What a runner's configuration makes of `path` (a test, or a harness app's fixture), or null. */
  match(path: string): RunnerMatch | null;
  warnings: string[];
}

const VITEST = /^vitest(?:\.[\w-]+)*\.[cm]?[jt]s$|^vite\.config\.[cm]?[jt]s$/;
const JEST = /^jest(?:\.[\w-]+)*\.config\.(?:[cm]?[jt]s|json)$|^jest\.config(?:\.[\w-]+)*\.(?:[cm]?[jt]s|json)$/;
const MOCHA = /^\.mocharc\.(?:[cm]?js|jsonc?)$/;
const AVA = /^ava\.config\.[cm]?js$/;
const PLAYWRIGHT = /^playwright(?:\.[\w-]+)*\.config\.[cm]?[jt]s$/;
const CYPRESS = /^cypress(?:\.[\w-]+)*\.config\.[cm]?[jt]s$/;
/** Node's own default patterns for `node --test` without arguments (Node 20 documentation). */
const NODE_DEFAULTS = [
  "**/*.test.{cjs,mjs,js}",
  "**/*-test.{cjs,mjs,js}",
  "**/*_test.{cjs,mjs,js}",
  "**/test-*.{cjs,mjs,js}",
  "**/test.{cjs,mjs,js}",
  "**/test/**/*.{cjs,mjs,js}",
];
const PLAYWRIGHT_DEFAULT = "**/*.{spec,test}.{,c,m}{j,t}s{,x}";
const CYPRESS_DEFAULT = "cypress/e2e/**/*.cy.{js,jsx,ts,tsx}";
const CYPRESS_SUPPORT = "cypress/support/e2e.{js,jsx,ts,tsx}";
/** What a runner collects when its config names no tests (vitest's `include`, jest's `testMatch` defaults). */
const DEFAULT_INCLUDE: Partial<Record<TestPattern["runner"], string[]>> = {
  vitest: ["**/*.{test,spec}.?(c|m)[jt]s?(x)"],
  jest: ["**/__tests__/**/*.?([mc])[jt]s?(x)", "**/?(*.)+(spec|test).?([mc])[jt]s?(x)"],
};
/** A local address an e2e runner's `baseUrl` points at: the repository's own dev server. */
const LOCAL_URL = /^https?:\/\/(?:localhost|127\.0\.0\.1|0\.0\.0\.0|\[::1\])(?::\d+)?(?:\/|$)/;
/** The scripts that start a package's dev server, in the order tried. */
const DEV_SCRIPTS = ["dev", "start", "serve"];
/** Config files larger than this are not read: no runner config is that big. */
const MAX_CONFIG_BYTES = 256 * 1024;

type Literal = string | RegExp;
type Values = Map<string, Literal[]>;

/** What the parser reads from a JavaScript or TypeScript config. */
interface Parsed {
  values: Values;
  /** Playwright `webServer` entries: `command` with `cwd`, where literal. */
  servers: Array<{ command: string; cwd: string | null }>;
  /** A `projects` option that is not a list of folder strings: its options belong to inline projects. */
  hasInlineProjects: boolean;
}

/**
 * Reads every test runner's configuration among `paths`. With `blobs` (git's
 * blob id of each tracked, unmodified file) and a `cache`, configs unchanged
 * since the last scan are not read again.
 */
export async function readTestRunners(
  root: string,
  paths: readonly string[],
  options: { blobs?: ReadonlyMap<string, string | null>; cache?: RunnerCache } = {},
): Promise<RunnerTests> {
  const configs = paths.filter((path) => {
    const name = posix.basename(path);
    return !path.split("/").includes("node_modules") && (isRunnerConfig(name) || name === "package.json");
  });
  const key = cacheKey(configs, options.blobs);
  const cached = key !== null ? fromJson(options.cache?.get(key)) : null;
  const read = cached ?? (await readPatterns(root, configs));
  if (key !== null && cached === null) options.cache?.set(key, toJson(read));
  const served = await serve(root, read, paths);
  const compiled = compile(read.patterns, served);
  return {
    ...compiled,
    facts: { patterns: collectable(read.patterns), served },
    packageNames: new Map(read.names),
    vitestConfigs: read.vitest,
  };
}

interface Read {
  patterns: TestPattern[];
  names: Array<[string, string]>;
  vitest: VitestConfig[];
  manifests: Manifest[];
  servers: ServerCommand[];
  /** Cypress configs with a local `baseUrl`: the package's dev server serves the app. */
  baseUrls: Array<{ config: string; dir: string }>;
}

/** A key of the configs' paths and contents; null when one has no blob id (untracked or modified). */
function cacheKey(configs: readonly string[], blobs: ReadonlyMap<string, string | null> | undefined): string | null {
  if (!blobs) return null;
  const entries = configs.map((path) => [path, blobs.get(path) ?? null]);
  if (entries.some(([, blob]) => blob === null)) return null;
  return createHash("sha1").update(JSON.stringify(entries)).digest("hex");
}

type StoredPattern = Omit<TestPattern, "regexes"> & { regexes: Array<[string, string]> };
interface Stored extends Omit<Read, "patterns"> {
  patterns: StoredPattern[];
}

function toJson(read: Read): Stored {
  const patterns = read.patterns.map((pattern) => ({
    ...pattern,
    regexes: pattern.regexes.map((regex): [string, string] => [regex.source, regex.flags]),
  }));
  return { ...read, patterns };
}

function fromJson(value: unknown): Read | null {
  if (typeof value !== "object" || value === null || !("patterns" in value) || !Array.isArray(value.patterns))
    return null;
  // An entry written before manifests and servers were kept is read again.
  if (!("manifests" in value) || !Array.isArray(value.manifests) || !("servers" in value)) return null;
  // A fact-cache entry of this build (its id is checked on load), checked above for the fields that changed.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
  const stored = value as Stored;
  try {
    const patterns = stored.patterns.map((pattern) => ({
      ...pattern,
      regexes: pattern.regexes.map(([source, flags]) => new RegExp(source, flags)),
    }));
    return {
      patterns,
      names: Array.isArray(stored.names) ? stored.names : [],
      vitest: Array.isArray(stored.vitest) ? stored.vitest : [],
      manifests: stored.manifests,
      servers: Array.isArray(stored.servers) ? stored.servers : [],
      baseUrls: Array.isArray(stored.baseUrls) ? stored.baseUrls : [],
    };
  } catch {
    return null;
  }
}

async function readPatterns(root: string, configs: readonly string[]): Promise<Read> {
  const patterns: TestPattern[] = [];
  const names: Array<[string, string]> = [];
  const vitest: VitestConfig[] = [];
  const manifests: Manifest[] = [];
  const servers: ServerCommand[] = [];
  const baseUrls: Read["baseUrls"] = [];
  const needsParser = configs.some((path) => /\.[cm]?[jt]s$/.test(path));
  const parse = needsParser ? await scriptReader() : null;
  const texts = new Map<string, string>();
  for (const path of configs) {
    const text = readTextOrNull(root, path, READ_LIMITS.config);
    if (text === null || text.length > MAX_CONFIG_BYTES) continue;
    texts.set(path, text);
    if (posix.basename(path) !== "package.json") continue;
    const dir = posix.dirname(path) === "." ? "" : posix.dirname(path);
    const manifest = fromManifest(path, dir, text);
    patterns.push(...manifest.patterns);
    if (manifest.info) manifests.push(manifest.info);
    if (manifest.info?.name) names.push([dir, manifest.info.name]);
  }
  for (const [path, text] of texts) {
    const dir = posix.dirname(path) === "." ? "" : posix.dirname(path);
    const name = posix.basename(path);
    if (name === "package.json") continue;
    const parsed: Parsed | null = /\.jsonc?$/.test(name)
      ? asParsed(jsonValues(text))
      : parse
        ? parse(text, VITEST.test(name))
        : null;
    if (!parsed) continue;
    const values = parsed.values;
    if (VITEST.test(name)) {
      vitest.push({
        path,
        dir,
        isTypecheckEnabled: values.get("typecheck")?.includes("true") === true,
        isWatchOff: values.get("watch")?.includes("false") === true,
      });
    }
    const runner = runnerOf(name);
    // A vite config with no test options is no vitest config: it names no tests, and vitest's defaults are not its.
    if (runner === "vitest" && /^vite\./.test(name) && values.size === 0) continue;
    const context = { packageDir: packageOf(path, manifests)?.dir ?? "", hasInlineProjects: parsed.hasInlineProjects };
    const pattern = fromValues(runner, path, dir, values, context);
    if (pattern) patterns.push(pattern);
    if (runner === "playwright") {
      for (const server of parsed.servers) {
        const cwd = server.cwd === null ? dir : joinDir(dir, server.cwd);
        servers.push({ runner, config: path, command: server.command, cwd });
      }
    }
    const baseUrl = values.get("baseUrl")?.find((value): value is string => typeof value === "string");
    if (runner === "cypress" && baseUrl !== undefined && LOCAL_URL.test(baseUrl)) baseUrls.push({ config: path, dir });
  }
  // Servers that package scripts start before the e2e runner (start-server-and-test, wait-on).
  const configOf = (dir: string, runner: ServerCommand["runner"]): string | null =>
    patterns.find((pattern) => pattern.runner === runner && pattern.dir === dir)?.config ?? null;
  for (const manifest of manifests)
    servers.push(...scriptServers(manifest, (runner) => configOf(manifest.dir, runner)));
  return { patterns, names, vitest, manifests, servers, baseUrls };
}

function asParsed(values: Values | null): Parsed | null {
  return values ? { values, servers: [], hasInlineProjects: false } : null;
}

/**
 * The apps the e2e runners' servers serve: a Playwright `webServer`, a script's start-server-and-test or wait-on
 * server, or, for a Cypress config with a local `baseUrl` and no such script, its package's dev script. Only a
 * config that collects at least one listed test drives an app.
 */
async function serve(root: string, read: Read, paths: readonly string[]): Promise<ServedApp[]> {
  const folders = new Set<string>();
  for (const path of paths) {
    for (let dir = posix.dirname(path); dir !== "." && !folders.has(dir); dir = posix.dirname(dir)) folders.add(dir);
  }
  const context = { manifests: read.manifests, isFolder: (dir: string) => folders.has(dir) };
  const commands = [...read.servers];
  for (const { config, dir } of read.baseUrls) {
    if (commands.some((command) => command.runner === "cypress" && command.cwd === dir)) continue;
    const manifest = read.manifests.find((candidate) => candidate.dir === dir);
    const script = DEV_SCRIPTS.find((name) => manifest?.scripts[name] !== undefined);
    if (script !== undefined) commands.push({ runner: "cypress", config, command: `npm run ${script}`, cwd: dir });
  }
  const withTests = new Set(
    read.patterns
      .filter((pattern) => {
        const matches = compileGlobs(safeGlobs(pattern.include, pattern.config, []));
        return paths.some((path) => matches(path));
      })
      .map((pattern) => pattern.config),
  );
  const apps: ServedApp[] = [];
  for (const server of commands) {
    const owner = server.config.replace(/#.*$/, "");
    if (!withTests.has(server.config) && server.config === owner) continue;
    const dir = servedFolder(server.command, server.cwd, context);
    if (dir === null || apps.some((app) => app.dir === dir && app.config === server.config)) continue;
    const harness = harnessOf(dir, owner, read.manifests);
    apps.push({ ...server, dir, harness, entries: await entriesOf(root, dir, read.manifests, paths) });
  }
  return apps;
}

/** Code files of a served app. */
const CODE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
/** Next.js App Router files the framework loads itself: pages, layouts, route handlers and their boundaries. */
const NEXT_APP_FILE = /^(?:page|layout|template|route|default|error|global-error|loading|not-found)\.[jt]sx?$/;

/**
 * The files an app's server loads first: the scripts of its `index.html` (Vite, Parcel), a Next.js app's routes
 * and middleware; else every code file of the app (outside packages inside it).
 */
async function entriesOf(
  root: string,
  dir: string,
  manifests: readonly Manifest[],
  paths: readonly string[],
): Promise<string[]> {
  const prefix = dir === "" ? "" : `${dir}/`;
  const nested = manifests.filter((manifest) => manifest.dir !== dir && manifest.dir.startsWith(prefix));
  const own = paths.filter(
    (path) =>
      path.startsWith(prefix) &&
      !path.split("/").includes("node_modules") &&
      !nested.some((manifest) => manifest.dir === "" || path.startsWith(`${manifest.dir}/`)),
  );
  const listed = new Set(own);
  const entries: string[] = [];
  const html = `${prefix}index.html`;
  if (listed.has(html)) {
    const text = readTextOrNull(root, html, READ_LIMITS.config) ?? "";
    for (const match of text.slice(0, MAX_CONFIG_BYTES).matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["']/g)) {
      const src = (match[1] ?? "").replace(/[?#].*$/, "");
      const path = posix.normalize(posix.join(dir === "" ? "." : dir, src.replace(/^\//, "")));
      if (listed.has(path)) entries.push(path);
    }
  }
  const manifest = manifests.find((candidate) => candidate.dir === dir);
  if (manifest?.dependencies.next !== undefined) entries.push(...nextRoutes(prefix, own));
  return (entries.length > 0 ? [...new Set(entries)] : own.filter((path) => CODE.test(path))).sort();
}

/**
 * A Next.js app's files the framework loads: every code file of its Pages Router folder and the special files of
 * its App Router folder (`pages/` or `app/` at the package root, `src/pages/` or `src/app/` only when the root one is
 * absent), and its middleware.
 */
export function nextRoutes(prefix: string, paths: readonly string[]): string[] {
  const rootOf = (name: string): string =>
    paths.some((path) => path.startsWith(`${prefix}${name}/`)) ? `${prefix}${name}/` : `${prefix}src/${name}/`;
  const pages = rootOf("pages");
  const app = rootOf("app");
  return paths.filter(
    (path) =>
      CODE.test(path) &&
      ((path.startsWith(pages) && !/\.d\.[cm]?ts$/.test(path)) ||
        (path.startsWith(app) && NEXT_APP_FILE.test(posix.basename(path))) ||
        /^(?:src\/)?(?:middleware|instrumentation)\.[jt]s$/.test(path.slice(prefix.length))),
  );
}

/**
 * The patterns as the facts get them: matchable globs (extglobs as braces, costly ones left out), the runner's
 * default include where the config names no tests, and the folders it searches.
 */
function collectable(patterns: readonly TestPattern[]): TestRunnerFacts["patterns"] {
  return patterns.flatMap((pattern) => {
    const scope = pattern.scope ?? [pattern.dir];
    const named = pattern.include.length > 0 || pattern.regexes.length > 0;
    const globs = named
      ? pattern.include
      : scope.flatMap((folder) => (DEFAULT_INCLUDE[pattern.runner] ?? []).map((glob) => underDir(folder, glob)));
    const include = safeGlobs(globs, pattern.config, []);
    if (include.length === 0 && pattern.regexes.length === 0) return [];
    return [
      {
        runner: pattern.runner,
        config: pattern.config,
        dir: pattern.dir,
        include,
        exclude: safeGlobs(pattern.exclude, pattern.config, []),
        regexes: pattern.regexes,
        scope,
      },
    ];
  });
}

function compile(
  patterns: readonly TestPattern[],
  served: readonly ServedApp[],
): Omit<RunnerTests, "packageNames" | "vitestConfigs" | "facts"> {
  const warnings: string[] = [];
  // A harness app's code is the e2e tests' fixture; a package inside it is its own.
  const harnesses = served
    .filter((app) => app.harness !== null && app.dir !== "")
    .map((app) => ({
      prefix: `${app.dir}/`,
      why: `an app e2e tests drive: ${app.runner} serves it (${app.config}: ${app.command}) and ${app.harness}`,
    }));
  const compiled = patterns.flatMap((pattern) => {
    const include = safeGlobs(pattern.include, pattern.config, warnings);
    const exclude = safeGlobs(pattern.exclude, pattern.config, warnings);
    const setup = safeGlobs(pattern.setup ?? [], pattern.config, warnings);
    if (include.length === 0 && pattern.regexes.length === 0 && setup.length === 0) return [];
    return [
      {
        pattern,
        anyInclude: compileGlobs(include),
        include: include.map((glob) => ({ glob, matches: compileGlobs([glob]) })),
        isExcluded: compileGlobs(exclude),
        setup: setup.map((glob) => ({ glob, matches: compileGlobs([withCodeExtension(glob)]) })),
        prefix: commonFolder([...include, ...setup, ...(pattern.regexes.length > 0 ? [`${pattern.dir}/`] : [])]),
      },
    ];
  });
  const byFolder = new Map<string, typeof compiled>();
  return {
    patterns: compiled.map((entry) => entry.pattern),
    warnings,
    match(path) {
      const test = testMatch(path);
      if (test !== null) return { kind: "test", why: test };
      const harness = harnesses.find((candidate) => path.startsWith(candidate.prefix));
      return harness ? { kind: "fixture", why: harness.why } : null;
    },
  };

  /** Why `path` is a test by a runner's include globs or setup files, or null. */
  function testMatch(path: string): string | null {
    // Most configs of a monorepo speak for one package: a path outside their globs' common folder is skipped.
    const dir = path.slice(0, path.lastIndexOf("/") + 1);
    let applicable = byFolder.get(dir);
    if (!applicable) {
      applicable = compiled.filter((entry) => dir.startsWith(entry.prefix));
      byFolder.set(dir, applicable);
    }
    for (const { pattern, setup } of applicable) {
      const file = setup.find((candidate) => candidate.matches(path));
      if (file) return `${pattern.runner} loads it before the tests: ${file.glob} (${pattern.config})`;
    }
    for (const { pattern, anyInclude, include, isExcluded } of applicable) {
      if (isExcluded(path)) continue;
      // One matcher for all of a config's globs; which one matched is looked up only on a match.
      const glob = anyInclude(path) ? include.find((candidate) => candidate.matches(path)) : undefined;
      if (glob) return `${pattern.runner} runs it: ${glob.glob} (${pattern.config})`;
      if (pattern.dir !== "" && !path.startsWith(`${pattern.dir}/`)) continue;
      const regex = pattern.regexes.find((candidate) => candidate.test(`/${path}`));
      if (regex) {
        return `${pattern.runner} runs it: testRegex ${regex.source.replace(/\\\//g, "/")} (${pattern.config})`;
      }
    }
    return null;
  }
}

/** True for the file names of runner configs read here. */
export function isRunnerConfig(name: string): boolean {
  return (
    VITEST.test(name) ||
    JEST.test(name) ||
    MOCHA.test(name) ||
    AVA.test(name) ||
    PLAYWRIGHT.test(name) ||
    CYPRESS.test(name)
  );
}

function runnerOf(name: string): TestPattern["runner"] {
  if (JEST.test(name)) return "jest";
  if (MOCHA.test(name)) return "mocha";
  if (AVA.test(name)) return "ava";
  if (PLAYWRIGHT.test(name)) return "playwright";
  if (CYPRESS.test(name)) return "cypress";
  return "vitest";
}

/** Where a config sits: the package folder it runs in, and whether its options belong to inline projects. */
interface ConfigContext {
  packageDir: string;
  hasInlineProjects: boolean;
}

/** The patterns one runner's options give, globs made repo-relative. */
function fromValues(
  runner: TestPattern["runner"],
  config: string,
  dir: string,
  values: Values,
  context: ConfigContext = { packageDir: dir, hasInlineProjects: false },
): TestPattern | null {
  const strings = (key: string): string[] =>
    (values.get(key) ?? []).filter((value): value is string => typeof value === "string");
  const split = (globs: readonly string[], base: string) => ({
    include: globs.filter((glob) => !glob.startsWith("!")).map((glob) => underDir(base, glob)),
    exclude: globs.filter((glob) => glob.startsWith("!")).map((glob) => underDir(base, glob.slice(1))),
  });
  switch (runner) {
    case "vitest": {
      const base = joinDir(dir, strings("root")[0] ?? strings("dir")[0] ?? "");
      const include = strings("include").map((glob) => underDir(base, glob));
      const setup = [...strings("setupFiles"), ...strings("globalSetup")].map((file) => underDir(base, file));
      return {
        runner,
        config,
        dir,
        include,
        exclude: strings("exclude").map((glob) => underDir(base, glob)),
        regexes: [],
        setup,
        scope: [base],
      };
    }
    case "jest": {
      const rootDir = jestRootDir(strings("rootDir")[0], dir, context);
      const atRoot = (path: string): string =>
        path.startsWith("<rootDir>") ? joinDir(rootDir, path.replace(/^<rootDir>\/?/, "")) : joinDir(rootDir, path);
      // jest looks for tests under `roots` only (default: the rootDir); testMatch is matched against the full path.
      const roots = strings("roots").map(atRoot);
      const jestGlobs = (glob: string): string[] =>
        glob.startsWith("<rootDir>")
          ? [underDir(rootDir, glob.replace(/^<rootDir>\/?/, ""))]
          : roots.length > 0
            ? roots.map((folder) => underDir(folder, glob.startsWith("**/") ? glob : `**/${glob}`))
            : [glob.startsWith("**/") ? underDir(rootDir, glob) : `**/${glob}`];
      const regexes = (values.get("testRegex") ?? []).flatMap((value) => safeRegex(value));
      return {
        runner,
        config,
        dir,
        include: strings("testMatch")
          .filter((glob) => !glob.startsWith("!"))
          .flatMap(jestGlobs),
        exclude: strings("testMatch")
          .filter((glob) => glob.startsWith("!"))
          .flatMap((glob) => jestGlobs(glob.slice(1))),
        regexes,
        scope: roots.length > 0 ? roots : [rootDir],
        setup: ["setupFiles", "setupFilesAfterEnv", "globalSetup", "globalTeardown"]
          .flatMap(strings)
          .filter((file) => file.startsWith("<rootDir>") || file.startsWith("."))
          .map((file) => atRoot(file)),
      };
    }
    case "mocha":
      return { runner, config, dir, ...split(strings("spec"), dir), regexes: [] };
    case "ava":
      return { runner, config, dir, ...split(strings("files"), dir), regexes: [] };
    case "playwright": {
      const testDir = joinDir(dir, strings("testDir")[0] ?? "");
      const matches = strings("testMatch");
      const include = (matches.length > 0 ? matches : [PLAYWRIGHT_DEFAULT]).map((glob) =>
        underDir(testDir, glob.startsWith("**/") || glob.includes("/") ? glob : `**/${glob}`),
      );
      const exclude = strings("testIgnore").map((glob) => underDir(testDir, glob.includes("/") ? glob : `**/${glob}`));
      const setup = [...strings("globalSetup"), ...strings("globalTeardown")].map((file) => underDir(dir, file));
      return { runner, config, dir, include, exclude, regexes: [], setup, scope: [testDir] };
    }
    case "cypress": {
      const specs = strings("specPattern");
      const support = strings("supportFile");
      return {
        runner,
        config,
        dir,
        include: (specs.length > 0 ? specs : [CYPRESS_DEFAULT]).map((glob) => underDir(dir, glob)),
        exclude: strings("excludeSpecPattern").map((glob) => underDir(dir, glob)),
        regexes: [],
        setup: (support.length > 0 ? support : [CYPRESS_SUPPORT]).map((file) => underDir(dir, file)),
      };
    }
    default:
      return null;
  }
}

/**
 * jest's rootDir: relative to the config's folder; in an inline project (`projects: [{ rootDir: "." }]`),
 * relative to the folder jest runs in, its package (only a `<rootDir>` prefix is the config's folder there).
 */
function jestRootDir(rootDir: string | undefined, dir: string, context: ConfigContext): string {
  if (rootDir === undefined) return dir;
  if (rootDir.startsWith("<rootDir>")) return joinDir(dir, rootDir.replace(/^<rootDir>\/?/, ""));
  return joinDir(context.hasInlineProjects ? context.packageDir : dir, rootDir);
}

/** jest, mocha and ava options kept in package.json, and `node --test` in its scripts. */
function fromManifest(path: string, dir: string, text: string): { patterns: TestPattern[]; info: Manifest | null } {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { patterns: [], info: null };
  }
  if (!isRecord(manifest)) return { patterns: [], info: null };
  const record = manifest;
  const patterns: TestPattern[] = [];
  for (const runner of ["jest", "mocha", "ava"] as const) {
    const options = record[runner];
    if (typeof options !== "object" || options === null) continue;
    const values: Values = new Map();
    for (const [key, value] of Object.entries(options)) values.set(key, literalsOf(value));
    const pattern = fromValues(runner, `${path}#${runner}`, dir, values);
    if (pattern) patterns.push(pattern);
  }
  const scripts = record.scripts;
  if (typeof scripts === "object" && scripts !== null) {
    for (const [name, script] of Object.entries(scripts)) {
      if (typeof script !== "string") continue;
      for (const globs of nodeTestGlobs(script)) {
        patterns.push({
          runner: "node",
          config: `${path}#scripts.${name}`,
          dir,
          include: (globs.length > 0 ? globs : NODE_DEFAULTS).map((glob) => underDir(dir, glob)),
          exclude: [],
          regexes: [],
        });
      }
    }
  }
  const strings = (value: unknown): Record<string, string> =>
    typeof value === "object" && value !== null
      ? Object.fromEntries(
          Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
        )
      : {};
  const dependencies = {
    ...strings(record.peerDependencies),
    ...strings(record.optionalDependencies),
    ...strings(record.devDependencies),
    ...strings(record.dependencies),
  };
  const name = typeof record.name === "string" ? record.name : null;
  return { patterns, info: { dir, name, scripts: strings(record.scripts), dependencies } };
}

/** The file arguments of each `node --test` (or `tsx --test`) in a script; an empty list means Node's defaults. */
export function nodeTestGlobs(script: string): string[][] {
  const found: string[][] = [];
  for (const command of script.split(/&&|\|\||;/)) {
    const words = command.trim().match(/"[^"]*"|'[^']*'|\S+/g) ?? [];
    const runner = words.findIndex((word) => /^(?:node|tsx)$/.test(word));
    if (runner === -1 || !words.slice(runner + 1).includes("--test")) continue;
    const globs = words
      .slice(runner + 1)
      .filter((word) => !word.startsWith("-"))
      .map((word) => word.replace(/^(["'])(.*)\1$/, "$2"))
      .filter((word) => /[*/.]/.test(word));
    found.push(globs);
  }
  return found;
}

function literalsOf(value: unknown): Literal[] {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === "string");
  return [];
}

/** Top-level keys of a JSON (with comments) config, for .mocharc.json and jest.config.json. */
function jsonValues(text: string): Values | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\s*\/\/.*$/gm, ""));
  } catch {
    return null;
  }
  if (typeof parsed !== "object" || parsed === null) return null;
  return new Map(Object.entries(parsed).map(([key, value]) => [key, literalsOf(value)]));
}

/**
 * Reads option values from a JavaScript or TypeScript config with the
 * TypeScript parser: every property with a literal string, array of strings
 * or regular expression. For vite and vitest only properties inside a `test`
 * object count (`coverage.include` is not a test glob).
 */
async function scriptReader(): Promise<(text: string, onlyUnderTest: boolean) => Parsed> {
  const { default: ts } = await import("#typescript");
  return (text, onlyUnderTest) => {
    const file = ts.createSourceFile("config.ts", text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const values: Values = new Map();
    const servers: Parsed["servers"] = [];
    let hasInlineProjects = false;
    /** A string, or a template whose substitutions are kept as written (`yarn dev --port ${PORT}`). */
    const commandText = (node: import("#typescript").Expression): string | null => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
      if (!ts.isTemplateExpression(node)) return null;
      return (
        node.head.text +
        node.templateSpans.map((span) => `\${${span.expression.getText(file)}}${span.literal.text}`).join("")
      );
    };
    const readServer = (node: import("#typescript").Expression): void => {
      if (!ts.isObjectLiteralExpression(node)) return;
      let command: string | null = null;
      let cwd: string | null = null;
      for (const property of node.properties) {
        if (!ts.isPropertyAssignment(property)) continue;
        const key = nameOf(property.name);
        if (key === "command") command = commandText(property.initializer);
        if (key === "cwd") cwd = commandText(property.initializer);
      }
      if (command !== null) servers.push({ command, cwd });
    };
    const literal = (node: import("#typescript").Node): Literal[] => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
      if (ts.isRegularExpressionLiteral(node)) {
        const match = /^\/(.*)\/([a-z]*)$/s.exec(node.text);
        return match ? safeRegex(match[1] ?? "", match[2] ?? "") : [];
      }
      if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap(literal);
      const fromHere = configRelative(node);
      return fromHere === null ? [] : [fromHere];
    };
    /** The config's own folder (`__dirname`, `import.meta.dirname`). */
    const isHere = (node: import("#typescript").Node): boolean =>
      (ts.isIdentifier(node) && node.text === "__dirname") ||
      (ts.isPropertyAccessExpression(node) &&
        node.name.text === "dirname" &&
        ts.isMetaProperty(node.expression) &&
        node.expression.name.text === "meta");
    const stringOf = (node: import("#typescript").Node): string | null =>
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : null;
    /**
     * A path built from the config's folder, as written from it: `__dirname + '/setup.ts'`,
     * `` `${__dirname}/setup.ts` ``, `path.join(__dirname, 'setup.ts')`, `resolve(import.meta.dirname, 'setup.ts')`.
     */
    const configRelative = (node: import("#typescript").Node): string | null => {
      if (ts.isParenthesizedExpression(node)) return configRelative(node.expression);
      if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken && isHere(node.left)) {
        const rest = stringOf(node.right);
        return rest === null ? null : posix.normalize(`./${rest}`);
      }
      if (ts.isTemplateExpression(node) && node.head.text === "" && node.templateSpans.length === 1) {
        const [span] = node.templateSpans;
        return span !== undefined && isHere(span.expression) ? posix.normalize(`./${span.literal.text}`) : null;
      }
      if (ts.isCallExpression(node) && node.arguments.length >= 2) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee)
          ? callee.text
          : ts.isPropertyAccessExpression(callee)
            ? callee.name.text
            : null;
        const [first, ...rest] = node.arguments;
        if ((name !== "join" && name !== "resolve") || first === undefined || !isHere(first)) return null;
        const parts = rest.map(stringOf);
        if (parts.some((part) => part === null)) return null;
        return posix.normalize(`./${parts.join("/")}`);
      }
      return null;
    };
    const nameOf = (node: import("#typescript").PropertyName): string | null =>
      ts.isIdentifier(node) || ts.isStringLiteral(node) ? node.text : null;
    const isEnabled = (node: import("#typescript").Expression): boolean =>
      node.kind === ts.SyntaxKind.TrueKeyword ||
      (ts.isObjectLiteralExpression(node) &&
        node.properties.some(
          (property) =>
            ts.isPropertyAssignment(property) &&
            nameOf(property.name) === "enabled" &&
            property.initializer.kind === ts.SyntaxKind.TrueKeyword,
        ));
    const visit = (node: import("#typescript").Node, underTest: boolean): void => {
      if (ts.isPropertyAssignment(node)) {
        const name = nameOf(node.name);
        if (name === "webServer") {
          const entries = ts.isArrayLiteralExpression(node.initializer)
            ? node.initializer.elements
            : [node.initializer];
          for (const entry of entries) readServer(entry);
        }
        if (name === "projects") {
          const initializer = node.initializer;
          hasInlineProjects ||= !(
            ts.isArrayLiteralExpression(initializer) &&
            initializer.elements.every((element) => ts.isStringLiteralLike(element))
          );
        }
        if (name !== null && (!onlyUnderTest || underTest)) {
          const found = literal(node.initializer);
          if (found.length > 0) values.set(name, [...(values.get(name) ?? []), ...found]);
        }
        if (name === "test" && ts.isObjectLiteralExpression(node.initializer)) {
          for (const property of node.initializer.properties) {
            if (ts.isPropertyAssignment(property) && nameOf(property.name) === "coverage") continue;
            visit(property, true);
          }
          return;
        }
        // Two switches vitest's own options hold, as "true"/"false": `typecheck` (or `typecheck.enabled`), `watch`.
        if (underTest && name === "typecheck" && isEnabled(node.initializer)) values.set("typecheck", ["true"]);
        if (underTest && name === "watch" && node.initializer.kind === ts.SyntaxKind.FalseKeyword)
          values.set("watch", ["false"]);
        // Options of another tool nested in a test object (coverage, typecheck, browser) are not test globs.
        if (underTest && name !== null && ["coverage", "typecheck", "benchmark", "browser"].includes(name)) return;
      }
      ts.forEachChild(node, (child) => visit(child, underTest));
    };
    visit(file, false);
    return { values, servers, hasInlineProjects };
  };
}

/** A regular expression from the repository, refused when it could backtrack badly (a quantified group that holds a quantifier). */
function safeRegex(value: Literal, flags = ""): RegExp[] {
  if (value instanceof RegExp) return [value];
  if (value.length > 300 || /\([^)]*[+*}][^)]*\)\s*[+*{]/.test(value)) return [];
  try {
    return [new RegExp(value, flags.replace(/[^imsu]/g, ""))];
  } catch {
    return [];
  }
}

/** Runner globs made matchable: simple extglobs turned into braces, costly globs left out with a warning. */
function safeGlobs(globs: readonly string[], config: string, warnings: string[]): string[] {
  return globs.flatMap((raw) => {
    const glob = withoutExtglobs(raw);
    if (glob === null) return [];
    const problem = globCostProblem(glob);
    if (problem !== null) {
      warnings.push(`${config}: test glob "${raw}" left out: ${problem}`);
      return [];
    }
    return [glob];
  });
}

/** `?(a|b)` → `{,a,b}`, `@(a|b)` and `+(a|b)` → `{a,b}`, `*(a)` → `{,a}`; null for `!(…)` or nested groups. */
export function withoutExtglobs(glob: string): string | null {
  if (/!\(/.test(glob)) return null;
  const converted = glob.replace(/([?@+*])\(([^()]*)\)/g, (_, kind: string, body: string) => {
    const options = body.split("|").join(",");
    return kind === "?" || kind === "*" ? `{,${options}}` : `{${options}}`;
  });
  return /[?@+*!]\(/.test(converted) ? null : converted;
}

/** The folder (with a trailing `/`) that every glob's literal leading segments share; "" when none. */
function commonFolder(globs: readonly string[]): string {
  let common: string[] | null = null;
  for (const glob of globs) {
    const segments = glob.split("/");
    const literal: string[] = [];
    for (const segment of segments.slice(0, -1)) {
      if (/[*?[\]{}()!]/.test(segment)) break;
      literal.push(segment);
    }
    common = common === null ? literal : common.slice(0, commonLength(common, literal));
    if (common.length === 0) return "";
  }
  return common === null || common.length === 0 ? "" : `${common.join("/")}/`;
}

function commonLength(a: readonly string[], b: readonly string[]): number {
  let length = 0;
  while (length < a.length && length < b.length && a[length] === b[length]) length += 1;
  return length;
}

/** A setup file named without its extension (`./setup`) matches the code file of that name. */
function withCodeExtension(glob: string): string {
  return /\.[cm]?[jt]sx?$/.test(glob) ? glob : `${glob}{,.ts,.tsx,.mts,.cts,.js,.jsx,.mjs,.cjs}`;
}

function joinDir(dir: string, relative: string): string {
  const joined = posix.normalize(posix.join(dir, relative));
  return joined === "." ? "" : joined.replace(/\/$/, "");
}

/** A glob relative to `dir` made repo-relative (`./src/**` under `packages/a` → `packages/a/src/**`). */
function underDir(dir: string, glob: string): string {
  const relative = glob.replace(/^\.\//, "");
  if (dir === "") return relative;
  return relative.startsWith("**/") ? `${dir}/${relative}` : posix.join(dir, relative);
}
