/**
 * Where statements and members start and end, found from the tokens alone (as
 * type-level.ts finds declarations): the places a clone is trimmed to
 * (detect.ts), so that its range ends where the shared code ends rather than a
 * doc comment later, at the first keyword of the next declaration.
 *
 * A statement or member starts at the first token of the file, after `;`, `{`,
 * `}` or `,`, after the `:` of a `case …:` or `default:` label, after `(`, `[` or a type's `<` (a list's first item; a `<` right
 * after a name, as in `Map<`, is a type's), and after a line break where a
 * semicolon would be inserted (the line before can end and this token cannot
 * go on with it). It ends at `;` and `,`, at a `}` at statement level, at the
 * token before such a line break or before a `}`, and at the end of the file. A
 * `;` or a line break inside parentheses ends nothing (`for (;;)`, a call's
 * arguments). JSX elements and text are members of their parent (jsx.ts marks
 * them). A type's `<` and `>` are marked as brackets here; the others are
 * marked by kind as they are added (token-buffer.ts).
 *
 * May: mark tokens in the buffer. May not: scan.
 */
import ts from "#typescript";
import { ENDS_EXPRESSION } from "./code.js";
import { CLOSES, ENDS, GLUED, kindTable, OPENS, STARTS, type TokenBuffer } from "./token-buffer.js";

const SK = ts.SyntaxKind;

/** Tokens a line may end a statement with: an operand, a closing bracket, or a keyword that ends one. */
const CAN_END = ENDS_EXPRESSION.slice();
for (const kind of [
  SK.ReturnKeyword,
  SK.BreakKeyword,
  SK.ContinueKeyword,
  SK.DebuggerKeyword,
  SK.GreaterThanToken,
  SK.VoidKeyword,
  SK.AnyKeyword,
  SK.UnknownKeyword,
  SK.NeverKeyword,
  SK.StringKeyword,
  SK.NumberKeyword,
  SK.BooleanKeyword,
  SK.BigIntKeyword,
  SK.SymbolKeyword,
  SK.ObjectKeyword,
  SK.UndefinedKeyword,
])
  CAN_END[kind] = 1;

/** Tokens that go on with the line before, after a line break: operators, `.`, brackets that call or index. */
const GOES_ON = kindTable([
  SK.DotToken,
  SK.QuestionDotToken,
  SK.OpenParenToken,
  SK.OpenBracketToken,
  SK.OpenBraceToken,
  SK.NoSubstitutionTemplateLiteral,
  SK.TemplateHead,
  SK.InKeyword,
  SK.InstanceOfKeyword,
  SK.AsKeyword,
  SK.SatisfiesKeyword,
  SK.ExtendsKeyword,
  SK.ImplementsKeyword,
  SK.IsKeyword,
]);
for (let kind = SK.FirstBinaryOperator; kind <= SK.LastBinaryOperator; kind += 1) GOES_ON[kind] = 1;
// These start an expression as well: a statement may begin with them.
for (const kind of [SK.PlusPlusToken, SK.MinusMinusToken, SK.ExclamationToken, SK.TildeToken, SK.AtToken])
  GOES_ON[kind] = 0;

/** Tokens after which the next one starts a statement, a member or a list item. */
const SEPARATES = kindTable([
  SK.SemicolonToken,
  SK.CommaToken,
  SK.OpenBraceToken,
  SK.CloseBraceToken,
  SK.OpenParenToken,
  SK.OpenBracketToken,
]);

const CLOSING = kindTable([SK.CloseBraceToken, SK.CloseParenToken, SK.CloseBracketToken, SK.TemplateTail]);

/** Tokens that never start a statement or member: closing brackets, separators, and operators that only go on. */
const NEVER_STARTS = GOES_ON.slice();
for (const kind of [
  SK.OpenParenToken,
  SK.OpenBracketToken,
  SK.OpenBraceToken,
  SK.NoSubstitutionTemplateLiteral,
  SK.TemplateHead,
  SK.LessThanToken,
  SK.PlusToken,
  SK.MinusToken,
])
  NEVER_STARTS[kind] = 0;
for (const kind of [SK.CloseBraceToken, SK.CloseParenToken, SK.CloseBracketToken, SK.TemplateTail, SK.CommaToken])
  NEVER_STARTS[kind] = 1;
NEVER_STARTS[SK.SemicolonToken] = 1;

/** Tokens that go on with the statement of the `}` before them. */
const AFTER_BRACE = kindTable([SK.ElseKeyword, SK.CatchKeyword, SK.FinallyKeyword, SK.FromKeyword]);

const LEVEL = 0;
const NESTED = 1;
/** A type's `<`, open until its `>`. */
const ANGLE = 2;
/** A `switch` body: statements inside, and `case …:` and `default:` labels. */
const SWITCH = 3;

