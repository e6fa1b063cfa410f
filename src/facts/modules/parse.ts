import ts from "#typescript";
import { fileDocComment } from "./comments.js";
import { codeLineCounter, countCodeLines } from "./code-lines.js";
import { countDataLines, countNonBlankLines } from "./data.js";
import { collectExports } from "./exports.js";
import { collectStaticImports } from "./imports.js";
import { positionAt } from "./positions.js";
import { collectPathImports, collectRuns } from "./runs.js";
import { typeAssertionLines } from "./type-assertions.js";
import type { FunctionFact, ModuleFacts, ModuleLanguage, ParseErrorFact } from "./types.js";
import { walkFile } from "./walk.js";
import { collectWrites, writesFromFile } from "./writes.js";

const SCRIPT_KINDS: Record<string, { scriptKind: ts.ScriptKind; language: ModuleLanguage }> = {
  ".ts": { scriptKind: ts.ScriptKind.TS, language: "ts" },
  ".mts": { scriptKind: ts.ScriptKind.TS, language: "ts" },
  ".cts": { scriptKind: ts.ScriptKind.TS, language: "ts" },
  ".tsx": { scriptKind: ts.ScriptKind.TSX, language: "tsx" },
  ".js": { scriptKind: ts.ScriptKind.JS, language: "js" },
  ".mjs": { scriptKind: ts.ScriptKind.JS, language: "js" },
  ".cjs": { scriptKind: ts.ScriptKind.JS, language: "js" },
  ".jsx": { scriptKind: ts.ScriptKind.JSX, language: "jsx" },
};

/**
 * Parses one file with the TypeScript parser (no Program, no type checker) and
 * returns its facts. The AST is not kept. JSDoc is parsed only in JavaScript
 * files, where it carries the types; TypeScript files skip it for speed.
 */
export function parseModule(path: string, kind: "source" | "test", text: string): ModuleFacts {
  try {
    return parseOrThrow(path, kind, text);
  } catch (error) {
    // The TypeScript parser recurses per nesting level: a few thousand nested brackets exhaust the
    // main thread's stack. One such file must not end the scan: it is marked, and retried on a larger stack.
    if (error instanceof RangeError) {
      return unparsed(path, kind, text, {
        message: "nesting too deep for the parser",
        line: 1,
        column: 1,
        tooDeep: true,
      });
    }
    return unparsed(path, kind, text, { message: `parser failed (${String(error)})`, line: 1, column: 1 });
  }
}

/** The facts of a file that did not parse: its size and the error, nothing read from a broken tree. */
function unparsed(path: string, kind: "source" | "test", text: string, parseError: ParseErrorFact): ModuleFacts {
  return {
    path,
    kind,
    language: languageOf(path),
    lines: countLines(text),
    nonBlankLines: countNonBlankLines(text),
    codeLines: countNonBlankLines(text),
    dataLines: 0,
    hasFileDoc: false,
    summary: null,
    imports: [],
    exports: [],
    functions: [],
    envReads: [],
    parseError,
  };
}

function languageOf(path: string): ModuleLanguage {
  const extension = /\.[^./]+$/.exec(path)?.[0]?.toLowerCase() ?? ".ts";
  return SCRIPT_KINDS[extension]?.language ?? "ts";
}

