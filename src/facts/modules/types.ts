/** A 1-based position in a file. */
export interface Position {
  line: number;
  column: number;
}

/** How an import reaches its target. */
export type ImportKind = "static" | "reexport" | "dynamic" | "require";

/** One import, re-export, dynamic `import()` or `require()` with a literal specifier. */
export interface ImportFact extends Position {
  specifier: string;
  kind: ImportKind;
  /** `import type`, `export type`, or every named binding marked `type`. */
  isTypeOnly: boolean;
  /** Imported names: `default`, `*` for a namespace or star re-export, otherwise the exported name. Empty for side-effect imports. */
  names: string[];
}

/** A string literal of a test that starts processes: it may name a script or command the test runs. */
export interface RunFact {
  text: string;
  line: number;
}

/** What kind of declaration an exported symbol is. */
export type ExportKind = "function" | "class" | "method" | "interface" | "type" | "enum" | "variable" | "namespace";

/** How a parameter or return type is known to a reader of the signature. */
export type TypeSource = "annotation" | "contextual" | "jsdoc" | "initializer" | "assertion" | "none";

/** One parameter of an exported callable. */
export interface ParameterFact extends Position {
  name: string;
  typeSource: TypeSource;
  /** Where an explicit `any` (or JSDoc `*`) appears in its type, if anywhere. */
  anyAt: Position | null;
  /** The `any` is inside the type (`Promise<any>`, `{ x: any }`), not the type itself. */
  anyIsNested?: true;
}

/** The visible signature of an exported callable (overload signatures when there are overloads). */
export interface SignatureFact {
  parameters: ParameterFact[];
  returnType: TypeSource;
  returnAnyAt: Position | null;
}

/** One exported symbol of a module. */
export interface ExportedSymbol extends Position {
  /** The exported name; `Class.method` for public methods; `default` for an anonymous default export. */
  name: string;
  kind: ExportKind;
  isDefault: boolean;
  /** Lines the declaration spans (its doc comment aside); absent for public methods. */
  lines?: number;
  /** A non-empty JSDoc/TSDoc block is directly attached to the declaration. */
  hasDoc: boolean;
  /**
   * Its doc comment says `@deprecated` (every declaration that has one does): kept for old callers and on its way
   * out, so its signature is not worth tightening nor its module worth a new test.
   */
  isDeprecated?: true;
  /**
   * A function or method whose body is one statement written on one line (`{ return this.on("GET", route, handler) }`
   * as a formatter wraps it over three lines): it shows all it does where it is found, as a one-line function does.
   */
  isOneStatement?: true;
  /** An interface or object type alias whose every member has a doc comment: its members document it. */
  hasDocumentedMembers?: true;
  /** Visible signatures of a callable (one per overload); empty for non-callables. */
  signatures: SignatureFact[];
}

/** One function-like body in the file (declarations, expressions, arrows, methods, accessors, constructors). */
export interface FunctionFact extends Position {
  /** A readable name: `parse`, `Parser.parse`, `(anonymous)`. */
  name: string;
  /** Unique within the file and stable across unrelated edits: `outer/inner`, `run/<anonymous#2>`. */
  anchor: string;
  endLine: number;
  /** Lines from the first to the last line of the function. */
  lines: number;
  /** Lines of this function not inside a nested function. */
  ownLines: number;
  /** Lines from its first to its last line with code on them, not only comments or blanks (see code-lines.ts). */
  codeLines?: number;
  /** McCabe cyclomatic complexity of this function's own body. */
  complexity: number;
  /**
   * An immediately invoked function expression (`(() => { … })()`): code that runs where it stands, part of the
   * function or module around it rather than a function of its own (see `foldIifes`).
   */
  isIife?: true;
  /** Declared inside another function and reads or writes one of its parameters or variables: a closure over it. */
  readsOuter?: true;
  /**
   * A method, accessor or function-valued property of an object literal: a member of the object a factory builds
   * (a class in all but name), reached through it, often through `this`, and not a part to move out.
   */
  isObjectMember?: true;
}

/** The first syntax error of a file. */
export interface ParseErrorFact extends Position {
  message: string;
  /** The file nests deeper than the parser's call stack allows: it may well be valid code. */
  tooDeep?: true;
}

/** Language of a parsed file, from its extension. */
export type ModuleLanguage = "ts" | "tsx" | "js" | "jsx";

/** Everything the scan keeps of one parsed file; the AST itself is dropped. */
export interface ModuleFacts {
  path: string;
  kind: "source" | "test";
  language: ModuleLanguage;
  /** Number of lines (a trailing newline does not start a new line). */
  lines: number;
  /** Lines with a non-blank character. */
  nonBlankLines: number;
  /** Non-blank lines with code on them, not only comments (see code-lines.ts); nonBlankLines when it did not parse. */
  codeLines: number;
  /**
   * Module-level functions put in an array or object literal as values (jotai's building blocks, handed out in one
   * table by position): replaceable parts reached through the table, not private helpers (see walk.ts).
   */
  tabled?: string[];
  /** A test file's lines that hold type assertions (`expectTypeOf(…)…`, tsd's `expectType`), when it has any. */
  typeAssertionLines?: number[];
  /** Non-blank lines inside literal data: unions of literal types, tables of literals, literal enum members (see data.ts). */
  dataLines: number;
  /** A file-level doc comment (a detached leading block, or one tagged @file/@fileoverview/@module/@packageDocumentation). */
  hasFileDoc: boolean;
  /** The first sentence of the file-level doc comment, when there is one. */
  summary: string | null;
  imports: ImportFact[];
  exports: ExportedSymbol[];
  functions: FunctionFact[];
  /** Environment variables the file reads. */
  envReads: Array<Position & { name: string }>;
  /** Environment variables the file sets (`process.env.X = …`, a child's `env: { X: … }`), when there are any. */
  envWrites?: string[] | undefined;
  /** Files of the repository a source file writes, by a path from its own folder (see writes.ts), when any. */
  writes?: Array<{ path: string; line: number }> | undefined;
  /** A test that starts processes: the literals that may name what it runs (see runs.ts). */
  runs?: RunFact[] | undefined;
  /** Set when the file has a syntax error; the other facts are then empty. */
  parseError: ParseErrorFact | null;
}
