import type { DiscoveredFile } from "../../discover/index.js";
import type { PackageFact } from "./packages.js";
import { vitestConfigFor, type ProjectFact, type VitestConfig } from "./project.js";

/** Test runners by the package that provides them, in order of preference. */
const RUNNER_PACKAGES: ReadonlyArray<[string, string]> = [
  ["vitest", "vitest"],
  ["jest", "jest"],
  ["@playwright/test", "playwright"],
  ["mocha", "mocha"],
  ["ava", "ava"],
  ["tap", "tap"],
  ["jasmine", "jasmine"],
  ["uvu", "uvu"],
  ["cypress", "cypress"],
  ["karma", "karma"],
];
const RUNNER_CONFIGS: ReadonlyArray<[RegExp, string]> = [
  [/(?:^|\/)vitest\.(?:config|workspace)\.[cm]?[jt]s$/, "vitest"],
  [/(?:^|\/)jest\.config\.(?:[cm]?[jt]s|json)$/, "jest"],
  [/(?:^|\/)playwright\.config\.[cm]?[jt]s$/, "playwright"],
  [/(?:^|\/)\.mocharc(?:\.[a-z]+)?$/, "mocha"],
  [/(?:^|\/)ava\.config\.[cm]?js$/, "ava"],
  [/(?:^|\/)cypress\.config\.[cm]?[jt]s$/, "cypress"],
  [/(?:^|\/)karma\.conf\.[cm]?js$/, "karma"],
];

/**
 * The test runner the repository uses: a runner's config file, a `jest` key in
 * package.json, a runner in the dependencies, or `node --test` in a script.
 */
export function detectTestRunner(packages: readonly PackageFact[], files: readonly DiscoveredFile[]): string | null {
  for (const [pattern, runner] of RUNNER_CONFIGS) if (files.some((file) => pattern.test(file.path))) return runner;
  if (packages.some((manifest) => manifest.keys.includes("jest"))) return "jest";
  for (const [name, runner] of RUNNER_PACKAGES)
    if (packages.some((manifest) => manifest.dependencies.includes(name))) return runner;
  const scripts = packages.flatMap((manifest) => Object.values(manifest.scripts));
  if (scripts.some((script) => /\bnode\b[^&|;]*--test\b/.test(script))) return "node:test";
  return null;
}

/** What `npm init` writes: a test script that only fails. */
const PLACEHOLDER = /no test specified/i;
const NON_PRODUCT =
  /(?:^|\/)(?:examples?|fixtures?|__fixtures__|test|tests|__tests__|bench|benchmarks?|demo|demos|sandbox|playground)(?:\/|$)/;

/**
 * The script that runs a package's tests, as the feedback loop's test step
 * reads names: `test`, else the first `test:*`/`test-*`/`tests` script that is
 * not a lint or type-check name (`test:lint`, `test:types`), else one running a
 * test runner; never npm's placeholder. Unlike the test step, a watcher and an
 * end-to-end suite count: they are the package's tests, run another way.
 */
export function findTestScript(manifest: PackageFact): string | null {
  return candidatesFor("test", manifest)[0] ?? null;
}

/**
 * Packages that ship: not examples, fixtures, tests, benchmarks or demos, and
 * not the root of a monorepo (a root with workspaces is the workspace, not a product).
 */
export function productPackages(packages: readonly PackageFact[]): PackageFact[] {
  const isWorkspaceRoot = (manifest: PackageFact): boolean =>
    manifest.dir === "" && (manifest.keys.includes("workspaces") || packages.some((other) => other.dir !== ""));
  return packages.filter((manifest) => !NON_PRODUCT.test(manifest.dir) && !isWorkspaceRoot(manifest));
}

/** What a feedback-loop script is for. */
export type ScriptPurpose = "test" | "build" | "lint" | "typecheck";

