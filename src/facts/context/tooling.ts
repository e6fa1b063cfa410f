import type { DiscoveredFile } from "../../discover/index.js";
import type { PackageFact } from "./packages.js";

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
  lint: /^lint(?:[:-].+)?$/,
  typecheck: /^(?:typecheck|type-check|check-types|types|tsc|check:types|typecheck:.+|type-check:.+)$/,
};
const PURPOSE_COMMANDS: Record<ScriptPurpose, RegExp> = {
  test: /\b(?:vitest|jest|mocha|ava|tap|playwright test|node\s[^&|;]*--test)\b/,
  build: /\b(?:tsc(?![^&|;]*--noEmit)|tsup|rollup|vite build|esbuild|webpack|unbuild|next build|swc)\b/,
  lint: /\b(?:eslint|biome (?:lint|check|ci)|xo|oxlint|standard)\b/,
  typecheck: /\btsc\b[^&|;]*--noEmit|\bvue-tsc\b|\btsc (?:-b|--build)\b/,
};

/**
 * The first script that serves a purpose, by conventional name (`lint`,
 * `lint:js`, `build:esm`) or by the tool it runs; npm's placeholder test script
 * does not count.
 */
export function findScriptFor(
  purpose: ScriptPurpose,
  packages: readonly PackageFact[],
): { dir: string; name: string } | null {
  for (const pkg of packages) {
    const names = Object.keys(pkg.scripts).filter((name) => !PLACEHOLDER.test(pkg.scripts[name] ?? ""));
    const byName = names.find((name) => PURPOSE_NAMES[purpose].test(name));
    if (byName) return { dir: pkg.dir, name: byName };
  }
  for (const pkg of packages) {
    const byCommand = Object.keys(pkg.scripts).find((name) => PURPOSE_COMMANDS[purpose].test(pkg.scripts[name] ?? ""));
    if (byCommand) return { dir: pkg.dir, name: byCommand };
  }
  return null;
}
