/**
 * A file as the clone detector sees it: its tokens (comments and whitespace
 * dropped), each as a 32-bit hash of its kind and text, with the lines it
 * starts and ends on and whether it lies in type-level code. Read with the
 * TypeScript scanner, without parsing: the same text always gives the same
 * tokens, which is all duplication needs (a regular expression or a template
 * read as other tokens is read so everywhere). Files that may hold JSX are read
 * in the JSX language variant, as the parser reads them (jsx.ts).
 *
 * May: scan text. May not: read files, keep the text.
 */
import ts from "#typescript";
import { Boundaries } from "./boundaries.js";
import { inContext } from "./code.js";
import { readJsx } from "./jsx.js";
import { ENDS, TokenBuffer } from "./token-buffer.js";
import { TypeLevel } from "./type-level.js";

/** One file's tokens, in order; the arrays have one entry per token. */
export interface TokenizedFile {
  path: string;
  hashes: Uint32Array;
  startLines: Uint32Array;
  endLines: Uint32Array;
  /** 1 where the token lies in type-level code (type-level.ts), 0 elsewhere. */
  typeLevel: Uint8Array;
  /** Where statements and members start and end, and the brackets (token-buffer.ts's bits, boundaries.ts). */
  shape: Uint8Array;
}

const SK = ts.SyntaxKind;

let scanner: ts.Scanner | undefined;

/** The tokens of `text`; the path's extension gives the language variant. */
export function tokenize(path: string, text: string): TokenizedFile {
  scanner ??= ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard);
  const hasJsx = mayHoldJsx(path);
  scanner.setLanguageVariant(hasJsx ? ts.LanguageVariant.JSX : ts.LanguageVariant.Standard);
  scanner.setText(text);
  const buffer = new TokenBuffer(text);
  const types = new TypeLevel(scanner, buffer);
  const boundaries = new Boundaries(buffer);
  if (hasJsx) readJsx(scanner, buffer, types, boundaries);
  else readStandard(scanner, buffer, types, boundaries);
  scanner.setText("");
  const { count } = buffer;
  // The file's last statement ends with it, however it is written.
  buffer.markShape(count - 1, ENDS);
  if (isDeclarationFile(path)) buffer.typeLevel.fill(1, 0, count);
  return {
    path,
    hashes: buffer.hashes.slice(0, count),
    startLines: buffer.startLines.slice(0, count),
    endLines: buffer.endLines.slice(0, count),
    typeLevel: buffer.typeLevel.slice(0, count),
    shape: buffer.shape.slice(0, count),
  };
}

/** TypeScript without JSX (.ts, .mts, .cts), where `<T>value` is a type assertion. */
function readStandard(reader: ts.Scanner, buffer: TokenBuffer, types: TypeLevel, boundaries: Boundaries): void {
  let previous = SK.Unknown;
  const braces: number[] = [];
  for (let kind = reader.scan(); kind !== SK.EndOfFileToken; kind = reader.scan()) {
    kind = inContext(reader, kind, previous, braces);
    buffer.add(kind, reader.getTokenStart(), reader.getTokenEnd());
    types.see(kind, previous);
    boundaries.see(kind, previous);
    previous = kind;
  }
}

/** The parser reads every JavaScript file and .tsx in the JSX variant; only TypeScript's own extensions are Standard. */
function mayHoldJsx(path: string): boolean {
  return !/\.[cm]?ts$/i.test(path);
}

function isDeclarationFile(path: string): boolean {
  return /\.d\.[cm]?ts$/i.test(path) || /\.d\.[^./]+\.ts$/i.test(path);
}
