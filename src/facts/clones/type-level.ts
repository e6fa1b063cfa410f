/**
 * Which tokens lie in type-level code: interface, type alias and `declare`
 * declarations, and function overload signatures (a `function` header that
 * ends without a body). A declaration file is type-level throughout (the
 * tokenizer marks it whole). Found from the tokens alone, as the readers give
 * them: a declaration starts at its keyword and ends at its body's closing
 * brace, at a `;` outside brackets, or at a line break where the type cannot
 * go on (where a semicolon would be inserted). Type annotations inside code
 * are not marked: a clone there is a clone of the code around them.
 *
 * May: mark tokens in the buffer, ask the scanner about the current token's line break.
 * May not: scan.
 */
import ts from "#typescript";
import { kindTable, type TokenBuffer } from "./token-buffer.js";

const SK = ts.SyntaxKind;

const IDLE = 0;
/** After `type`, `interface` or `declare`, until the next token tells whether it is a declaration. */
const PENDING = 1;
/** Inside an interface, type alias or `declare` declaration. */
const DECLARATION = 2;
/** Inside a `function` header, until its body (code) or its end without one (an overload). */
const SIGNATURE = 3;

/** Tokens that may start a declaration, or precede one as modifiers. */
const TRIGGERS = kindTable([
  SK.ExportKeyword,
  SK.DefaultKeyword,
  SK.AsyncKeyword,
  SK.FunctionKeyword,
  SK.TypeKeyword,
  SK.InterfaceKeyword,
  SK.DeclareKeyword,
]);

/** Tokens after which a statement starts (or the start of the file: Unknown). */
const STATEMENT_START = kindTable([
  SK.Unknown,
  SK.SemicolonToken,
  SK.OpenBraceToken,
  SK.CloseBraceToken,
  SK.ExportKeyword,
  SK.DefaultKeyword,
  SK.DeclareKeyword,
]);

/** Tokens that carry a type on after a line break. */
const CONTINUES_TYPE = kindTable([
  SK.BarToken,
  SK.AmpersandToken,
  SK.QuestionToken,
  SK.ColonToken,
  SK.EqualsToken,
  SK.EqualsGreaterThanToken,
  SK.DotToken,
  SK.OpenBraceToken,
  SK.ExtendsKeyword,
  SK.ImplementsKeyword,
]);

/** Tokens after which a type must go on, line break or not. */
const EXPECTS_TYPE = kindTable([
  SK.EqualsToken,
  SK.BarToken,
  SK.AmpersandToken,
  SK.QuestionToken,
  SK.ColonToken,
  SK.CommaToken,
  SK.EqualsGreaterThanToken,
  SK.DotToken,
  SK.ExtendsKeyword,
  SK.ImplementsKeyword,
  SK.KeyOfKeyword,
  SK.TypeOfKeyword,
  SK.InferKeyword,
  SK.ReadonlyKeyword,
  SK.UniqueKeyword,
  SK.IsKeyword,
  SK.AssertsKeyword,
  SK.NewKeyword,
  SK.TypeKeyword,
  SK.InterfaceKeyword,
  SK.DeclareKeyword,
]);

/** Tokens after which a `{` opens an object type, not a function body. */
const TYPE_FOLLOWS = kindTable([
  SK.ColonToken,
  SK.BarToken,
  SK.AmpersandToken,
  SK.QuestionToken,
  SK.EqualsGreaterThanToken,
  SK.ExtendsKeyword,
  SK.KeyOfKeyword,
  SK.ReadonlyKeyword,
  SK.IsKeyword,
]);

/** Follows the tokens of one file and marks those in type-level code. */
export class TypeLevel {
  private state = IDLE;
  /** The declaration's first token, its modifiers included. */
  private start = 0;
  /** The keyword of a pending declaration. */
  private keyword: ts.SyntaxKind = SK.Unknown;
  /** Modifiers (`export`, `default`, `async`) just before the current token. */
  private modifiers = 0;
  private braces = 0;
  /** Open `(` and `[`. */
  private parens = 0;
  private angles = 0;
  /** An interface or `declare` declaration ends with the body it opens. */
  private endsWithBody = false;
  private hasBody = false;
  private hasParameters = false;

  constructor(
    private readonly reader: ts.Scanner,
    private readonly buffer: TokenBuffer,
  ) {}

  /** Whether the current token is inside a type declaration or a function header (where `<` is a type's). */
  isInType(): boolean {
    return this.state >= DECLARATION;
  }

  /** Takes the token just added to the buffer; `previous` is the one before it. */
  see(kind: ts.SyntaxKind, previous: ts.SyntaxKind): void {
    if (this.state !== IDLE) this.step(kind, previous);
    else if (TRIGGERS[kind] === 1) this.trigger(kind, previous);
    else this.modifiers = 0;
  }

  private step(kind: ts.SyntaxKind, previous: ts.SyntaxKind): void {
    if (this.state === PENDING) this.confirm(kind, previous);
    else if (this.state === DECLARATION) this.declaration(kind, previous);
    else this.signature(kind, previous);
  }