/** Follows the code tokens of one file and marks where statements and members start and end. */
export class Boundaries {
  /** Open brackets: LEVEL for a brace (statements and members inside), NESTED and ANGLE for the others. */
  private readonly open: number[] = [];
  /** The depth of `open` at a `switch` keyword, until its body's `{`; -1 when none is awaited. */
  private switchAt = -1;
  /** In a label at a switch body's level: the `?` of ternaries not yet matched by their `:`, or -1 outside one. */
  private labelTernaries = -1;
  /** Whether the token before was a label's `:`. */
  private afterLabel = false;

  constructor(private readonly buffer: TokenBuffer) {}

  /** Takes the code token just added to the buffer; `previous` is the code token before it. */
  see(kind: ts.SyntaxKind, previous: ts.SyntaxKind): void {
    const { buffer, open } = this;
    const index = buffer.count - 1;
    const bits = buffer.shape[index] ?? 0;
    const isAngle = this.isTypeAngle(kind, previous, bits);
    if (kind === SK.GreaterThanToken && open[open.length - 1] === ANGLE) {
      open.pop();
      buffer.markShape(index, CLOSES);
    } else if (CLOSING[kind] === 1 || kind === SK.SemicolonToken) {
      // A `<` never closed was a comparison after all: the bracket or statement it was in ends here.
      while (open[open.length - 1] === ANGLE) open.pop();
      if (CLOSING[kind] === 1) open.pop();
    }
    const top = open[open.length - 1];
    const isLevel = open.length === 0 || top === LEVEL || top === SWITCH;
    if (NEVER_STARTS[kind] === 1 || (previous === SK.CloseBraceToken && AFTER_BRACE[kind] === 1)) {
      // A trailing comma's list ends with its closing bracket; `} = value`, `} else` and `} from` go on with the
      // statement of the `}`.
    } else if (index === 0 || SEPARATES[previous] === 1 || this.isAfterAngle(previous) || this.afterLabel)
      buffer.markShape(index, STARTS);
    else if (isLevel && this.isLineEnd(index, kind, previous)) {
      buffer.markShape(index - 1, ENDS);
      buffer.markShape(index, STARTS);
    }
    this.afterLabel = top === SWITCH && this.isLabelEnd(kind);
    if (kind === SK.SwitchKeyword) this.switchAt = open.length;
    if (kind === SK.OpenBraceToken) {
      open.push(this.switchAt === open.length ? SWITCH : LEVEL);
      this.switchAt = -1;
    } else if (kind === SK.OpenParenToken || kind === SK.OpenBracketToken || kind === SK.TemplateHead)
      open.push(NESTED);
    else if (isAngle) {
      open.push(ANGLE);
      buffer.markShape(index, OPENS);
    }
    if (kind === SK.CommaToken || (kind === SK.SemicolonToken && isLevel)) buffer.markShape(index, ENDS);
    else if (kind === SK.CloseBraceToken) {
      // The last statement or member before a `}` ends with it, semicolon or not.
      if (SEPARATES[previous] !== 1) buffer.markShape(index - 1, ENDS);
      if (isLevel) buffer.markShape(index, ENDS);
    }
  }

  /**
   * Follows a `case …:` or `default:` label at a switch body's level: whether this token is its `:` (not a
   * ternary's inside the `case` expression; other brackets open their own level).
   */
  private isLabelEnd(kind: ts.SyntaxKind): boolean {
    if (kind === SK.CaseKeyword || kind === SK.DefaultKeyword) this.labelTernaries = 0;
    else if (this.labelTernaries >= 0 && kind === SK.QuestionToken) this.labelTernaries += 1;
    else if (this.labelTernaries > 0 && kind === SK.ColonToken) this.labelTernaries -= 1;
    else if (this.labelTernaries === 0 && kind === SK.ColonToken) {
      this.labelTernaries = -1;
      return true;
    }
    return false;
  }

  /** `Map<` and `Array<`: a `<` right after a name (formatted code puts spaces around a comparison). */
  private isTypeAngle(kind: ts.SyntaxKind, previous: ts.SyntaxKind, bits: number): boolean {
    return kind === SK.LessThanToken && (bits & GLUED) !== 0 && previous === SK.Identifier;
  }

  /** The first token inside a type's `<>`, a list's first item. */
  private isAfterAngle(previous: ts.SyntaxKind): boolean {
    return previous === SK.LessThanToken && this.open[this.open.length - 1] === ANGLE;
  }

  /** A line break before the token where a semicolon would be inserted. */
  private isLineEnd(index: number, kind: ts.SyntaxKind, previous: ts.SyntaxKind): boolean {
    const { buffer } = this;
    const isAfterBreak = (buffer.startLines[index] ?? 0) > (buffer.endLines[index - 1] ?? 0);
    return isAfterBreak && CAN_END[previous] === 1 && GOES_ON[kind] !== 1;
  }
}
