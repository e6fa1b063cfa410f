import { posix } from "node:path";
import { z } from "zod";
import type { Facts, ModuleFacts } from "../../src/facts/index.js";
import { defineRule } from "../define-rule.js";

/** A file reached only through other modules earns half the credit of a directly tested one. */
const TRANSITIVE_CREDIT = 0.5;

/** Reports source files no test reaches (or, with a coverage report, that too few lines of run). */
export default defineRule({
  id: "tests/untested-module",
  category: "tests",
  severity: "warning",
  description:
    "Every source file with code is exercised by tests: imported by a test (mapped from the import graph) or, with a coverage report, run for at least `minLineCoverage` percent of its lines.",
  why: "Without a test that runs a module, an agent cannot check that its change kept the module working, and it will not know it broke it.",
  weight: 4,
  effort: "medium",
  messages: {
    untested: {
      message:
        "No test reaches {{file}} ({{lines}} lines{{churn}}): no test imports it, directly or through other modules",
      fix: "Add {{testFile}} that imports {{name}} and exercises its exports{{exports}}.",
    },
    indirect: {
      message: "{{file}} ({{lines}} lines{{churn}}) is only reached by tests through other modules",
      fix: "Add {{testFile}} that imports {{name}} directly, so its behaviour is checked where it is defined{{exports}}.",
      severity: "info",
    },
    uncovered: {
      message: "{{file}} ({{lines}} lines{{churn}}) has no line covered in {{report}}",
      fix: "Add {{testFile}} that imports {{name}} and exercises its exports{{exports}}, then regenerate the coverage report.",
    },
    lowCoverage: {
      message: "{{file}} has {{coverage}}% line coverage in {{report}} (at least {{min}}% expected)",
      fix: "Extend the tests of {{name}} to run its uncovered branches{{exports}}, then regenerate the coverage report.",
    },
  },
  options: z.strictObject({
    /** With a coverage report: files below this line coverage (percent) are reported; any gap still costs score. */
    minLineCoverage: z.number().min(0).max(100).default(50),
  }),
  check({ facts, options, examine, report, charge }) {
    const map = facts.tests;
    const modules = new Map(facts.modules.map((module) => [module.path, module]));
    const convention = testConvention(facts);
    for (const path of map.testable) {
      const module = modules.get(path);
      if (!module) continue;
      examine(module.lines);
      const data = describe(module, facts, convention);
      const at = { file: path, line: 1, column: 1, anchor: "file" };
      if (map.coverage) {
        const ratio = map.coverage.get(path) ?? 0;
        const cost = module.lines * (1 - ratio);
        const reportName = facts.coverage.status === "ok" ? facts.coverage.report : "the coverage report";
        if (ratio === 0) report({ ...at, messageId: "uncovered", data: { ...data, report: reportName }, cost });
        else if (ratio * 100 < options.minLineCoverage) {
          const coverage = Math.round(ratio * 1000) / 10;
          report({
            ...at,
            messageId: "lowCoverage",
            data: { ...data, report: reportName, coverage, min: options.minLineCoverage },
            cost,
          });
        } else charge(cost);
      } else if (map.direct.has(path)) {
        continue;
      } else if (map.transitive.has(path)) {
        report({ ...at, messageId: "indirect", data, cost: module.lines * (1 - TRANSITIVE_CREDIT) });
      } else {
        report({ ...at, messageId: "untested", data, cost: module.lines });
      }
    }
  },
});

/** Where tests are kept: beside their code or in a test folder, by the named tests of a package or the repository. */
interface Placement {
  isColocated: boolean;
  /** Colocated tests sit in a `__tests__/` folder beside the code (`dialog/__tests__/dialog.test.tsx`). */
  isInTestsFolder: boolean;
  /** The test folder at the package root most of its tests are in (`test`, `tests`, `__tests__`), if any. */
  folder: string | null;
}

/** Where this repository keeps its tests and how it names them, read once from the tests it has. */
interface Convention {
  suffix: string;
  /** The repository's placement, for a package with no named test of its own. */
  placement: Placement;
  /** Each package's own placement, where it has named tests. */
  packages: Map<string, Placement>;
  /** Each package's route folders (package-relative prefixes), where its framework makes routes of files. */
  routes: Map<string, string[]>;
  /** The package a file belongs to (its folder, "" for the root) and the file's path inside it. */
  within(path: string): { dir: string; path: string };
}

/** A package's test folder, at its root. */
const TEST_FOLDER = /^(tests?|__tests__)\//;
/** A test file by its name (`x.test.ts`, `x.spec.tsx`): helpers and mocks say nothing of where tests go. */
const NAMED_TEST = /[.-](?:test|spec)\.[cm]?[jt]sx?$/;

/**
 * Folders a framework turns into routes or pages, from a package root, by the framework's package: a new file
 * there (a test) would become a page. Next.js's `pages/` and `app/`, Remix's and React Router's `app/routes/`,
 * SvelteKit's `src/routes/`, Nuxt's `pages/`, Astro's `src/pages/`.
 */