  private trigger(kind: ts.SyntaxKind, previous: ts.SyntaxKind): void {
    if (kind === SK.ExportKeyword || kind === SK.DefaultKeyword || kind === SK.AsyncKeyword) {
      this.modifiers += 1;
      return;
    }
    const start = this.buffer.count - 1 - this.modifiers;
    this.modifiers = 0;
    if (kind === SK.FunctionKeyword) {
      this.begin(SIGNATURE, start);
      this.hasParameters = false;
    } else if (STATEMENT_START[previous] === 1 || this.reader.hasPrecedingLineBreak()) {
      this.begin(PENDING, start);
      this.keyword = kind;
    }
  }

  /** `type` and `interface` name a declaration next; `declare` is followed by a keyword. */
  private confirm(kind: ts.SyntaxKind, previous: ts.SyntaxKind): void {
    const isDeclaration =
      this.keyword === SK.DeclareKeyword ? kind >= SK.FirstKeyword && kind <= SK.LastKeyword : kind === SK.Identifier;
    if (!isDeclaration) {
      this.state = IDLE;
      this.see(kind, previous);
      return;
    }
    this.begin(DECLARATION, this.start);
    this.endsWithBody = this.keyword !== SK.TypeKeyword;
    this.hasBody = false;
    this.buffer.markTypeLevel(this.start, this.buffer.count - 1);
  }

  private declaration(kind: ts.SyntaxKind, previous: ts.SyntaxKind): void {
    const isLevel = this.braces === 0 && this.parens === 0 && this.angles === 0;
    if (isLevel && this.endsAtLineBreak(kind, previous)) return this.endBefore(kind, previous);
    if (this.closesOutside(kind)) return this.endBefore(kind, previous);
    this.buffer.typeLevel[this.buffer.count - 1] = 1;
    if (kind === SK.SemicolonToken && isLevel) this.state = IDLE;
    else if (kind === SK.OpenBraceToken) {
      if (isLevel && this.endsWithBody) this.hasBody = true;
      this.braces += 1;
    } else if (kind === SK.CloseBraceToken) {
      this.braces -= 1;
      if (this.hasBody && this.braces === 0 && this.parens === 0 && this.angles === 0) this.state = IDLE;
    } else this.nest(kind);
  }

  private signature(kind: ts.SyntaxKind, previous: ts.SyntaxKind): void {
    const index = this.buffer.count - 1;
    const isLevel = this.braces === 0 && this.parens === 0 && this.angles === 0;
    if (isLevel && this.hasParameters && kind === SK.SemicolonToken) {
      this.buffer.markTypeLevel(this.start, index);
      this.state = IDLE;
      return;
    }
    if (isLevel && this.hasParameters && this.endsAtLineBreak(kind, previous)) {
      this.buffer.markTypeLevel(this.start, index - 1);
      this.endBefore(kind, previous);
      return;
    }
    if (this.closesOutside(kind) || (kind === SK.OpenBraceToken && isLevel && TYPE_FOLLOWS[previous] !== 1)) {
      // A body: the function is code (or the header was not one).
      this.state = IDLE;
      return;
    }
    if (kind === SK.OpenBraceToken) this.braces += 1;
    else if (kind === SK.CloseBraceToken) this.braces -= 1;
    else this.nest(kind);
    if (kind === SK.CloseParenToken && this.braces === 0 && this.parens === 0 && this.angles === 0) {
      this.hasParameters = true;
    }
  }

  private begin(state: number, start: number): void {
    this.state = state;
    this.start = start;
    this.braces = 0;
    this.parens = 0;
    this.angles = 0;
  }

  /** A line break before `kind` where no type goes on: the declaration ended with the line before. */
  private endsAtLineBreak(kind: ts.SyntaxKind, previous: ts.SyntaxKind): boolean {
    return CONTINUES_TYPE[kind] !== 1 && EXPECTS_TYPE[previous] !== 1 && this.reader.hasPrecedingLineBreak();
  }

  /** A closing bracket that was opened before the declaration: the block around it ends. */
  private closesOutside(kind: ts.SyntaxKind): boolean {
    if (kind === SK.CloseBraceToken) return this.braces === 0;
    return (kind === SK.CloseParenToken || kind === SK.CloseBracketToken) && this.parens === 0;
  }

  /** Ends the declaration before the current token, which may start the next one. */
  private endBefore(kind: ts.SyntaxKind, previous: ts.SyntaxKind): void {
    this.state = IDLE;
    this.see(kind, previous);
  }

  private nest(kind: ts.SyntaxKind): void {
    if (kind === SK.OpenParenToken || kind === SK.OpenBracketToken) this.parens += 1;
    else if (kind === SK.CloseParenToken || kind === SK.CloseBracketToken) this.parens -= 1;
    else if (kind === SK.LessThanToken) this.angles += 1;
    else if (kind === SK.GreaterThanToken && this.angles > 0) this.angles -= 1;
  }
}
