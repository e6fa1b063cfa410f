/**
 * Reads a file that may hold JSX (.tsx, .jsx, .js) the way the parser has the
 * scanner read it: a `<` where an expression starts opens an element, whose
 * tag is read with `scanJsxIdentifier` (names such as `aria-label`), its
 * attribute values with `scanJsxAttributeValue`, its children with
 * `scanJsxToken` (text, `{`, `<`, `</`), and whose expressions in `{}` are
 * code again. Without a parse a `<` is sometimes a type's (`<T,>() => …`,
 * `type F = <T>(x: T) => T`): a generic arrow is told apart as the parser
 * does, type declarations are known from type-level.ts, and an element that
 * does not close as one (a closing tag with another name, the end of the file)
 * is read again from its `<` as code.
 *
 * Tokens are counted as jscpd counts them, so that its thresholds keep their
 * meaning: `</` is `<` and `/` (as `/>` is `/` and `>`), and the whitespace
 * between two tags is a token (of its kind only: indentation does not matter).
 *
 * May: drive the scanner. May not: parse.
 */
import ts from "#typescript";
import { ENDS_EXPRESSION, inContext } from "./code.js";
import type { Boundaries } from "./boundaries.js";
import { ENDS, STARTS, type BufferMark, type TokenBuffer } from "./token-buffer.js";
import type { TypeLevel } from "./type-level.js";

const SK = ts.SyntaxKind;

/** How the next token is read. */
const CODE = 0;
/** Inside an opening tag: its name, attributes, `/>` or `>`. */
const TAG = 1;
/** After an attribute's `=`. */
const VALUE = 2;
const CHILDREN = 3;
/** Inside a closing tag, after `</`. */
const CLOSING = 4;
/** Inside a tag's type arguments (`<Select<Option> …>`). */
const TYPE_ARGUMENTS = 5;

/** Marks on the brace stack (code.ts has 0 and 1) for a `{` in JSX: its `}` goes back to the children, or to the tag. */
const JSX_CHILD = 2;
const JSX_ATTRIBUTE = 3;

/** The name of a fragment (`<>`): a keyword's hash is its kind (83 and up), a name's hashes its text. */
const FRAGMENT = SK.GreaterThanToken;

/** Tokens after which `<` compares (or opens type arguments) rather than opens an element. */
const BEFORE_OPERATOR = ENDS_EXPRESSION.slice();
// Contextual keywords (`abstract` to `defer`) are names where code expects a value: `api.get<User>(url)`.
for (let kind = SK.AbstractKeyword; kind <= SK.LastKeyword; kind += 1) BEFORE_OPERATOR[kind] = 1;
BEFORE_OPERATOR[SK.AwaitKeyword] = 0;

/** Where an outermost element started: what a failed read goes back to. */
interface Root {
  /** The element's `<`. */
  position: number;
  mark: BufferMark;
  braces: number;
  elements: number;
}

/**
 * Reads the tokens of a file in the JSX language variant into `buffer`. Code
 * outside elements goes to `types` and `boundaries`; each element, text and
 * `{}` among children is marked as a member that starts and ends.
 */
export function readJsx(reader: ts.Scanner, buffer: TokenBuffer, types: TypeLevel, boundaries: Boundaries): void {
  new JsxReader(reader, buffer, types, boundaries).read();
}

class JsxReader {
  private mode = CODE;
  private previous: ts.SyntaxKind = SK.Unknown;
  private readonly braces: number[] = [];
  /** Open elements: the hash of each one's name, and the mode that follows it. */
  private readonly names: number[] = [];
  private readonly after: number[] = [];
  private readonly roots: Root[] = [];
  /** `<` read as code after an element from there did not close. */
  private readonly notElements = new Set<number>();
  /** The next tag token is the element's name. */
  private isNameNext = false;
  /** After the `/` of `/>`. */
  private isSelfClosing = false;
  private typeDepth = 0;

  constructor(
    private readonly reader: ts.Scanner,
    private readonly buffer: TokenBuffer,
    private readonly types: TypeLevel,
    private readonly boundaries: Boundaries,
  ) {}

  read(): void {
    for (;;) {
      const kind = this.next();
      if (kind === SK.EndOfFileToken) {
        if (this.roots.length === 0) return;
        this.fail();
      } else if (this.mode === CODE) this.code(kind);
      else if (this.mode === CHILDREN) this.child(kind);
      else if (this.mode === TAG) this.tag(kind);
      else if (this.mode === VALUE) this.value(kind);
      else if (this.mode === CLOSING) this.closing(kind);
      else this.typeArgument(kind);
    }
  }

