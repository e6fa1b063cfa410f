// The parse-only floor: read and parse every TypeScript/JavaScript file of a
// repository once with the parser the scan uses (TypeScript's createSourceFile),
// keeping nothing. No scan can be faster than this on one core.
//
//   node scripts/bench/floor.js REPO   → one JSON line {files, lines, seconds}
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "#typescript";

const EXTENSIONS = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const root = process.argv[2];
const listed = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 30 });
const files = listed.split("\0").filter((path) => EXTENSIONS.test(path) && !path.split("/").includes("node_modules"));
const started = performance.now();
let lines = 0;
for (const path of files) {
  const text = readFileSync(join(root, path), "utf8");
  lines += text.split("\n").length;
  ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(`${JSON.stringify({ files: files.length, lines, seconds })}\n`);
