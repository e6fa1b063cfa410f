/**
 * What a test runs without importing it: the string literals of a test file
 * that starts child processes (node:child_process, execa, tinyexec, zx,
 * cross-spawn), kept when they could name a script or a command (`bin/cli.js`,
 * `"dist", "cli.mjs"`, `"mycli --help"`), and in any test the relative paths
 * of code files it hands to a loader (`unstable_dev("./worker/index.ts")`). The
 * graph matches them against the packages' `bin` entries, build output and the
 * parsed modules, so that a test of the built CLI reaches what the CLI imports.
 */
import ts from "#typescript";
import type { ImportFact, RunFact } from "./types.js";
import { positionAt } from "./positions.js";

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