  private next(): ts.SyntaxKind {
    const { reader } = this;
    if (this.mode === CODE || this.mode === TYPE_ARGUMENTS) return reader.scan();
    if (this.mode === CHILDREN) return reader.scanJsxToken();
    if (this.mode === VALUE) return reader.scanJsxAttributeValue();
    const kind = reader.scan();
    return isName(kind) ? reader.scanJsxIdentifier() : kind;
  }

  private code(scanned: ts.SyntaxKind): void {
    const { braces } = this;
    if (scanned === SK.CloseBraceToken) {
      const top = braces[braces.length - 1];
      if (top === JSX_CHILD || top === JSX_ATTRIBUTE) {
        braces.pop();
        this.add(scanned);
        if (top === JSX_CHILD) this.markLast(ENDS);
        this.mode = top === JSX_CHILD ? CHILDREN : TAG;
        return;
      }
    }
    if (scanned === SK.LessThanSlashToken) {
      // `</` where code goes on (the JSX variant scans it so everywhere): the two tokens it is in a closing tag.
      this.addSplitClosing();
      return;
    }
    if (scanned === SK.LessThanToken && this.opensElement()) {
      this.add(scanned);
      if (this.roots.length === 0) this.see(scanned);
      this.markLast(STARTS);
      this.roots.push({
        position: this.reader.getTokenStart(),
        mark: this.buffer.mark(),
        braces: braces.length,
        elements: this.names.length,
      });
      this.open(CODE);
      return;
    }
    const kind = inContext(this.reader, scanned, this.previous, braces);
    this.add(kind);
    if (this.roots.length === 0) this.see(kind);
    this.previous = kind;
  }

  /** Whether the `<` just scanned opens an element, as the parser would decide at the start of an expression. */
  private opensElement(): boolean {
    if (BEFORE_OPERATOR[this.previous] === 1 || this.types.isInType()) return false;
    if (this.notElements.has(this.reader.getTokenStart())) return false;
    return !this.reader.lookAhead(() => this.isGenericArrow());
  }

  /** `<T,>`, `<T = …>`, `<T extends U>` and `<const T …>` start a generic arrow function (the parser's rule in JSX). */
  private isGenericArrow(): boolean {
    const { reader } = this;
    const second = reader.scan();
    if (second !== SK.ConstKeyword && second !== SK.Identifier) return false;
    if (second === SK.ConstKeyword) reader.scan();
    const third = reader.scan();
    if (third === SK.ExtendsKeyword) {
      const fourth = reader.scan();
      return fourth !== SK.EqualsToken && fourth !== SK.GreaterThanToken && fourth !== SK.SlashToken;
    }
    return third === SK.CommaToken || third === SK.EqualsToken;
  }

  /** An element opens after its `<`; `after` is the mode once it closes. */
  private open(after: number): void {
    this.after.push(after);
    this.mode = TAG;
    this.isNameNext = true;
  }

  private tag(kind: ts.SyntaxKind): void {
    if (this.isNameNext) {
      this.isNameNext = false;
      if (kind === SK.GreaterThanToken) {
        this.names.push(FRAGMENT);
        this.add(kind);
        this.mode = CHILDREN;
        return;
      }
      if (!isName(kind)) return this.fail();
      this.add(kind);
      this.names.push(this.lastHash());
      return;
    }
    if (this.isSelfClosing) {
      if (kind !== SK.GreaterThanToken) return this.fail();
      this.isSelfClosing = false;
      this.add(kind);
      this.close();
      return;
    }
    if (isName(kind) || kind === SK.DotToken || kind === SK.ColonToken) this.add(kind);
    else if (kind === SK.EqualsToken) {
      this.add(kind);
      this.mode = VALUE;
    } else if (kind === SK.OpenBraceToken) this.openExpression(JSX_ATTRIBUTE);
    else if (kind === SK.SlashToken) {
      this.add(kind);
      this.isSelfClosing = true;
    } else if (kind === SK.GreaterThanToken) {
      this.add(kind);
      this.mode = CHILDREN;
    } else if (kind === SK.LessThanToken) {
      this.add(kind);
      this.typeDepth = 1;
      this.mode = TYPE_ARGUMENTS;
    } else this.fail();
  }

  private value(kind: ts.SyntaxKind): void {
    if (kind === SK.StringLiteral) {
      this.add(kind);
      this.mode = TAG;
    } else if (kind === SK.OpenBraceToken) this.openExpression(JSX_ATTRIBUTE);
    else if (kind === SK.LessThanToken) {
      this.add(kind);
      this.markLast(STARTS);
      this.open(TAG);
    } else this.fail();
  }

