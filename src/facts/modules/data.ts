/**
 * Literal data in a parsed file: the lines of top-level declarations that hold values written out as literals
 * (a union of string literals, a table of constants), as opposed to code. Only top-level declarations are read,
 * and only through literal containers (unions, tuples, array and object literals), so a code file costs little.
 */
import ts from "#typescript";

const SK = ts.SyntaxKind;

/**
 * Non-blank lines of the file inside literal data:
 * - a type alias's union or tuple of literal types (`"a" | "b"`, `readonly [1, 2]`, `null`, `undefined`);
 * - a variable's (or `export default`'s, or an assignment's) literal, array literal or object literal whose leaves
 *   are literals (strings and templates on one line, numbers, booleans, null, nested arrays and objects of them;
 *   `as const` and `satisfies` allowed): a named constant is a one-entry table;
 * - the members of an enum that are literal (no initializer, a string or a number).
 *
 * A container that is not all literal is read member by member: in `"a" | "b" | AnyString` the two literals are
 * data, in an object with one function value the other properties are.
 */
export function countDataLines(sourceFile: ts.SourceFile): number {
  const ranges: Array<[number, number]> = [];
  const mark = (node: ts.Node): void => {
    ranges.push([node.getStart(sourceFile), node.getEnd()]);
  };
  for (const statement of sourceFile.statements) {
    if (ts.isTypeAliasDeclaration(statement)) markType(statement.type, mark);
    else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (declaration.initializer) markValue(declaration.initializer, mark);
      }
    } else if (ts.isEnumDeclaration(statement)) {
      for (const member of statement.members) if (!member.initializer || isLiteral(member.initializer)) mark(member);
    } else if (ts.isExportAssignment(statement)) markValue(statement.expression, mark);
    else if (isAssignment(statement)) markValue(statement.expression.right, mark);
  }
  return nonBlankLinesIn(sourceFile, ranges);
}

/** Non-blank lines of a text; a final newline does not open a new line. */
export function countNonBlankLines(text: string): number {
  let count = 0;
  let isBlank = true;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 10) {
      if (!isBlank) count += 1;
      isBlank = true;
    } else if (isBlank && !isWhitespace(code)) isBlank = false;
  }
  return isBlank ? count : count + 1;
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 11 || code === 12 || code === 0xfeff || code === 0xa0;
}

/** Lines with a non-blank character inside any of the ranges (ranges of distinct nodes, in source order). */
function nonBlankLinesIn(sourceFile: ts.SourceFile, ranges: ReadonlyArray<[number, number]>): number {
  const seen = new Set<number>();
  const starts = sourceFile.getLineStarts();
  const text = sourceFile.text;
  for (const [start, end] of ranges) {
    const first = sourceFile.getLineAndCharacterOfPosition(start).line;
    const last = sourceFile.getLineAndCharacterOfPosition(end).line;
    for (let line = first; line <= last; line += 1) {
      if (seen.has(line)) continue;
      const lineEnd = starts[line + 1] ?? text.length;
      if (text.slice(starts[line], lineEnd).trim() !== "") seen.add(line);
    }
  }
  return seen.size;
}

/** `target = value;` at the top level (`module.exports = { … }`). */
function isAssignment(
  statement: ts.Statement,
): statement is ts.ExpressionStatement & { expression: ts.BinaryExpression } {
  return (
    ts.isExpressionStatement(statement) &&
    ts.isBinaryExpression(statement.expression) &&
    statement.expression.operatorToken.kind === SK.EqualsToken
  );
}

function markType(type: ts.TypeNode, mark: (node: ts.Node) => void): void {
  if (isLiteralType(type)) {
    mark(type);
    return;
  }
  if (ts.isParenthesizedTypeNode(type) || ts.isTypeOperatorNode(type)) markType(type.type, mark);
  else if (ts.isUnionTypeNode(type)) for (const member of type.types) markType(member, mark);
  else if (ts.isTupleTypeNode(type)) for (const element of type.elements) markType(element, mark);
}

/** A literal type, or a union or tuple of them (`readonly` and parentheses allowed). */
function isLiteralType(type: ts.TypeNode): boolean {
  if (ts.isLiteralTypeNode(type)) return !isMultiline(type.literal);
  if (type.kind === SK.UndefinedKeyword) return true;
  if (ts.isParenthesizedTypeNode(type)) return isLiteralType(type.type);
  if (ts.isTypeOperatorNode(type)) return type.operator === SK.ReadonlyKeyword && isLiteralType(type.type);
  if (ts.isUnionTypeNode(type)) return type.types.every(isLiteralType);
  if (ts.isTupleTypeNode(type)) return type.elements.every(isLiteralType);
  return false;
}

function markValue(value: ts.Expression, mark: (node: ts.Node) => void): void {
  const inner = unwrap(value);
  if (isLiteralValue(inner)) {
    mark(value);
    return;
  }
  if (ts.isArrayLiteralExpression(inner)) for (const element of inner.elements) markValue(element, mark);
  else if (ts.isObjectLiteralExpression(inner)) {
    for (const property of inner.properties) {
      if (!isLiteralKeyed(property)) continue;
      if (isLiteralValue(unwrap(property.initializer))) mark(property);
      else markValue(property.initializer, mark);
    }
  }
}

/** A literal, or an array or object literal of them. */
function isLiteralValue(value: ts.Expression): boolean {
  if (isLiteral(value)) return true;
  if (ts.isArrayLiteralExpression(value)) return value.elements.every((element) => isLiteralValue(unwrap(element)));
  if (ts.isObjectLiteralExpression(value)) {
    return value.properties.every(
      (property) => isLiteralKeyed(property) && isLiteralValue(unwrap(property.initializer)),
    );
  }
  return false;
}

/** `key: value` with a written-out key (`name`, `"name"`, `404`); not a shorthand, spread, method or computed key. */
function isLiteralKeyed(property: ts.ObjectLiteralElementLike): property is ts.PropertyAssignment {
  if (!ts.isPropertyAssignment(property)) return false;
  const name = property.name;
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name);
}

/** A literal on one line: a template spanning lines is text (SQL, HTML, a message), not an entry of a table. */
function isLiteral(value: ts.Expression): boolean {
  switch (value.kind) {
    case SK.NoSubstitutionTemplateLiteral:
      return !isMultiline(value);
    case SK.StringLiteral:
    case SK.NumericLiteral:
    case SK.BigIntLiteral:
    case SK.TrueKeyword:
    case SK.FalseKeyword:
    case SK.NullKeyword:
      return true;
    default:
      return (
        ts.isPrefixUnaryExpression(value) &&
        (value.operator === SK.MinusToken || value.operator === SK.PlusToken) &&
        (ts.isNumericLiteral(value.operand) || ts.isBigIntLiteral(value.operand))
      );
  }
}

function isMultiline(literal: ts.Node): boolean {
  return ts.isNoSubstitutionTemplateLiteral(literal) && (literal.rawText ?? literal.text).includes("\n");
}

/** The value inside `x as const` or `x satisfies T`. */
function unwrap(value: ts.Expression): ts.Expression {
  let inner = value;
  while (ts.isAsExpression(inner) || ts.isSatisfiesExpression(inner)) inner = inner.expression;
  return inner;
}
