/**
 * CommonJS exports: `module.exports = …`, `module.exports.x = …` and `exports.x = …`.
 */
import ts from "#typescript";
import {
  anonymousDefault,
  isFunctionValue,
  unwrap,
  type ExportBinding,
  type FileContext,
  type LocalDeclaration,
} from "./bindings.js";

/** `module.exports = …`, `module.exports.x = …` and `exports.x = …`. */
export function commonJsBindings(
  statement: ts.ExpressionStatement,
  locals: Map<string, LocalDeclaration[]>,
  context: FileContext,
): ExportBinding[] {
  const expression = statement.expression;
  if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return [];
  const target = expression.left;
  if (!ts.isPropertyAccessExpression(target)) return [];
  const value = unwrap(expression.right);
  if (isModuleExports(target)) {
    if (ts.isIdentifier(value)) {
      const declarations = locals.get(value.text);
      return declarations ? [{ name: value.text, isDefault: true, declarations }] : [];
    }
    if (ts.isObjectLiteralExpression(value)) return objectLiteralBindings(value, locals, context);
    return [anonymousDefault(statement, value)];
  }
  const isNamedExport = isExportsObject(target.expression);
  if (!isNamedExport || !ts.isIdentifier(target.name)) return [];
  return [valueBinding(target.name.text, target.name, statement, value, locals, context)];
}

function objectLiteralBindings(
  literal: ts.ObjectLiteralExpression,
  locals: Map<string, LocalDeclaration[]>,
  context: FileContext,
): ExportBinding[] {
  return literal.properties.flatMap((property): ExportBinding[] => {
    if (ts.isShorthandPropertyAssignment(property)) {
      const declarations = locals.get(property.name.text);
      return declarations ? [{ name: property.name.text, isDefault: false, declarations }] : [];
    }
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name)) {
      return [valueBinding(property.name.text, property.name, property, unwrap(property.initializer), locals, context)];
    }
    if (ts.isMethodDeclaration(property) && ts.isIdentifier(property.name)) {
      return [
        {
          name: property.name.text,
          isDefault: false,
          declarations: [
            {
              kind: "function",
              docNode: property,
              nameNode: property.name,
              callables: [property],
              hasContextualType: false,
              classNode: null,
            },
          ],
        },
      ];
    }
    return [];
  });
}

function valueBinding(
  name: string,
  nameNode: ts.Node,
  docNode: ts.Node,
  value: ts.Expression,
  locals: Map<string, LocalDeclaration[]>,
  context: FileContext,
): ExportBinding {
  if (ts.isIdentifier(value)) {
    const declarations = locals.get(value.text);
    if (declarations) return { name, isDefault: false, declarations };
  }
  const hasContextualType = context.isJavaScript && ts.getJSDocType(docNode) !== undefined;
  if (isFunctionValue(value)) {
    return {
      name,
      isDefault: false,
      declarations: [{ kind: "function", docNode, nameNode, callables: [value], hasContextualType, classNode: null }],
    };
  }
  const classNode = ts.isClassExpression(value) ? value : null;
  return {
    name,
    isDefault: false,
    declarations: [
      { kind: classNode ? "class" : "variable", docNode, nameNode, callables: [], hasContextualType: false, classNode },
    ],
  };
}

function isModuleExports(node: ts.PropertyAccessExpression): boolean {
  return ts.isIdentifier(node.expression) && node.expression.text === "module" && node.name.text === "exports";
}

function isExportsObject(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return node.text === "exports";
  return ts.isPropertyAccessExpression(node) && isModuleExports(node);
}