  private child(kind: ts.SyntaxKind): void {
    const { reader } = this;
    if (kind === SK.JsxText) {
      this.buffer.addJsxText(reader.getTokenStart(), reader.getTokenEnd());
      this.markLast(STARTS | ENDS);
    } else if (kind === SK.JsxTextAllWhiteSpaces) this.buffer.add(kind, reader.getTokenStart(), reader.getTokenStart());
    else if (kind === SK.OpenBraceToken) {
      this.openExpression(JSX_CHILD);
      this.markLast(STARTS);
    } else if (kind === SK.LessThanToken) {
      this.add(kind);
      this.markLast(STARTS);
      this.open(CHILDREN);
    } else if (kind === SK.LessThanSlashToken) {
      this.addSplitClosing();
      this.mode = CLOSING;
      this.isNameNext = true;
    } else this.fail();
  }

  private closing(kind: ts.SyntaxKind): void {
    if (this.isNameNext) {
      this.isNameNext = false;
      const name = this.names[this.names.length - 1];
      if (kind === SK.GreaterThanToken && name === FRAGMENT) {
        this.add(kind);
        this.close();
        return;
      }
      if (!isName(kind)) return this.fail();
      this.add(kind);
      // Another name than the open element's: this was no element (or the file does not parse either).
      if (this.lastHash() !== name) this.fail();
      return;
    }
    if (isName(kind) || kind === SK.DotToken || kind === SK.ColonToken) this.add(kind);
    else if (kind === SK.GreaterThanToken) {
      this.add(kind);
      this.close();
    } else this.fail();
  }

  private typeArgument(scanned: ts.SyntaxKind): void {
    const top = this.braces[this.braces.length - 1];
    if (scanned === SK.CloseBraceToken && (top === JSX_CHILD || top === JSX_ATTRIBUTE)) return this.fail();
    const kind = inContext(this.reader, scanned, this.previous, this.braces);
    this.add(kind);
    this.previous = kind;
    if (kind === SK.LessThanToken) this.typeDepth += 1;
    else if (kind === SK.GreaterThanToken) {
      this.typeDepth -= 1;
      if (this.typeDepth === 0) this.mode = TAG;
    }
  }

  /** A `{` in a tag or among children: code until its `}`. */
  private openExpression(mark: number): void {
    this.add(SK.OpenBraceToken);
    this.braces.push(mark);
    this.mode = CODE;
    this.previous = SK.OpenBraceToken;
  }

  /** The element on top closes: back to its parent's children or tag, or to code after the outermost. */
  private close(): void {
    this.markLast(ENDS);
    this.names.pop();
    this.mode = this.after.pop() ?? CODE;
    if (this.mode !== CODE) return;
    this.roots.pop();
    this.previous = SK.JsxElement;
  }

  /** The innermost outermost element was none: its `<` is read again as code. */
  private fail(): void {
    const root = this.roots.pop();
    if (!root) return;
    this.notElements.add(root.position);
    this.buffer.restore(root.mark);
    this.braces.length = root.braces;
    this.names.length = root.elements;
    this.after.length = root.elements;
    this.mode = CODE;
    this.previous = SK.LessThanToken;
    this.isNameNext = false;
    this.isSelfClosing = false;
    this.typeDepth = 0;
    this.reader.resetTokenState(root.position + 1);
  }

  /** A code token outside elements, for the type-level and boundary trackers. */
  private see(kind: ts.SyntaxKind): void {
    this.types.see(kind, this.previous);
    this.boundaries.see(kind, this.previous);
  }

  private markLast(bits: number): void {
    this.buffer.markShape(this.buffer.count - 1, bits);
  }

  private add(kind: ts.SyntaxKind): void {
    this.buffer.add(kind, this.reader.getTokenStart(), this.reader.getTokenEnd());
  }

  private addSplitClosing(): void {
    const start = this.reader.getTokenStart();
    this.buffer.add(SK.LessThanToken, start, start + 1);
    this.buffer.add(SK.SlashToken, start + 1, start + 2);
    this.previous = SK.SlashToken;
  }

  private lastHash(): number {
    return this.buffer.hashes[this.buffer.count - 1] ?? 0;
  }
}

function isName(kind: ts.SyntaxKind): boolean {
  return kind === SK.Identifier || (kind >= SK.FirstKeyword && kind <= SK.LastKeyword);
}
