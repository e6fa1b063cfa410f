/**
 * The files a module writes, by a path it spells out (static-path.ts): the first argument of a write call,
 * `writeFileSync("src/data/locales.json", …)`, `fs.promises.writeFile(join(__dirname, "../src/names.ts"), …)`,
 * `outputJson(…)` (fs-extra), `createWriteStream(…)`, `Bun.write(…)`, or of a local helper that passes its
 * parameter to one. A path the same file also reads (`readFileSync(p)` then `writeFileSync(p, …)`) is edited in
 * place, not generated, and is left out.
 */
import { posix } from "node:path";
import ts from "#typescript";
import { findPathSinks, type SinkSpec, type StaticPath } from "./static-path.js";

/** One file a module writes. */
export interface WriteFact extends StaticPath {
  line: number;
}

/** Cheap test before the walk: the file calls something that writes a file (kept in step with WRITE_CALL). */
export const WRITES = /\b(?:write[A-Z]\w*|output(?:File|Json|JSON)\w*|createWriteStream|Bun\.write)\s*\(/;
/** Calls whose first argument is a file they write. */
const WRITE_CALL = /^(?:write[A-Z]\w*|output(?:File|Json|JSON)\w*|createWriteStream)$/;
/** Calls whose first argument is a file they read. */
const READ_CALL = /^(?:read[A-Z]\w*|createReadStream)$/;

/** The files `sourceFile` writes by a static path, each once, at its first write. */
export function collectWrites(sourceFile: ts.SourceFile): WriteFact[] {
  if (!WRITES.test(sourceFile.text)) return [];
  const sinksOf = (node: ts.CallExpression | ts.NewExpression): SinkSpec[] => {
    if (!ts.isCallExpression(node)) return [];
    const [first] = node.arguments;
    const callee = node.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
    if (!first) return [];
    const isBunWrite =
      ts.isPropertyAccessExpression(callee) &&
      name === "write" &&
      ts.isIdentifier(callee.expression) &&
      callee.expression.text === "Bun";
    if (WRITE_CALL.test(name) || isBunWrite) return [{ kind: "write", pieces: [first] }];
    if (READ_CALL.test(name)) return [{ kind: "read", pieces: [first] }];
    return [];
  };
  const sinks = findPathSinks(sourceFile, sinksOf);
  const key = (path: StaticPath): string => `${path.base}\0${path.path}`;
  const read = new Set(sinks.filter((sink) => sink.kind === "read").flatMap((sink) => sink.paths.map(key)));
  const writes = new Map<string, WriteFact>();
  for (const sink of sinks) {
    if (sink.kind !== "write") continue;
    for (const path of sink.paths) {
      if (!read.has(key(path)) && !writes.has(key(path))) writes.set(key(path), { ...path, line: sink.line });
    }
  }
  return [...writes.values()];
}

/**
 * What product code writes inside the repository: the paths from its own folder (`__dirname`,
 * `import.meta.url`), repo-relative. A path from the working directory is the user's file at run time, not one
 * of the repository's.
 */
export function writesFromFile(path: string, writes: readonly WriteFact[]): Array<{ path: string; line: number }> {
  const dir = posix.dirname(path);
  return writes.flatMap((write) => {
    if (write.base !== "file") return [];
    const target = posix.normalize(posix.join(dir, write.path));
    return target.startsWith("../") || target === ".." || target === path ? [] : [{ path: target, line: write.line }];
  });
}

/** The files a script (a file the scan does not otherwise parse) writes: its one parse, for this. */
export function scriptWrites(path: string, text: string): WriteFact[] {
  if (!WRITES.test(text)) return [];
  const extension = /\.[^./]+$/.exec(path)?.[0]?.toLowerCase() ?? ".ts";
  const scriptKind = /^\.[cm]?js$/.test(extension)
    ? ts.ScriptKind.JS
    : extension === ".jsx"
      ? ts.ScriptKind.JSX
      : extension === ".tsx"
        ? ts.ScriptKind.TSX
        : ts.ScriptKind.TS;
  const sourceFile = ts.createSourceFile(
    path,
    text,
    { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone },
    false,
    scriptKind,
  );
  return collectWrites(sourceFile);
}
