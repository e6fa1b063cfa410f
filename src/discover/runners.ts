/**
 * What the repository's test runners say a test is: the include globs of
 * vitest, jest, mocha, ava, playwright and `node --test`, read from their own
 * configuration without running it. A JavaScript or TypeScript config is
 * parsed, not evaluated: only literal strings (and jest's literal regular
 * expressions) count, and a computed value leaves the naming conventions in
 * charge. Globs and expressions come from the repository, so they are held to
 * the same cost bound as the config's own globs.
 *
 * May: read test-runner configuration files and package.json files.
 * May not: run any of them, read other files.
 */
import { createHash } from "node:crypto";
import { posix } from "node:path";
import { compileGlobs, globCostProblem } from "./globs.js";
import { READ_LIMITS, readTextOrNull } from "../read.js";

/** Which files one runner's configuration names as tests. */
export interface TestPattern {
  runner: "vitest" | "jest" | "mocha" | "ava" | "playwright" | "node";
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
  /** package.json `name` per package folder ("" for the root), read on the way. */
  packageNames: Map<string, string>;
  /** Every vitest config's typecheck and watch options, read on the way. */
  vitestConfigs: VitestConfig[];
  /** Why `path` is a test by a runner's configuration, or null. */
  match(path: string): string | null;
  warnings: string[];
}

const VITEST = /^vitest(?:\.[\w-]+)*\.[cm]?[jt]s$|^vite\.config\.[cm]?[jt]s$/;
const JEST = /^jest(?:\.[\w-]+)*\.config\.(?:[cm]?[jt]s|json)$|^jest\.config(?:\.[\w-]+)*\.(?:[cm]?[jt]s|json)$/;
const MOCHA = /^\.mocharc\.(?:[cm]?js|jsonc?)$/;
const AVA = /^ava\.config\.[cm]?js$/;
const PLAYWRIGHT = /^playwright(?:\.[\w-]+)*\.config\.[cm]?[jt]s$/;
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
/** Config files larger than this are not read: no runner config is that big. */
const MAX_CONFIG_BYTES = 256 * 1024;

type Literal = string | RegExp;
type Values = Map<string, Literal[]>;

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
  return { ...compile(read.patterns), packageNames: new Map(read.names), vitestConfigs: read.vitest };
}

interface Read {
  patterns: TestPattern[];
  names: Array<[string, string]>;
  vitest: VitestConfig[];
}

/** A key of the configs' paths and contents; null when one has no blob id (untracked or modified). */
function cacheKey(configs: readonly string[], blobs: ReadonlyMap<string, string | null> | undefined): string | null {
  if (!blobs) return null;
  const entries = configs.map((path) => [path, blobs.get(path) ?? null]);
  if (entries.some(([, blob]) => blob === null)) return null;
  return createHash("sha1").update(JSON.stringify(entries)).digest("hex");
}

type StoredPattern = Omit<TestPattern, "regexes"> & { regexes: Array<[string, string]> };
interface Stored {
  patterns: StoredPattern[];
  names: Array<[string, string]>;
  vitest: VitestConfig[];
}

function toJson(read: Read): Stored {
  const patterns = read.patterns.map((pattern) => ({
    ...pattern,
    regexes: pattern.regexes.map((regex): [string, string] => [regex.source, regex.flags]),
  }));
  return { patterns, names: read.names, vitest: read.vitest };
}

function fromJson(value: unknown): Read | null {
  if (typeof value !== "object" || value === null || !("patterns" in value) || !Array.isArray(value.patterns))
    return null;
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
    };
  } catch {
    return null;
  }
}

