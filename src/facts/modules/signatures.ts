import ts from "#typescript";
import { positionOf } from "./positions.js";
import type { ParameterFact, Position, SignatureFact, TypeSource } from "./types.js";

/** How a callable's types can be known besides its own annotations. */
export interface SignatureContext {
  sourceFile: ts.SourceFile;
  /** JavaScript file: JSDoc `@param {T}` / `@returns {T}` count as types. */
  isJavaScript: boolean;
  /** The callable is typed from outside (`const f: Handler = …`, `satisfies`, JSDoc `@type`). */
  hasContextualType: boolean;
}

/** Reads the visible signature of one function-like declaration. */
export function readSignature(node: ts.SignatureDeclaration, context: SignatureContext): SignatureFact {
  const parameters = node.parameters
    .filter((parameter) => !(ts.isIdentifier(parameter.name) && parameter.name.text === "this"))
    .map((parameter) => readParameter(parameter, context));
  const { source, anyAt } = readReturnType(node, context);
  return { parameters, returnType: source, returnAnyAt: anyAt };
}

function readParameter(parameter: ts.ParameterDeclaration, context: SignatureContext): ParameterFact {
  const base = {
    name: parameterName(parameter, context.sourceFile),
    ...positionOf(parameter.name, context.sourceFile),
  };
  if (parameter.type) {
    const anyAt = findAny(parameter.type, context.sourceFile);
    // `x: any` is any; `x: Promise<any>` only holds one.
    const isAny = parameter.type.kind === ts.SyntaxKind.AnyKeyword;
    return { ...base, typeSource: "annotation", anyAt, ...(anyAt !== null && !isAny ? { anyIsNested: true } : {}) };
  }
  if (context.hasContextualType) return { ...base, typeSource: "contextual", anyAt: null };
  if (context.isJavaScript) {
    const jsDocType = ts.getJSDocParameterTags(parameter).find((tag) => tag.typeExpression)?.typeExpression?.type;
    if (jsDocType) return { ...base, typeSource: "jsdoc", anyAt: findAny(jsDocType, context.sourceFile) };
  }
  if (parameter.initializer) return { ...base, typeSource: "initializer", anyAt: null };
  return { ...base, typeSource: "none", anyAt: null };
}

function readReturnType(
  node: ts.SignatureDeclaration,
  context: SignatureContext,
): { source: TypeSource; anyAt: Position | null } {
  if (node.type) return { source: "annotation", anyAt: findAny(node.type, context.sourceFile) };
  if (context.hasContextualType) return { source: "contextual", anyAt: null };
  if (context.isJavaScript) {
    const jsDocType = ts.getJSDocReturnType(node);
    if (jsDocType) return { source: "jsdoc", anyAt: findAny(jsDocType, context.sourceFile) };
  }
  const asserted = assertedReturnType(node);
  if (asserted) return { source: "assertion", anyAt: findAny(asserted, context.sourceFile) };
  return { source: "none", anyAt: null };
}

/**
 * The type every `return` of the body asserts (`return snapshot as T & Meta`, or an arrow's `=> value as T`):
 * the contract is written where the value leaves, and TypeScript's isolatedDeclarations accepts it as written.
 * Null when a return is bare, asserts nothing or only `as const`, or when there is no return.
 */
function assertedReturnType(node: ts.SignatureDeclaration): ts.TypeNode | null {
  const body = "body" in node ? node.body : undefined;
  if (body === undefined) return null;
  if (!ts.isBlock(body)) return assertion(body);
  const returned: Array<ts.Expression | undefined> = [];
  const visit = (child: ts.Node): void => {
    if (ts.isReturnStatement(child)) returned.push(child.expression);
    // A nested function's returns are its own.
    else if (!ts.isFunctionLike(child) && !ts.isClassLike(child)) ts.forEachChild(child, visit);
  };
  ts.forEachChild(body, visit);
  const types = returned.map((expression) => (expression === undefined ? null : assertion(expression)));
  const [first] = types;
  return first && types.every((type) => type !== null) ? first : null;
}

function assertion(expression: ts.Expression): ts.TypeNode | null {
  let inner = expression;
  while (ts.isParenthesizedExpression(inner)) inner = inner.expression;
  if (!ts.isAsExpression(inner) && !ts.isTypeAssertionExpression(inner)) return null;
  const type = inner.type;
  const isConst = ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) && type.typeName.text === "const";
  return isConst ? null : type;
}

function parameterName(parameter: ts.ParameterDeclaration, sourceFile: ts.SourceFile): string {
  const prefix = parameter.dotDotDotToken ? "..." : "";
  if (ts.isIdentifier(parameter.name)) return prefix + parameter.name.text;
  const text = parameter.name.getText(sourceFile).replace(/\s+/g, " ");
  if (text.length <= 40) return prefix + text;
  return prefix + (ts.isObjectBindingPattern(parameter.name) ? "{…}" : "[…]");
}

/** The position of the first `any` (or JSDoc `*` / `?`) inside a type, if any. */
export function findAny(type: ts.Node, sourceFile: ts.SourceFile): Position | null {
  const stack: ts.Node[] = [type];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (
      node.kind === ts.SyntaxKind.AnyKeyword ||
      node.kind === ts.SyntaxKind.JSDocAllType ||
      node.kind === ts.SyntaxKind.JSDocUnknownType
    ) {
      return positionOf(node, sourceFile);
    }
    const children: ts.Node[] = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    for (let index = children.length - 1; index >= 0; index -= 1) {
      const child = children[index];
      if (child) stack.push(child);
    }
  }
  return null;
}
