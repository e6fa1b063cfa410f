/**
 * A file as the clone detector sees it: its tokens (comments and whitespace
 * dropped), each as a 32-bit hash of its kind and text, with the lines it
 * starts and ends on. Read with the TypeScript scanner, without parsing: the
 * same text always gives the same tokens, which is all duplication needs (a
 * regular expression or a template read as other tokens is read so everywhere).
 *
 * May: scan text. May not: read files, keep the text.
 */
import ts from "#typescript";

/** One file's tokens, in order; the three arrays have one entry per token. */
export interface TokenizedFile {
  path: string;
  hashes: Uint32Array;
  startLines: Uint32Array;
  endLines: Uint32Array;
}

const SK = ts.SyntaxKind;

/** A lookup table by token kind: one array read per token, where a Set cost a hash lookup. */
function kindTable(kinds: readonly ts.SyntaxKind[]): Uint8Array {
  const table = new Uint8Array(SK.Count);
  for (const kind of kinds) table[kind] = 1;
  return table;
}

/** Token kinds whose text may span lines. */
const MULTILINE = kindTable([
  SK.StringLiteral,
  SK.NoSubstitutionTemplateLiteral,
  SK.TemplateHead,
  SK.TemplateMiddle,
  SK.TemplateTail,
  SK.JsxText,
]);

/** Tokens whose text is not given by their kind. */
const HAS_TEXT = kindTable([
  SK.Identifier,
  SK.PrivateIdentifier,
  SK.NumericLiteral,
  SK.BigIntLiteral,
  SK.StringLiteral,
  SK.RegularExpressionLiteral,
  SK.NoSubstitutionTemplateLiteral,
  SK.TemplateHead,
  SK.TemplateMiddle,
  SK.TemplateTail,
  SK.JsxText,
  SK.Unknown,
]);

/** Tokens after which `/` divides; after any other, it starts a regular expression. */
const ENDS_EXPRESSION = kindTable([
  SK.Identifier,
  SK.PrivateIdentifier,
  SK.NumericLiteral,
  SK.BigIntLiteral,
  SK.StringLiteral,
  SK.NoSubstitutionTemplateLiteral,
  SK.TemplateTail,
  SK.RegularExpressionLiteral,
  SK.CloseParenToken,
  SK.CloseBracketToken,
  SK.CloseBraceToken,
  SK.PlusPlusToken,
  SK.MinusMinusToken,
  SK.ThisKeyword,
  SK.SuperKeyword,
  SK.TrueKeyword,
  SK.FalseKeyword,
  SK.NullKeyword,
]);

/** Marks on the brace stack: a plain `{`, or the `${` of a template. */
const BRACE = 0;
const TEMPLATE = 1;

let scanner: ts.Scanner | undefined;

/** The tokens of `text`. */
export function tokenize(path: string, text: string): TokenizedFile {
  scanner ??= ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard);
  scanner.setText(text);
  let capacity = Math.max(16, text.length >> 2);
  let hashes = new Uint32Array(capacity);
  let startLines = new Uint32Array(capacity);
  let endLines = new Uint32Array(capacity);
  let count = 0;
  let line = 1;
  let counted = 0;
  let previous = SK.Unknown;
  const braces: number[] = [];
  for (let kind = scanner.scan(); kind !== SK.EndOfFileToken; kind = scanner.scan()) {
    kind = inContext(scanner, kind, previous, braces);
    previous = kind;
    const start = scanner.getTokenStart();
    for (let index = counted; index < start; index += 1) if (text.charCodeAt(index) === 10) line += 1;
    counted = start;
    const tokenEnd = scanner.getTokenEnd();
    let end = line;
    if (MULTILINE[kind] === 1)
      for (let index = start; index < tokenEnd; index += 1) if (text.charCodeAt(index) === 10) end += 1;
    if (count === capacity) {
      capacity *= 2;
      hashes = grow(hashes, capacity);
      startLines = grow(startLines, capacity);
      endLines = grow(endLines, capacity);
    }
    // Punctuation and keywords are their kind; names and literals are their text too.
    hashes[count] = HAS_TEXT[kind] === 1 ? hashText(kind, text, start, tokenEnd) : kind;
    startLines[count] = line;
    endLines[count] = end;
    count += 1;
  }
  scanner.setText("");
  return {
    path,
    hashes: hashes.slice(0, count),
    startLines: startLines.slice(0, count),
    endLines: endLines.slice(0, count),
  };
}

/** Re-reads the token where its meaning depends on what came before; keeps the brace stack. */
function inContext(reader: ts.Scanner, kind: ts.SyntaxKind, previous: ts.SyntaxKind, braces: number[]): ts.SyntaxKind {
  if ((kind === SK.SlashToken || kind === SK.SlashEqualsToken) && ENDS_EXPRESSION[previous] !== 1) {
    return reader.reScanSlashToken();
  }
  if (kind === SK.OpenBraceToken) braces.push(BRACE);
  else if (kind === SK.TemplateHead) braces.push(TEMPLATE);
  else if (kind === SK.CloseBraceToken) {
    if (braces.pop() !== TEMPLATE) return kind;
    const resumed = reader.reScanTemplateToken(false);
    if (resumed === SK.TemplateMiddle) braces.push(TEMPLATE);
    return resumed;
  }
  return kind;
}

function grow(array: Uint32Array<ArrayBuffer>, capacity: number): Uint32Array<ArrayBuffer> {
  const grown = new Uint32Array(capacity);
  grown.set(array);
  return grown;
}

/** FNV-1a over the token's text, seeded with its kind. */
function hashText(kind: ts.SyntaxKind, text: string, start: number, end: number): number {
  let hash = (2166136261 ^ Math.imul(kind, 2654435761)) >>> 0;
  for (let index = start; index < end; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}
