/**
 * Shared vocabulary of export extraction: a local declaration that can be
 * exported, an exported binding, and small syntax helpers.
 */
import ts from "#typescript";
import type { SignatureContext } from "./signatures.js";
import type { ExportKind } from "./types.js";

/** A top-level declaration that can be exported by name. */
export interface LocalDeclaration {
  kind: ExportKind;
  /** The node whose leading JSDoc documents it (the statement for variables). */
  docNode: ts.Node;
  nameNode: ts.Node;
  /** Function-like nodes whose signatures are visible (overloads, or the single implementation). */
  callables: ts.SignatureDeclaration[];
  hasContextualType: boolean;
  classNode: ts.ClassLikeDeclaration | null;
}

/** One exported binding before it is turned into symbols. */
export interface ExportBinding {
  name: string;
  isDefault: boolean;
  declarations: LocalDeclaration[];
}

/** What export extraction knows about the file being read. */
export type FileContext = Omit<SignatureContext, "hasContextualType">;

/** `export default <expression>` (or `module.exports = <expression>`) that names no local declaration. */
export function anonymousDefault(docNode: ts.Node, expression: ts.Expression): ExportBinding {
  const nameNode = findDefaultKeyword(docNode) ?? docNode;
  if (isFunctionValue(expression)) {
    const hasContextualType = ts.isExportAssignment(docNode) && isSatisfies(docNode.expression);
    return {
      name: "default",
      isDefault: true,
      declarations: [
        { kind: "function", docNode, nameNode, callables: [expression], hasContextualType, classNode: null },
      ],
    };
  }
  const classNode = ts.isClassExpression(expression) ? expression : null;
  return {
    name: "default",
    isDefault: true,
    declarations: [
      { kind: classNode ? "class" : "variable", docNode, nameNode, callables: [], hasContextualType: false, classNode },
    ],
  };
}

/** An arrow function or function expression. */
export function isFunctionValue(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

/** `x satisfies T`, possibly parenthesised. */
export function isSatisfies(node: ts.Expression): boolean {
  let current: ts.Expression = node;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return ts.isSatisfiesExpression(current);
}

/** Strips parentheses, `as`, `satisfies`, `!` and `<T>` assertions. */
export function unwrap(node: ts.Expression): ts.Expression {
  let current = node;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isTypeAssertionExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/** True when a node carries the given modifier keyword. */
export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}

/** The `default` modifier of `export default function …`, if any. */
export function findDefaultKeyword(node: ts.Node): ts.Node | undefined {
  return ts.canHaveModifiers(node)
    ? ts.getModifiers(node)?.find((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword)
    : undefined;
}