function parseOrThrow(path: string, kind: "source" | "test", text: string): ModuleFacts {
  const extension = /\.[^./]+$/.exec(path)?.[0]?.toLowerCase() ?? ".ts";
  const { scriptKind, language } = SCRIPT_KINDS[extension] ?? { scriptKind: ts.ScriptKind.TS, language: "ts" };
  const isJavaScript = language === "js" || language === "jsx";
  const sourceFile = ts.createSourceFile(
    path,
    text,
    {
      languageVersion: ts.ScriptTarget.Latest,
      jsDocParsingMode: isJavaScript ? ts.JSDocParsingMode.ParseAll : ts.JSDocParsingMode.ParseNone,
    },
    // JSDoc lookups (`@param {T}`) walk parent pointers; TypeScript files do not need them.
    isJavaScript,
    scriptKind,
  );
  const parseError = firstSyntaxError(sourceFile);
  if (parseError) return unparsed(path, kind, text, parseError);
  const walked = walkFile(sourceFile);
  const fileDoc = fileDocComment(sourceFile);
  const written = [...collectStaticImports(sourceFile), ...walked.expressionImports];
  // A test's loads by a built path (`require(join(__dirname, "../src", name))`) are imports too.
  const imports = kind === "test" ? [...written, ...collectPathImports(sourceFile, written)] : written;
  const runs = kind === "test" ? collectRuns(sourceFile, imports) : [];
  const assertions = kind === "test" ? typeAssertionLines(sourceFile) : [];
  const writes = kind === "source" ? writesFromFile(path, collectWrites(sourceFile)) : [];
  return {
    path,
    kind,
    language,
    lines: countLines(text),
    nonBlankLines: countNonBlankLines(text),
    codeLines: countCodeLines(text, walked.comments),
    dataLines: countDataLines(sourceFile),
    hasFileDoc: fileDoc !== null,
    summary: fileDoc === null ? null : firstSentence(fileDoc),
    imports,
    exports: kind === "source" ? collectExports(sourceFile, isJavaScript) : [],
    functions: withCodeLines(walked.functions, codeLineCounter(text, walked.comments)),
    ...tabledFunctions(walked.functions, walked.tabled),
    envReads: walked.envReads,
    ...(walked.envWrites.length > 0 ? { envWrites: [...new Set(walked.envWrites)] } : {}),
    ...(runs.length > 0 ? { runs } : {}),
    ...(assertions.length > 0 ? { typeAssertionLines: assertions } : {}),
    ...(writes.length > 0 ? { writes } : {}),
    parseError: null,
  };
}

/** The module-level functions the file puts in an array or object literal as values, when there are any. */
function tabledFunctions(functions: readonly FunctionFact[], tabled: ReadonlySet<string>): { tabled?: string[] } {
  const names = functions.filter((fn) => !fn.anchor.includes("/") && tabled.has(fn.name)).map((fn) => fn.name);
  return names.length > 0 ? { tabled: [...new Set(names)].sort() } : {};
}

/** Each function with its lines of code (what `max-function-lines` measures by default). */
function withCodeLines(
  functions: readonly FunctionFact[],
  counter: (first: number, last: number) => number,
): FunctionFact[] {
  return functions.map((fn) => ({ ...fn, codeLines: counter(fn.line, fn.endLine) }));
}

/** The first sentence (or first line) of a comment, at most 160 characters. */
function firstSentence(text: string): string | null {
  const flat =
    text
      .split(/\n\s*\n/)[0]
      ?.replace(/\s+/g, " ")
      .trim() ?? "";
  const sentence = /^(.+?[.!?])(?:\s|$)/.exec(flat)?.[1] ?? flat;
  if (sentence === "") return null;
  return sentence.length > 160 ? `${sentence.slice(0, 157)}…` : sentence;
}

/** Lines in a text; a final newline does not open a new line. */
export function countLines(text: string): number {
  if (text === "") return 0;
  let count = 1;
  for (let index = 0; index < text.length; index += 1) if (text.charCodeAt(index) === 10) count += 1;
  return text.endsWith("\n") ? count - 1 : count;
}

/**
 * The parser's first syntax error. `parseDiagnostics` is not in TypeScript's
 * public typings, so it is read defensively: if a future version drops it,
 * files are treated as parsed rather than failing the scan.
 */
function firstSyntaxError(sourceFile: ts.SourceFile): ParseErrorFact | null {
  if (!("parseDiagnostics" in sourceFile)) return null;
  const diagnostics: unknown = sourceFile.parseDiagnostics;
  if (!Array.isArray(diagnostics)) return null;
  const first: unknown = diagnostics[0];
  if (typeof first !== "object" || first === null || !("start" in first) || !("messageText" in first)) return null;
  const start = typeof first.start === "number" ? first.start : 0;
  const message =
    typeof first.messageText === "string" && first.messageText !== "" ? first.messageText : "syntax error";
  return { message, ...positionAt(sourceFile, start) };
}
