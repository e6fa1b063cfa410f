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
    const hasContextualType = ts.isExportAssignment(docNode) && isTypedByAssertion(docNode.expression);
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

/**
 * Whether an expression's value is typed by an assertion around it: `x satisfies T`, `x as T` or
 * `<T>x` (parentheses and `!` aside). TypeScript types the operand of an assertion from the asserted
 * type, so `((state) => …) as Create` has typed parameters and a declared return type. The assertion
 * nearest the value decides: `as any` and `as unknown` (also the inner one of `as unknown as T`)
 * give no type, and neither does `as const`.
 */
export function isTypedByAssertion(node: ts.Expression): boolean {
  let current: ts.Expression = node;
  let nearest: ts.TypeNode | null = null;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isNonNullExpression(current)) current = current.expression;
    else if (ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current)) {
      nearest = current.type;
      current = current.expression;
    } else break;
  }
  if (nearest === null) return false;
  const isUntyped =
    nearest.kind === ts.SyntaxKind.AnyKeyword ||
    nearest.kind === ts.SyntaxKind.UnknownKeyword ||
    (ts.isTypeReferenceNode(nearest) && ts.isIdentifier(nearest.typeName) && nearest.typeName.text === "const");
  return !isUntyped;
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