const PURPOSE_NAMES: Record<ScriptPurpose, RegExp> = {
  test: /^tests?(?:[:-].+)?$/,
  build: /^(?:build|compile)(?:[:-].+)?$/,
  lint: /^(?:lint|eslint|oxlint)(?:[:-].+)?$|^(?:test|check)[:-](?:lint|eslint|oxlint)(?:[:-].+)?$/,
  typecheck:
    /^(?:typecheck|type-check|check-types|types|tsc|check:types|typecheck:.+|type-check:.+|(?:test|lint|check)[:-](?:types|typecheck|type-check|tsc))$/,
};
const PURPOSE_COMMANDS: Record<ScriptPurpose, RegExp> = {
  test: /\b(?:vitest|jest|mocha|ava|tap|playwright test|node\s[^&|;]*--test)\b/,
  build: /\b(?:tsc(?![^&|;]*--noEmit)|tsup|rollup|vite build|esbuild|webpack|unbuild|next build|swc)\b/,
  lint: /\b(?:eslint|biome (?:lint|check|ci)|xo|oxlint|standard)\b/,
  typecheck: /\btsc\b[^&|;]*--noEmit|\bvue-tsc\b|\btsc (?:-b|--build)\b/,
};

/** A script, by its package folder and name. */
export interface ScriptRef {
  dir: string;
  name: string;
}

/** Test scripts named for an end-to-end suite: they need a running app, so they are the test step last. */
const E2E_NAME = /(?:^|[:-])(?:e2e|playwright|cypress)(?:$|[:-])/;

/** Whether a script's name says it serves a purpose; `test:lint` and `test:types` lint and type-check, they are not the tests. */
export function isNamedFor(purpose: ScriptPurpose, name: string): boolean {
  if (!PURPOSE_NAMES[purpose].test(name)) return false;
  return purpose !== "test" || !(PURPOSE_NAMES.lint.test(name) || PURPOSE_NAMES.typecheck.test(name));
}

/** The root package first, then the others in their order: a sub-package's script is a fallback. */
function rootFirst(packages: readonly PackageFact[]): PackageFact[] {
  return [...packages.filter((pkg) => pkg.dir === ""), ...packages.filter((pkg) => pkg.dir !== "")];
}

/**
 * A package's scripts that serve a purpose, in order of preference: by
 * conventional name (the purpose's own name first: `test` before `test:watch`
 * and `test:unit`, whatever their order in package.json), then by the tool
 * they run. npm's placeholder test script is none.
 */
function candidatesFor(purpose: ScriptPurpose, pkg: PackageFact): string[] {
  const all = Object.keys(pkg.scripts).filter((name) => !PLACEHOLDER.test(pkg.scripts[name] ?? ""));
  const named = all.filter((name) => isNamedFor(purpose, name));
  const byCommand = all.filter((name) => PURPOSE_COMMANDS[purpose].test(pkg.scripts[name] ?? ""));
  return [...new Set([...named.filter((name) => name === purpose), ...named, ...byCommand])];
}

/**
 * The first script that serves a purpose, the root package's before any
 * other's: by conventional name (`lint`, `lint:js`, `test:eslint`,
 * `build:esm`; the purpose's own name first), else by the tool it runs. npm's
 * placeholder test script does not count, nor a script that watches (see
 * {@link watchModeOf}); a bare `vitest`, which watches only in an interactive
 * terminal, and an end-to-end suite are taken when nothing else runs the tests.
 */
export function findScriptFor(
  purpose: ScriptPurpose,
  packages: readonly PackageFact[],
  vitestConfigs: readonly VitestConfig[] = [],
  {
    allowTerminal: isTerminalAllowed = true,
    isYarnBerry = false,
  }: { allowTerminal?: boolean; isYarnBerry?: boolean } = {},
): ScriptRef | null {
  const tiers = [
    { allowTerminal: false, allowE2e: false },
    ...(isTerminalAllowed ? [{ allowTerminal: true, allowE2e: false }] : []),
    { allowTerminal: isTerminalAllowed, allowE2e: true },
  ];
  for (const tier of tiers) {
    const usable = (pkg: PackageFact, name: string): boolean => {
      if (PLACEHOLDER.test(pkg.scripts[name] ?? "")) return false;
      if (purpose === "test" && !tier.allowE2e && E2E_NAME.test(name)) return false;
      const mode = watchModeOf(pkg, name, vitestConfigs, isYarnBerry);
      return mode === null || (tier.allowTerminal && mode === "terminal");
    };
    for (const pkg of rootFirst(packages)) {
      const found = candidatesFor(purpose, pkg).find((name) => usable(pkg, name));
      if (found) return { dir: pkg.dir, name: found };
    }
  }
  return null;
}

