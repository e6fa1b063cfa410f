/**
 * Reading code tokens in context, as the parser would have the scanner read
 * them: a `/` after an operand divides, elsewhere it starts a regular
 * expression; a `}` that closes a template's `${` resumes the template.
 *
 * May: re-scan the current token. May not: read ahead.
 */
import ts from "#typescript";
import { kindTable } from "./token-buffer.js";

const SK = ts.SyntaxKind;

/** Tokens after which `/` divides; after any other, it starts a regular expression. */
export const ENDS_EXPRESSION = kindTable([
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
  // What the JSX reader gives as the previous token after an element (jsx.ts).
  SK.JsxElement,
]);

/** Marks on the brace stack: a plain `{`, the `${` of a template, and the JSX reader's (jsx.ts). */
export const BRACE = 0;
export const TEMPLATE = 1;

/** Re-reads the token where its meaning depends on what came before; keeps the brace stack. */
export function inContext(
  reader: ts.Scanner,
  kind: ts.SyntaxKind,
  previous: ts.SyntaxKind,
  braces: number[],
): ts.SyntaxKind {
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
