/**
 * What a test runs without importing it: the string literals of a test file
 * that starts child processes (node:child_process, execa, tinyexec, zx,
 * cross-spawn), kept when they could name a script or a command (`bin/cli.js`,
 * `"dist", "cli.mjs"`, `"mycli --help"`), and in any test the relative paths
 * of code files it hands to a loader (`unstable_dev("./worker/index.ts")`). The
 * graph matches them against the packages' `bin` entries, build output and the
 * parsed modules, so that a test of the built CLI reaches what the CLI imports.
 *
 * Also what a test loads by a path it builds (collectPathImports): `require(join(__dirname, "..", "src", name))`,
 * `import(resolve(__dirname, "../src/x"))`, `require.resolve("../src/x")`, `import(new URL("../x.ts",
 * import.meta.url).href)`, and jscodeshift's `defineTest(__dirname, "transform")` (which loads `../transform`).
 * These load the module into the test itself, as an import would: they become imports, and the graph counts the
 * module as directly tested.
 */
import ts from "#typescript";
import { isUnderFixtureFolder } from "../../discover/classify.js";
import type { ImportFact, RunFact } from "./types.js";
import { positionAt } from "./positions.js";
import { findPathSinks, type SinkSpec } from "./static-path.js";

const PROCESS_MODULES = new Set([
  "child_process",
  "node:child_process",
  "execa",
  "tinyexec",
  "zx",
  "cross-spawn",
  "nano-spawn",
]);
/** A script file name, a path through a bin or build folder, or a command line's first word. */
const CANDIDATE = /\.[cm]?[jt]s\b|(?:^|[\s/\\])(?:bin|dist|build|lib|out)[/\\]|^[\w@][\w@./-]*(?:\s|$)/;
/**
 * A path to a code file, as a test hands it to a tool that loads it (a worker, a dev server): relative
 * paths reach any module, others only a package's binary (`"packages/vite/bin/vite.js"`).
 */
const CODE_PATH = /^(?:\.\.?\/)?[\w@.-]+(?:\/[\w@.-]+)*\/[\w@.-]+\.[cm]?[jt]sx?$|^\.\.?\/[\w@.-]+\.[cm]?[jt]sx?$/;
const MAX_RUNS = 200;
const MAX_LENGTH = 300;

/**
 * The literals of a test that may name what it runs: in a test that spawns
 * processes, every candidate (script names, build paths, command lines); in any
 * test, a relative path to a code file (`unstable_dev("./worker/index.ts")`).
 */
export function collectRuns(sourceFile: ts.SourceFile, imports: readonly ImportFact[]): RunFact[] {
  const spawns = imports.some((fact) => PROCESS_MODULES.has(fact.specifier));
  const wanted = spawns ? CANDIDATE : CODE_PATH;
  const runs: RunFact[] = [];
  const visit = (node: ts.Node): void => {
    if (runs.length >= MAX_RUNS) return;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node)) {
      const text = node.text;
      if (text.length > 0 && text.length <= MAX_LENGTH && wanted.test(text)) {
        runs.push({ text, line: positionAt(sourceFile, node.getStart(sourceFile)).line });
      }
    }
    ts.forEachChild(node, visit);
  };
  // Imports name modules, not processes: their specifiers are left out.
  for (const statement of sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) && !ts.isExportDeclaration(statement)) visit(statement);
  }
  return runs;
}

/** Cheap test before the walk: a path built from the file's location, or a loader that builds one. */
const BUILDS_PATH = /\b(?:__dirname|__filename|import\.meta|require\.resolve|defineTest|runTest)\b/;
/** jscodeshift's test helpers that load `<dir>/../<transform>`. */
const TRANSFORM_LOADERS = new Set(["defineTest", "runTest"]);
/** Calls that replace a module with a mock: a path they take is not a module the test exercises. */
const MOCKS = /^(?:mock|doMock|unmock|unstable_mockModule|mockModule|setMock)$/;

/**
 * Modules a test loads by a path it builds from its own location, as imports with the path relative to the
 * test (`../src/x`): `import()` and `require()` of a built path, `require.resolve()`, and jscodeshift's
 * `defineTest(dir, "transform")` when the test imports jscodeshift. Literal specifiers are the walk's own imports,
 * and a path handed to a mock (`vi.mock(require.resolve("../x"))`) is left out.
 */
export function collectPathImports(sourceFile: ts.SourceFile, imports: readonly ImportFact[]): ImportFact[] {
  if (!BUILDS_PATH.test(sourceFile.text)) return [];
  const usesJscodeshift = imports.some((fact) => /^jscodeshift(?:\/|$)/.test(fact.specifier));
  const mocked = new Set<ts.Node>();
  const sinksOf = (node: ts.CallExpression | ts.NewExpression): SinkSpec[] => {
    if (!ts.isCallExpression(node)) return [];
    const callee = node.expression;
    const [first, second] = node.arguments;
    if (ts.isPropertyAccessExpression(callee) && MOCKS.test(callee.name.text) && first) mocked.add(first);
    if (!first || mocked.has(node)) return [];
    if (callee.kind === ts.SyntaxKind.ImportKeyword && !ts.isStringLiteralLike(first))
      return [{ kind: "dynamic", pieces: [first] }];
    if (ts.isIdentifier(callee) && callee.text === "require" && !ts.isStringLiteralLike(first))
      return [{ kind: "require", pieces: [first] }];
    if (ts.isPropertyAccessExpression(callee) && isRequire(callee.expression) && callee.name.text === "resolve")
      return [{ kind: "require", pieces: [node] }];
    if (usesJscodeshift && ts.isIdentifier(callee) && TRANSFORM_LOADERS.has(callee.text) && second)
      return [{ kind: "require", pieces: [first, "..", second] }];
    return [];
  };
  const facts: ImportFact[] = [];
  for (const sink of findPathSinks(sourceFile, sinksOf)) {
    for (const path of sink.paths) {
      // Only a path from the test's own folder is known here; one from the working directory depends on the run.
      // A fixture a test loads (`fixtures/app/dist/index.js`, often built by the test itself) is its input, not code.
      if (path.base !== "file" || isUnderFixtureFolder(path.path)) continue;
      const specifier = path.path.startsWith("../") || path.path === ".." ? path.path : `./${path.path}`;
      facts.push({
        specifier,
        kind: sink.kind === "dynamic" ? "dynamic" : "require",
        isTypeOnly: false,
        names: ["*"],
        line: sink.line,
        column: sink.column,
      });
    }
  }
  return facts;
}

function isRequire(node: ts.Expression): boolean {
  return ts.isIdentifier(node) && node.text === "require";
}