/**
 * What to run instead of a watcher: a script of the package that runs once
 * and runs the same tool (`runner`, directly or through the scripts it calls),
 * `test` first, then test and type-check scripts, then the others. End-to-end
 * suites are not offered.
 */
export function runOnceAlternative(
  pkg: PackageFact,
  runner: string | null,
  vitestConfigs: readonly VitestConfig[] = [],
  isYarnBerry = false,
): string | null {
  const names = Object.keys(pkg.scripts).filter((name) => !E2E_NAME.test(name));
  const ordered = [
    ...names.filter((name) => name === "test"),
    ...names.filter((name) => PURPOSE_NAMES.test.test(name)),
    ...names.filter((name) => PURPOSE_NAMES.typecheck.test(name)),
    ...names,
  ];
  const runs = (name: string): boolean =>
    runner === null || new RegExp(`(?:^|[\\s/])${runner}(?:\\s|$)`).test(expandScript(pkg, pkg.scripts[name] ?? "", 0));
  return (
    ordered.find(
      (name) =>
        !PLACEHOLDER.test(pkg.scripts[name] ?? "") &&
        watchModeOf(pkg, name, vitestConfigs, isYarnBerry) === null &&
        runs(name),
    ) ?? null
  );
}

/** Test scripts that only watch (`jest --watch`), when no script runs the tests once. */
export function watchOnlyTestScripts(
  packages: readonly PackageFact[],
  vitestConfigs: readonly VitestConfig[] = [],
  isYarnBerry = false,
): string[] {
  const found = packages.flatMap((pkg) =>
    Object.keys(pkg.scripts)
      .filter(
        (name) => PURPOSE_NAMES.test.test(name) && watchModeOf(pkg, name, vitestConfigs, isYarnBerry) === "always",
      )
      .map((name) => (pkg.dir === "" ? name : `${pkg.dir}: ${name}`)),
  );
  return [...new Set(found)];
}

/** The test runner a command line runs (vitest, jest, mocha, ava, node's), following the package's scripts. */
export function runnerOf(pkg: PackageFact, text: string): string | null {
  return /(?:^|[\s/])(vitest|jest|mocha|ava|tsc|vue-tsc)(?:\s|$)/.exec(expandScript(pkg, text, 0))?.[1] ?? null;
}

/** A command line with the package scripts it calls (`yarn x`, `npm run x`) written out. */
function expandScript(pkg: PackageFact, text: string, depth: number): string {
  if (depth >= 4) return text;
  return text
    .split(/(\s*(?:&&|\|\||;|\|)\s*)/)
    .map((part) => {
      const words = tokens(part);
      if (!MANAGERS.has(words[0] ?? "")) return part;
      const rest = words[1] === "run" || words[1] === "run-script" ? words.slice(2) : words.slice(1);
      const script = rest[0] ?? "";
      return script in pkg.scripts ? expandScript(pkg, pkg.scripts[script] ?? "", depth + 1) : rest.join(" ");
    })
    .join("");
}

/** The scripts an agent runs to check its work, as the feedback loop records them. */
export interface FeedbackSteps {
  test: ScriptRef | null;
  build: ScriptRef | null;
  lint: ScriptRef | null;
  /** A type-check script, else a script that type-checks on the way (see ProjectFact.typecheckScripts), else a build running tsc. */
  typecheck: ScriptRef | null;
}

/**
 * The feedback loop's scripts among the root and product packages, the
 * root's first: a sub-package's script is taken only when the root has none
 * for the step (and is then named with its package, `packages/web/package.json: lint`).
 */
export function findFeedbackSteps(packages: readonly PackageFact[], project: ProjectFact): FeedbackSteps {
  const configs = project.vitestConfigs;
  const options = { isYarnBerry: project.isYarnBerry };
  const build = findScriptFor("build", packages, configs, options);
  return {
    test: findScriptFor("test", packages, configs, options),
    build,
    lint: findScriptFor("lint", packages, configs, options),
    typecheck:
      rootFirst(packages)
        .map((pkg) => typecheckStepOf(pkg, project))
        .find((script) => script !== null) ?? null,
  };
}

