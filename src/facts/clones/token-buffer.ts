/**
 * The growing arrays of one file's tokens while it is read: each token's hash
 * (its kind, and its text for names and literals), the lines it starts and
 * ends on, whether it lies in type-level code, and its shape (a bracket, where
 * a statement or member starts or ends: boundaries.ts).
 *
 * May: read the text it is given. May not: scan (the readers drive the scanner).
 */
import ts from "#typescript";

const SK = ts.SyntaxKind;

/** A lookup table by token kind: one array read per token, where a Set cost a hash lookup. */
export function kindTable(kinds: readonly ts.SyntaxKind[]): Uint8Array {
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
  SK.Unknown,
]);

/** Bits of a token's shape (TokenBuffer.shape): where a statement or member starts or ends (boundaries.ts). */
export const STARTS = 1;
export const ENDS = 2;
/** An opening bracket: `(`, `[`, `{` or a template's `${`. */
export const OPENS = 4;
/** A closing bracket: `)`, `]`, `}` or the end of a template. */
export const CLOSES = 8;
/** With OPENS or CLOSES: the bracket is a brace (a block, a body, an object, a JSX expression). */
export const BRACE = 16;
/** The token touches the one before it (no space or comment between): `Map<` is a type's, `a < b` compares. */
export const GLUED = 32;

/** Each token kind's bracket bits, set as the token is added (by any reader, JSX included). */
const BRACKETS = new Uint8Array(SK.Count);
for (const kind of [SK.OpenParenToken, SK.OpenBracketToken, SK.TemplateHead]) BRACKETS[kind] = OPENS;
for (const kind of [SK.CloseParenToken, SK.CloseBracketToken, SK.TemplateTail]) BRACKETS[kind] = CLOSES;
BRACKETS[SK.OpenBraceToken] = OPENS | BRACE;
BRACKETS[SK.CloseBraceToken] = CLOSES | BRACE;

/** Where a reader was: what `restore` goes back to. */
export interface BufferMark {
  count: number;
  line: number;
  counted: number;
  ended: number;
}

/** One file's tokens so far; the arrays are reallocated as they grow (read them through the buffer). */
export class TokenBuffer {
  hashes: Uint32Array<ArrayBuffer>;
  startLines: Uint32Array<ArrayBuffer>;
  endLines: Uint32Array<ArrayBuffer>;
  /** 1 where the token lies in type-level code (type-level.ts). */
  typeLevel: Uint8Array<ArrayBuffer>;
  /** STARTS, ENDS, OPENS, CLOSES, BRACE and GLUED bits. */
  shape: Uint8Array<ArrayBuffer>;
  count = 0;
  private capacity: number;
  private line = 1;
  /** Newlines are counted up to here. */
  private counted = 0;
  /** Where the last token ended. */
  private ended = -1;

  constructor(private readonly text: string) {
    this.capacity = Math.max(16, text.length >> 2);
    this.hashes = new Uint32Array(this.capacity);
    this.startLines = new Uint32Array(this.capacity);
    this.endLines = new Uint32Array(this.capacity);
    this.typeLevel = new Uint8Array(this.capacity);
    this.shape = new Uint8Array(this.capacity);
  }

  /** Adds the token of `kind` that spans `start` to `end`. */
  add(kind: ts.SyntaxKind, start: number, end: number): void {
    const { text } = this;
    for (let index = this.counted; index < start; index += 1) if (text.charCodeAt(index) === 10) this.line += 1;
    this.counted = start;
    let last = this.line;
    if (MULTILINE[kind] === 1)
      for (let index = start; index < end; index += 1) if (text.charCodeAt(index) === 10) last += 1;
    const shape = (BRACKETS[kind] ?? 0) | (start === this.ended ? GLUED : 0);
    this.ended = end;
    // Punctuation and keywords are their kind; names and literals are their text too.
    this.push(HAS_TEXT[kind] === 1 ? hashText(kind, text, start, end) : kind, this.line, last, shape);
  }

  /**
   * Adds JSX text without the whitespace around it, which JSX drops: the same
   * words give the same token however they are indented, as code does.
   */
  addJsxText(start: number, end: number): void {
    const { text } = this;
    let first = start;
    let stop = end;
    while (first < stop && text.charCodeAt(first) <= 32) first += 1;
    while (stop > first && text.charCodeAt(stop - 1) <= 32) stop -= 1;
    for (let index = this.counted; index < first; index += 1) if (text.charCodeAt(index) === 10) this.line += 1;
    this.counted = first;
    let last = this.line;
    for (let index = first; index < stop; index += 1) if (text.charCodeAt(index) === 10) last += 1;
    this.ended = stop;
    this.push(hashText(SK.JsxText, text, first, stop), this.line, last, 0);
  }

  mark(): BufferMark {
    return { count: this.count, line: this.line, counted: this.counted, ended: this.ended };
  }

  /** Drops the tokens added since `mark`. */
  restore(mark: BufferMark): void {
    this.typeLevel.fill(0, mark.count, this.count);
    this.shape.fill(0, mark.count, this.count);
    this.count = mark.count;
    this.line = mark.line;
    this.counted = mark.counted;
    this.ended = mark.ended;
  }

  /** Marks the tokens from `first` to `last` (inclusive) as type-level code. */
  markTypeLevel(first: number, last: number): void {
    this.typeLevel.fill(1, Math.max(0, first), last + 1);
  }

  /** Adds `bits` to the shape of the token at `index` (none before the first). */
  markShape(index: number, bits: number): void {
    if (index < 0 || index >= this.count) return;
    this.shape[index] = (this.shape[index] ?? 0) | bits;
  }

  private push(hash: number, start: number, end: number, shape: number): void {
    if (this.count === this.capacity) this.grow();
    this.hashes[this.count] = hash;
    this.startLines[this.count] = start;
    this.endLines[this.count] = end;
    this.shape[this.count] = shape;
    this.count += 1;
  }

  private grow(): void {
    this.capacity *= 2;
    this.hashes = grown(this.hashes, this.capacity);
    this.startLines = grown(this.startLines, this.capacity);
    this.endLines = grown(this.endLines, this.capacity);
    const typeLevel = new Uint8Array(this.capacity);
    typeLevel.set(this.typeLevel);
    this.typeLevel = typeLevel;
    const shape = new Uint8Array(this.capacity);
    shape.set(this.shape);
    this.shape = shape;
  }
}

function grown(array: Uint32Array<ArrayBuffer>, capacity: number): Uint32Array<ArrayBuffer> {
  const larger = new Uint32Array(capacity);
  larger.set(array);
  return larger;
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
