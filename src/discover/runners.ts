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
import { readFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { compileGlobs, globCostProblem } from "./globs.js";

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
}

/** Answers whether a path is a test by some runner's configuration, and says which. */
export interface RunnerTests {
  patterns: TestPattern[];
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

/** Reads every test runner's configuration among `paths`. */
export async function readTestRunners(root: string, paths: readonly string[]): Promise<RunnerTests> {
  const warnings: string[] = [];
  const patterns: TestPattern[] = [];
  const configs = paths.filter((path) => {
    const name = posix.basename(path);
    return !path.split("/").includes("node_modules") && (isRunnerConfig(name) || name === "package.json");
  });
  const needsParser = configs.some((path) => /\.[cm]?[jt]s$/.test(path));
  const parse = needsParser ? await scriptReader() : null;
  for (const path of configs) {
    const text = await readFile(join(root, path), "utf8").catch(() => null);
    if (text === null || text.length > MAX_CONFIG_BYTES) continue;
    const dir = posix.dirname(path) === "." ? "" : posix.dirname(path);
    const name = posix.basename(path);
    if (name === "package.json") {
      patterns.push(...fromManifest(path, dir, text));
      continue;
    }
    const values = /\.jsonc?$/.test(name) ? jsonValues(text) : parse ? parse(text, VITEST.test(name)) : null;
    if (!values) continue;
    const pattern = fromValues(runnerOf(name), path, dir, values);
    if (pattern) patterns.push(pattern);
  }
  const compiled = patterns.flatMap((pattern) => {
    const include = safeGlobs(pattern.include, pattern.config, warnings);
    const exclude = safeGlobs(pattern.exclude, pattern.config, warnings);
    if (include.length === 0 && pattern.regexes.length === 0) return [];
    return [
      {
        pattern,
        include: include.map((glob) => ({ glob, matches: compileGlobs([glob]) })),
        isExcluded: compileGlobs(exclude),
      },
    ];
  });
  return {
    patterns: compiled.map((entry) => entry.pattern),
    warnings,
    match(path) {
      for (const { pattern, include, isExcluded } of compiled) {
        if (isExcluded(path)) continue;
        const glob = include.find((candidate) => candidate.matches(path));
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
      return {
        runner,
        config,
        dir,
        include,
        exclude: strings("exclude").map((glob) => underDir(base, glob)),
        regexes: [],
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
      return { runner, config, dir, include, exclude, regexes: [] };
    }
    default:
      return null;
  }
}

/** jest, mocha and ava options kept in package.json, and `node --test` in its scripts. */
function fromManifest(path: string, dir: string, text: string): TestPattern[] {
  let manifest: unknown;
  try {
    manifest = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return [];
  }
  if (typeof manifest !== "object" || manifest === null) return [];
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
  return patterns;
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