/**
 * A package's type-check step: a script named or run for it (`typecheck`, `tsc --noEmit`), else one that
 * type-checks on the way (see ProjectFact.typecheckScripts), else its build when that runs tsc.
 */
function typecheckStepOf(pkg: PackageFact, project: ProjectFact): ScriptRef | null {
  const own = [pkg];
  const options = { isYarnBerry: project.isYarnBerry };
  const build = findScriptFor("build", own, project.vitestConfigs, options);
  const buildRunsTsc = build !== null && /\btsc\b/.test(pkg.scripts[build.name] ?? "");
  return (
    findScriptFor("typecheck", own, project.vitestConfigs, options) ??
    typecheckScriptOf(pkg, project) ??
    (buildRunsTsc ? build : null)
  );
}

/** The package's script that type-checks on the way: `test` first, then one that runs once. */
function typecheckScriptOf(pkg: PackageFact, project: ProjectFact): ScriptRef | null {
  const own = project.typecheckScripts.filter((script) => script.dir === pkg.dir);
  return (
    own.find((script) => script.name === "test") ??
    own.find((script) => watchModeOf(pkg, script.name, project.vitestConfigs, project.isYarnBerry) === null) ??
    null
  );
}

/**
 * How a script watches: "always" when it asks to (`--watch`, `-w`, `--watchAll`,
 * `vitest watch`/`dev`, `tsx watch`, `--ui`), "terminal" for a bare `vitest`
 * (vitest watches by default in an interactive terminal, and runs once in CI
 * or a non-interactive shell), null when it runs once (`vitest run`, `--run`,
 * `--watch=false`, `--watch false`, `--no-watch`, or a vitest config that sets
 * `watch: false`). Only a tool's options count: what follows a `--` it is
 * given is no option of its (vitest and jest read it as file filters). Scripts
 * it runs in the same package (`yarn test:app --watch=false`) are followed,
 * with the arguments the package manager passes on (see {@link argsForScript}).
 */
export function watchModeOf(
  pkg: PackageFact,
  name: string,
  vitestConfigs: readonly VitestConfig[] = [],
  isYarnBerry = false,
): WatchMode {
  return watchOfText(pkg, pkg.scripts[name] ?? "", [], newEnv(vitestConfigs, isYarnBerry), 0);
}

/** How a command line watches (see {@link watchModeOf}), its scripts looked up in `pkg`. */
export function watchModeOfCommand(
  pkg: PackageFact,
  text: string,
  vitestConfigs: readonly VitestConfig[] = [],
  isYarnBerry = false,
): WatchMode {
  return readWatch(pkg, text, vitestConfigs, isYarnBerry).mode;
}

/**
 * How a command line watches, and the watch options that never reach its
 * tool as options: given after a `--` (`pnpm test -- --watch false`), or taken
 * by npm as its own (`npm test --watch false`).
 */
export interface WatchReading {
  mode: WatchMode;
  /** Watch options that reached a tool after a `--` (its own or one the package manager passed on): not applied. */
  ignored: string[];
  /** Watch options npm read as its own config, before the `--` that would have passed them to the script. */
  consumed: string[];
}

/** See {@link WatchReading}. */
export function readWatch(
  pkg: PackageFact,
  text: string,
  vitestConfigs: readonly VitestConfig[] = [],
  isYarnBerry = false,
): WatchReading {
  const env = newEnv(vitestConfigs, isYarnBerry);
  const mode = watchOfText(pkg, text.replace(/^\$\s+/, ""), [], env, 0);
  return { mode, ignored: [...new Set(env.ignored)], consumed: [...new Set(env.consumed)] };
}

/** Whether a package manager hands a script the `--` written after its name: pnpm 7 and later, and yarn 2 and later. */
export function isDashPassedOn(manager: string, isYarnBerry = false): boolean {
  return manager === "pnpm" || (manager === "yarn" && isYarnBerry);
}