const ROUTE_FOLDERS: ReadonlyArray<{ dependency: RegExp; folders: readonly string[] }> = [
  { dependency: /^next$/, folders: ["pages", "src/pages", "app", "src/app"] },
  { dependency: /^(?:@remix-run\/dev|@react-router\/dev)$/, folders: ["app/routes"] },
  { dependency: /^@sveltejs\/kit$/, folders: ["src/routes"] },
  { dependency: /^nuxt$/, folders: ["pages", "app/pages"] },
  { dependency: /^astro$/, folders: ["src/pages"] },
];

function testConvention(facts: Facts): Convention {
  const dirs = facts.packages
    .map((pkg) => pkg.dir)
    .filter((dir) => dir !== "")
    .sort((a, b) => b.length - a.length);
  const within = (path: string): { dir: string; path: string } => {
    const dir = dirs.find((candidate) => path.startsWith(`${candidate}/`)) ?? "";
    return { dir, path: dir === "" ? path : path.slice(dir.length + 1) };
  };
  const tests = facts.modules.filter((module) => module.kind === "test").map((module) => module.path);
  const suffix =
    tests.some((path) => /\.spec\.[cm]?[jt]sx?$/.test(path)) && !tests.some((path) => /\.test\./.test(path))
      ? "spec"
      : "test";
  const named = tests.filter((path) => NAMED_TEST.test(path)).map(within);
  const byPackage = new Map<string, Array<{ dir: string; path: string }>>();
  for (const test of named) byPackage.set(test.dir, [...(byPackage.get(test.dir) ?? []), test]);
  const packages = new Map([...byPackage].map(([dir, list]) => [dir, placementOf(list)]));
  const routes = new Map<string, string[]>();
  for (const pkg of facts.packages) {
    const found = ROUTE_FOLDERS.filter((entry) => pkg.dependencies.some((name) => entry.dependency.test(name)));
    if (found.length > 0)
      routes.set(
        pkg.dir,
        found.flatMap((entry) => entry.folders.map((folder) => `${folder}/`)),
      );
  }
  return { suffix, placement: placementOf(named), packages, routes, within };
}

/** Where these tests (package-relative paths) are: mostly beside their code, or mostly in a test folder. */
function placementOf(tests: ReadonlyArray<{ path: string }>): Placement {
  const folders = tests.map((test) => TEST_FOLDER.exec(test.path)?.[1]);
  const colocated = tests.filter((_, index) => folders[index] === undefined);
  const inTestsFolder = colocated.filter((test) => posix.basename(posix.dirname(test.path)) === "__tests__");
  return {
    isColocated: colocated.length > tests.length / 2,
    isInTestsFolder: inTestsFolder.length > colocated.length / 2,
    folder: mostCommon(folders),
  };
}

/**
 * The test file to propose: beside the module (or in a `__tests__/` beside it) when the repository's tests sit
 * beside their code, else under the package's test folder (`test/`, `tests/`, as its tests are) with the
 * module's path from the package's `src/`. A place where the framework would turn the new file into a route or a
 * page (a test under Next.js `pages/`) is never proposed: the test goes under the test folder instead.
 */
function testFileFor(module: ModuleFacts, convention: Convention): string {
  const extension = posix.extname(module.path);
  const stem = posix.basename(module.path, extension);
  const testExtension = extension === ".tsx" || extension === ".jsx" ? extension : extension.replace(/^\.[cm]?/, ".");
  const name = `${stem}.${convention.suffix}${testExtension}`;
  const { dir, path } = convention.within(module.path);
  const placement = convention.packages.get(dir) ?? convention.placement;
  const inPackage = (relative: string): string => (dir === "" ? relative : `${dir}/${relative}`);
  const folder = placement.folder ?? convention.placement.folder ?? "test";
  const underTests = inPackage(`${folder}/${posix.join(posix.dirname(path.replace(/^src\//, "")), name)}`);
  if (!placement.isColocated) return underTests;
  const beside = posix.join(posix.dirname(path), placement.isInTestsFolder ? "__tests__" : "", name);
  const isRoute = (convention.routes.get(dir) ?? []).some((prefix) => beside.startsWith(prefix));
  return isRoute ? underTests : inPackage(beside);
}

/** The value most entries have (the first such in order of appearance), ignoring undefined; null when none. */
function mostCommon(values: ReadonlyArray<string | undefined>): string | null {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, count] of counts) if (best === null || count > (counts.get(best) ?? 0)) best = value;
  return best;
}

function describe(module: ModuleFacts, facts: Facts, convention: Convention): Record<string, string | number> {
  const history = facts.history.status === "ok" ? facts.history.files.get(module.path) : undefined;
  const exported = module.exports
    .filter((symbol) => symbol.kind === "function" || symbol.kind === "class")
    .map((symbol) => symbol.name);
  return {
    file: module.path,
    name: posix.basename(module.path),
    lines: module.lines,
    churn: history ? `, changed in ${history.commits} commit${history.commits === 1 ? "" : "s"}` : "",
    testFile: testFileFor(module, convention),
    exports: exported.length > 0 ? ` (${exported.slice(0, 4).join(", ")}${exported.length > 4 ? ", …" : ""})` : "",
  };
}
