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

/** The script that runs a package's tests: `test`, else the first `test:*`/`test-*`/`tests` script; never npm's placeholder. */
export function findTestScript(manifest: PackageFact): string | null {
  const names = Object.keys(manifest.scripts).filter((name) => !PLACEHOLDER.test(manifest.scripts[name] ?? ""));
  if (names.includes("test")) return "test";
  return names.find((name) => /^tests?(?:[:-].+)?$/.test(name)) ?? null;
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
function isNamedFor(purpose: ScriptPurpose, name: string): boolean {
  if (!PURPOSE_NAMES[purpose].test(name)) return false;
  return purpose !== "test" || !(PURPOSE_NAMES.lint.test(name) || PURPOSE_NAMES.typecheck.test(name));
}

/** The root package first, then the others in their order: a sub-package's script is a fallback. */
function rootFirst(packages: readonly PackageFact[]): PackageFact[] {
  return [...packages.filter((pkg) => pkg.dir === ""), ...packages.filter((pkg) => pkg.dir !== "")];
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
  { allowTerminal: isTerminalAllowed = true }: { allowTerminal?: boolean } = {},
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
      const mode = watchModeOf(pkg, name, vitestConfigs);
      return mode === null || (tier.allowTerminal && mode === "terminal");
    };
    for (const pkg of rootFirst(packages)) {
      const names = Object.keys(pkg.scripts).filter((name) => isNamedFor(purpose, name));
      // `test` itself before `test:watch`, `test:unit` and the others, whatever their order in package.json.
      const byName = [...names.filter((name) => name === purpose), ...names].find((name) => usable(pkg, name));
      if (byName) return { dir: pkg.dir, name: byName };
      const byCommand = Object.keys(pkg.scripts).find(
        (name) => PURPOSE_COMMANDS[purpose].test(pkg.scripts[name] ?? "") && usable(pkg, name),
      );
      if (byCommand) return { dir: pkg.dir, name: byCommand };
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
        !PLACEHOLDER.test(pkg.scripts[name] ?? "") && watchModeOf(pkg, name, vitestConfigs) === null && runs(name),
    ) ?? null
  );
}

/** Test scripts that only watch (`jest --watch`), when no script runs the tests once. */
export function watchOnlyTestScripts(
  packages: readonly PackageFact[],
  vitestConfigs: readonly VitestConfig[] = [],
): string[] {
  const found = packages.flatMap((pkg) =>
    Object.keys(pkg.scripts)
      .filter((name) => PURPOSE_NAMES.test.test(name) && watchModeOf(pkg, name, vitestConfigs) === "always")
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
  const build = findScriptFor("build", packages, configs);
  return {
    test: findScriptFor("test", packages, configs),
    build,
    lint: findScriptFor("lint", packages, configs),
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
  const build = findScriptFor("build", own, project.vitestConfigs);
  const buildRunsTsc = build !== null && /\btsc\b/.test(pkg.scripts[build.name] ?? "");
  return (
    findScriptFor("typecheck", own, project.vitestConfigs) ??
    typecheckScriptOf(pkg, project) ??
    (buildRunsTsc ? build : null)
  );
}

/** The package's script that type-checks on the way: `test` first, then one that runs once. */
function typecheckScriptOf(pkg: PackageFact, project: ProjectFact): ScriptRef | null {
  const own = project.typecheckScripts.filter((script) => script.dir === pkg.dir);
  return (
    own.find((script) => script.name === "test") ??
    own.find((script) => watchModeOf(pkg, script.name, project.vitestConfigs) === null) ??
    null
  );
}

/**
 * How a script watches: "always" when it asks to (`--watch`, `-w`, `--watchAll`,
 * `vitest watch`/`dev`, `tsx watch`, `--ui`), "terminal" for a bare `vitest`
 * (vitest watches by default in an interactive terminal, and runs once in CI
 * or a non-interactive shell), null when it runs once (`vitest run`, `--run`,
 * `--watch=false`, or a vitest config that sets `watch: false`). Scripts it
 * runs in the same package (`yarn test:app --watch=false`) are followed, with
 * the arguments passed on.
 */
export function watchModeOf(pkg: PackageFact, name: string, vitestConfigs: readonly VitestConfig[] = []): WatchMode {
  return watchOfText(pkg, pkg.scripts[name] ?? "", [], vitestConfigs, 0);
}

/** How a command line watches (see {@link watchModeOf}), its scripts looked up in `pkg`. */
export function watchModeOfCommand(
  pkg: PackageFact,
  text: string,
  vitestConfigs: readonly VitestConfig[] = [],
): WatchMode {
  return watchOfText(pkg, text.replace(/^\$\s+/, ""), [], vitestConfigs, 0);
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

function watchOfText(
  pkg: PackageFact,
  text: string,
  passed: readonly string[],
  configs: readonly VitestConfig[],
  depth: number,
): WatchMode {
  let result: WatchMode = null;
  const segments = text.split(/\s*(?:&&|\|\||;|\|)\s*/);
  segments.forEach((segment, index) => {
    // Arguments passed to the script go to its last command.
    const words = [...tokens(segment), ...(index === segments.length - 1 ? passed : [])];
    const mode = watchOfCommand(pkg, words, configs, depth);
    if (mode === "always" || (mode === "terminal" && result === null)) result = mode;
  });
  return result;
}

function watchOfCommand(
  pkg: PackageFact,
  words: readonly string[],
  configs: readonly VitestConfig[],
  depth: number,
): WatchMode {
  const at = words.findIndex(
    (word) => !/^[A-Z_][A-Z0-9_]*=/.test(word) && !/^(?:cross-env|env|npx|pnpx|bunx|exec|dotenv)$/.test(word),
  );
  const tool = words[at] ?? "";
  const args = words.slice(at + 1);
  if (args.some((word) => /^--(?:watch|watchAll)=false$|^--no-watch$/.test(word))) return null;
  if (MANAGERS.has(tool)) return scriptCall(pkg, args, configs, depth);
  if (args.some((word) => /^--(?:watch|watchAll)(?:=true)?$/.test(word))) return "always";
  const base = tool.split("/").pop() ?? tool;
  if (SHORT_WATCH.has(base) && args.includes("-w")) return "always";
  if (base === "tsx" && args[0] === "watch") return "always";
  if (base === "nodemon") return "always";
  if (base === "playwright" && args.includes("--ui")) return "always";
  if (base !== "vitest") return null;
  if (args.includes("--ui") || args[0] === "watch" || args[0] === "dev") return "always";
  if (VITEST_ONCE.has(args[0] ?? "") || args.includes("--run")) return null;
  return vitestConfigFor(pkg.dir, args, configs)?.isWatchOff === true ? null : "terminal";
}

/** `npm run x -- --watch`, `yarn x`, `pnpm run x`: the script it runs, in the same package; else the binary (`pnpm vitest`). */
function scriptCall(
  pkg: PackageFact,
  args: readonly string[],
  configs: readonly VitestConfig[],
  depth: number,
): WatchMode {
  const rest = args[0] === "run" || args[0] === "run-script" ? args.slice(1) : args;
  const script = rest[0] ?? "";
  if (depth >= 4) return null;
  if (!(script in pkg.scripts)) return watchOfCommand(pkg, rest, configs, depth + 1);
  const passed = rest.slice(1).filter((word) => word !== "--");
  return watchOfText(pkg, pkg.scripts[script] ?? "", passed, configs, depth + 1);
}

function tokens(segment: string): string[] {
  return (segment.match(/"[^"]*"|'[^']*'|\S+/g) ?? []).map((word) => word.replace(/^["']|["']$/g, ""));
}