/**
 * The arguments a package manager hands the script it runs, given the words
 * after the script's name. npm reads options before a `--` as its own config
 * (a `true` or `false` after one as its value) and passes the positional words
 * and whatever follows the `--`, which it drops; yarn 1 drops a `--` and passes
 * the rest; pnpm (7 and later) and yarn 2 and later pass everything, the `--`
 * included, so that `pnpm test -- --watch false` runs `vitest -- --watch false`.
 * bun is taken as dropping it, as npm does.
 */
export function argsForScript(manager: string, words: readonly string[], isYarnBerry = false): string[] {
  if (isDashPassedOn(manager, isYarnBerry)) return [...words];
  if (manager !== "npm") return withoutFirst(words, "--");
  const end = words.indexOf("--");
  const head = end === -1 ? words : words.slice(0, end);
  const positional = head.filter(
    (word, index) => !word.startsWith("-") && !(/^(?:true|false)$/.test(word) && head[index - 1]?.startsWith("-")),
  );
  return end === -1 ? positional : [...positional, ...words.slice(end + 1)];
}

/**
 * What the lockfile step finds: the root lockfile, `package-lock=false`, or
 * (in a repository of independent apps) a lockfile at or above every package
 * with dependencies; null when some package has none.
 */
export function describeLockfiles(packages: readonly PackageFact[], project: ProjectFact): string | null {
  if (project.packageManager?.lockfile) return project.packageManager.lockfile;
  if (project.isLockfileDisabled) return "disabled in .npmrc";
  const needing = packages.filter((pkg) => pkg.dependencies.length > 0);
  const dirs = project.lockfiles.map((path) => (path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : ""));
  const covering = (pkg: PackageFact): string | undefined =>
    project.lockfiles.find((_, index) => {
      const dir = dirs[index] ?? "";
      return dir === "" || pkg.dir === dir || pkg.dir.startsWith(`${dir}/`);
    });
  if (needing.length === 0 || !needing.every((pkg) => covering(pkg) !== undefined)) return null;
  return [...new Set(needing.map((pkg) => covering(pkg) ?? ""))].sort().join(", ");
}

/** See {@link watchModeOf}. */
export type WatchMode = "always" | "terminal" | null;

/** Tools for which `-w` means watch (for prettier it means write, for pnpm the workspace root). */
const SHORT_WATCH = new Set([
  "tsc",
  "vue-tsc",
  "vitest",
  "mocha",
  "ava",
  "rollup",
  "webpack",
  "tsup",
  "tsdown",
  "babel",
]);
const MANAGERS = new Set(["npm", "pnpm", "yarn", "bun"]);
const VITEST_ONCE = new Set(["run", "list", "init"]);
const WATCH_FLAG = /^--(?:watch|watchAll)$/;

/** What reading a command line's watch mode needs, and the options it found a tool ignores. */
interface Env {
  configs: readonly VitestConfig[];
  isYarnBerry: boolean;
  ignored: string[];
  consumed: string[];
}

function newEnv(configs: readonly VitestConfig[], isYarnBerry: boolean): Env {
  return { configs, isYarnBerry, ignored: [], consumed: [] };
}

/** The watch options among a tool's words (`--watch`, `--no-watch`, `--watchAll=false`), with a `true` or `false` after one. */
function watchWords(words: readonly string[]): string[] {
  return words.filter(
    (word, index) =>
      /^--(?:no-)?watch/.test(word) || (WATCH_FLAG.test(words[index - 1] ?? "") && /^(?:true|false)$/.test(word)),
  );
}

function watchOfText(pkg: PackageFact, text: string, passed: readonly string[], env: Env, depth: number): WatchMode {
  let result: WatchMode = null;
  const segments = text.split(/\s*(?:&&|\|\||;|\|)\s*/);
  segments.forEach((segment, index) => {
    // Arguments passed to the script go to its last command.
    const words = [...tokens(segment), ...(index === segments.length - 1 ? passed : [])];
    const mode = watchOfCommand(pkg, words, env, depth);
    if (mode === "always" || (mode === "terminal" && result === null)) result = mode;
  });
  return result;
}

