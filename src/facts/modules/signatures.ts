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
  return { source: "none", anyAt: null };
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