async function readPatterns(root: string, configs: readonly string[]): Promise<Read> {
  const patterns: TestPattern[] = [];
  const names: Array<[string, string]> = [];
  const vitest: VitestConfig[] = [];
  const needsParser = configs.some((path) => /\.[cm]?[jt]s$/.test(path));
  const parse = needsParser ? await scriptReader() : null;
  for (const path of configs) {
    const text = readTextOrNull(root, path, READ_LIMITS.config);
    if (text === null || text.length > MAX_CONFIG_BYTES) continue;
    const dir = posix.dirname(path) === "." ? "" : posix.dirname(path);
    const name = posix.basename(path);
    if (name === "package.json") {
      const manifest = fromManifest(path, dir, text);
      patterns.push(...manifest.patterns);
      if (manifest.name !== null) names.push([dir, manifest.name]);
      continue;
    }
    const values = /\.jsonc?$/.test(name) ? jsonValues(text) : parse ? parse(text, VITEST.test(name)) : null;
    if (!values) continue;
    if (VITEST.test(name)) {
      vitest.push({
        path,
        dir,
        isTypecheckEnabled: values.get("typecheck")?.includes("true") === true,
        isWatchOff: values.get("watch")?.includes("false") === true,
      });
    }
    const pattern = fromValues(runnerOf(name), path, dir, values);
    if (pattern) patterns.push(pattern);
  }
  return { patterns, names, vitest };
}

function compile(patterns: readonly TestPattern[]): Omit<RunnerTests, "packageNames" | "vitestConfigs"> {
  const warnings: string[] = [];
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
    },
  };
}

/** True for the file names of runner configs read here. */
export function isRunnerConfig(name: string): boolean {
  return VITEST.test(name) || JEST.test(name) || MOCHA.test(name) || AVA.test(name) || PLAYWRIGHT.test(name);
}

function runnerOf(name: string): TestPattern["runner"] {
  if (JEST.test(name)) return "jest";
  if (MOCHA.test(name)) return "mocha";
  if (AVA.test(name)) return "ava";
  if (PLAYWRIGHT.test(name)) return "playwright";
  return "vitest";
}

/** The patterns one runner's options give, globs made repo-relative. */
function fromValues(runner: TestPattern["runner"], config: string, dir: string, values: Values): TestPattern | null {
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
      };
    }
    case "jest": {
      const rootDir = joinDir(dir, strings("rootDir")[0] ?? "");
      const jestGlob = (glob: string) =>
        glob.startsWith("<rootDir>")
          ? underDir(rootDir, glob.replace(/^<rootDir>\/?/, ""))
          : glob.startsWith("**/")
            ? underDir(rootDir, glob)
            : `**/${glob}`;
      const regexes = (values.get("testRegex") ?? []).flatMap((value) => safeRegex(value));
      return {
        runner,
        config,
        dir,
        include: strings("testMatch")
          .filter((glob) => !glob.startsWith("!"))
          .map(jestGlob),
        exclude: strings("testMatch")
          .filter((glob) => glob.startsWith("!"))
          .map((glob) => jestGlob(glob.slice(1))),
        regexes,
        setup: ["setupFiles", "setupFilesAfterEnv", "globalSetup", "globalTeardown"]
          .flatMap(strings)
          .filter((file) => file.startsWith("<rootDir>") || file.startsWith("."))
          .map((file) => underDir(rootDir, file.replace(/^<rootDir>\/?/, ""))),
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
      return { runner, config, dir, include, exclude, regexes: [], setup };
    }
    default:
      return null;
  }
}

/** jest, mocha and ava options kept in package.json, and `node --test` in its scripts. */
function fromManifest(path: string, dir: string, text: string): { patterns: TestPattern[]; name: string | null } {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { patterns: [], name: null };
  }
  if (typeof manifest !== "object" || manifest === null) return { patterns: [], name: null };
  const record = manifest as Record<string, unknown>;
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
  return { patterns, name: typeof record.name === "string" ? record.name : null };
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
async function scriptReader(): Promise<(text: string, onlyUnderTest: boolean) => Values> {
  const { default: ts } = await import("#typescript");
  return (text, onlyUnderTest) => {
    const file = ts.createSourceFile("config.ts", text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const values: Values = new Map();
    const literal = (node: import("#typescript").Node): Literal[] => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
      if (ts.isRegularExpressionLiteral(node)) {
        const match = /^\/(.*)\/([a-z]*)$/s.exec(node.text);
        return match ? safeRegex(match[1] ?? "", match[2] ?? "") : [];
      }
      if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap(literal);
      return [];
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
    return values;
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