/** `--watch=false`, `--watch false`, `--no-watch` (and the same of jest's `--watchAll`). */
function isWatchOff(flags: readonly string[]): boolean {
  return flags.some(
    (word, index) =>
      /^--(?:watch|watchAll)=false$|^--no-watch(?:All)?$/.test(word) ||
      (WATCH_FLAG.test(word) && flags[index + 1] === "false"),
  );
}

function isWatchOn(flags: readonly string[]): boolean {
  return flags.some(
    (word, index) =>
      /^--(?:watch|watchAll)=true$/.test(word) || (WATCH_FLAG.test(word) && flags[index + 1] !== "false"),
  );
}

function watchOfCommand(pkg: PackageFact, words: readonly string[], env: Env, depth: number): WatchMode {
  const at = words.findIndex(
    (word) => !/^[A-Z_][A-Z0-9_]*=/.test(word) && !/^(?:cross-env|env|npx|pnpx|bunx|exec|dotenv)$/.test(word),
  );
  const tool = words[at] ?? "";
  // A binary run through npx, pnpm exec and the like: whether they hand it a `--` is not known, so it is taken as not.
  const isRunThrough = words.slice(0, Math.max(at, 0)).some((word) => /^(?:npx|pnpx|bunx|exec)$/.test(word));
  const args = isRunThrough ? withoutFirst(words.slice(at + 1), "--") : words.slice(at + 1);
  if (MANAGERS.has(tool)) return scriptCall(pkg, tool, args, env, depth);
  // A tool's options end at `--`: what follows is its positional arguments.
  const end = args.indexOf("--");
  const flags = end === -1 ? args : args.slice(0, end);
  const after = end === -1 ? [] : args.slice(end + 1);
  env.ignored.push(...watchWords(after));
  if (isWatchOff(flags)) return null;
  if (isWatchOn(flags)) return "always";
  const base = tool.split("/").pop() ?? tool;
  if (SHORT_WATCH.has(base) && flags.includes("-w")) return "always";
  if (base === "tsx" && flags[0] === "watch") return "always";
  if (base === "nodemon") return "always";
  if (base === "playwright" && flags.includes("--ui")) return "always";
  if (base !== "vitest") return null;
  if (flags.includes("--ui") || flags[0] === "watch" || flags[0] === "dev") return "always";
  if (VITEST_ONCE.has(flags[0] ?? "") || flags.includes("--run")) return null;
  return vitestConfigFor(pkg.dir, flags, env.configs)?.isWatchOff === true ? null : "terminal";
}

/**
 * `npm run x -- --watch`, `yarn x`, `pnpm run x`: the script it runs, in the same package, with the arguments the
 * manager passes on; else the binary (`pnpm vitest`), given the words as written less a `--`.
 */
function scriptCall(pkg: PackageFact, manager: string, args: readonly string[], env: Env, depth: number): WatchMode {
  // Options before the script's name are the manager's own.
  const head = readOptionsOf(args);
  const verbAt = args[head] === "run" || args[head] === "run-script" ? head + 1 : head;
  const rest = args.slice(verbAt);
  const script = rest[0] ?? "";
  if (depth >= 4) return null;
  // A binary (`pnpm vitest`): as one run through npx.
  if (!(script in pkg.scripts)) return watchOfCommand(pkg, withoutFirst(rest, "--"), env, depth + 1);
  const given = rest.slice(1);
  const passed = argsForScript(manager, given, env.isYarnBerry);
  if (manager === "npm") {
    const end = given.indexOf("--");
    env.consumed.push(...watchWords(end === -1 ? given : given.slice(0, end)));
  }
  return watchOfText(pkg, pkg.scripts[script] ?? "", passed, env, depth + 1);
}

/** The index of the first word that is not a package manager option (`pnpm -w run x`, `yarn --silent x`). */
function readOptionsOf(args: readonly string[]): number {
  const index = args.findIndex((word) => !word.startsWith("-"));
  return index === -1 ? args.length : index;
}

function withoutFirst(words: readonly string[], word: string): string[] {
  const at = words.indexOf(word);
  return at === -1 ? [...words] : [...words.slice(0, at), ...words.slice(at + 1)];
}

function tokens(segment: string): string[] {
  return (segment.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((word) => word.replace(/^["']|["']$/g, ""));
}
