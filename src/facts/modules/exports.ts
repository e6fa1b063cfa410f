import { ts } from "ts-morph";
import { attachedDoc, type DocComment } from "./comments.js";
import { positionOf } from "./positions.js";
import { readSignature, type SignatureContext } from "./signatures.js";
import type { ExportKind, ExportedSymbol } from "./types.js";

/** A top-level declaration that can be exported by name. */
interface LocalDeclaration {
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
interface ExportBinding {
  name: string;
  isDefault: boolean;
  declarations: LocalDeclaration[];
}

type FileContext = Omit<SignatureContext, "hasContextualType">;

/**
 * Lists the symbols a module exports: declarations with `export`, local names in
 * `export { … }`, `export default`, `export =`, CommonJS `module.exports` and
 * `exports.x`, and the public methods of exported classes. Re-exports from other
 * modules are not new symbols.
 */
export function collectExports(sourceFile: ts.SourceFile, isJavaScript: boolean): ExportedSymbol[] {
  const context: FileContext = { sourceFile, isJavaScript };
  const locals = collectLocals(sourceFile, context);
  const bindings = collectBindings(sourceFile, locals, context);
  const seen = new Set<LocalDeclaration>();
  const symbols: ExportedSymbol[] = [];
  for (const binding of bindings) {
    const fresh = binding.declarations.filter((declaration) => !seen.has(declaration));
    if (fresh.length === 0) continue;
    fresh.forEach((declaration) => seen.add(declaration));
    symbols.push(...toSymbols(binding, fresh, context));
  }
  return symbols;
}

function collectLocals(sourceFile: ts.SourceFile, context: FileContext): Map<string, LocalDeclaration[]> {
  const locals = new Map<string, LocalDeclaration[]>();
  const add = (name: string, declaration: LocalDeclaration): void => {
    const existing = locals.get(name);
    if (existing) existing.push(declaration);
    else locals.set(name, [declaration]);
  };
  for (const statement of sourceFile.statements) {
    for (const [name, declaration] of declarationsOf(statement, context)) add(name, declaration);
  }
  return locals;
}

function declarationsOf(statement: ts.Statement, context: FileContext): Array<[string, LocalDeclaration]> {
  const simple = (kind: ExportKind, nameNode: ts.Identifier): Array<[string, LocalDeclaration]> => [
    [nameNode.text, { kind, docNode: statement, nameNode, callables: [], hasContextualType: false, classNode: null }],
  ];
  if (ts.isFunctionDeclaration(statement)) {
    const nameNode = statement.name ?? findDefaultKeyword(statement) ?? statement;
    const name = statement.name?.text ?? "default";
    return [[name, { kind: "function", docNode: statement, nameNode, callables: [statement], hasContextualType: false, classNode: null }]];
  }
  if (ts.isClassDeclaration(statement)) {
    const nameNode = statement.name ?? findDefaultKeyword(statement) ?? statement;
    const name = statement.name?.text ?? "default";
    return [[name, { kind: "class", docNode: statement, nameNode, callables: [], hasContextualType: false, classNode: statement }]];
  }
  if (ts.isInterfaceDeclaration(statement)) return simple("interface", statement.name);
  if (ts.isTypeAliasDeclaration(statement)) return simple("type", statement.name);
  if (ts.isEnumDeclaration(statement)) return simple("enum", statement.name);
  if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) return simple("namespace", statement.name);
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((declaration): Array<[string, LocalDeclaration]> => {
      if (!ts.isIdentifier(declaration.name)) return [];
      return [[declaration.name.text, variableDeclaration(statement, declaration, declaration.name, context)]];
    });
  }
  return [];
}

function variableDeclaration(
  docNode: ts.Node,
  declaration: ts.VariableDeclaration,
  nameNode: ts.Identifier,
  context: FileContext,
): LocalDeclaration {
  const initializer = declaration.initializer ? unwrap(declaration.initializer) : null;
  const hasContextualType =
    Boolean(declaration.type) ||
    (declaration.initializer !== undefined && isSatisfies(declaration.initializer)) ||
    (context.isJavaScript && ts.getJSDocType(declaration) !== undefined);
  if (initializer && isFunctionValue(initializer)) {
    return { kind: "function", docNode, nameNode, callables: [initializer], hasContextualType, classNode: null };
  }
  if (initializer && ts.isClassExpression(initializer)) {
    return { kind: "class", docNode, nameNode, callables: [], hasContextualType: false, classNode: initializer };
  }
  return { kind: "variable", docNode, nameNode, callables: [], hasContextualType: false, classNode: null };
}

function collectBindings(
  sourceFile: ts.SourceFile,
  locals: Map<string, LocalDeclaration[]>,
  context: FileContext,
): ExportBinding[] {
  const bindings: ExportBinding[] = [];
  const localBinding = (localName: string, name: string, isDefault: boolean): void => {
    const declarations = locals.get(localName);
    if (declarations) bindings.push({ name, isDefault, declarations });
  };
  for (const statement of sourceFile.statements) {
    if (hasModifier(statement, ts.SyntaxKind.ExportKeyword)) {
      const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
      for (const [name, declaration] of declarationsOf(statement, context)) {
        // Overloads and merged declarations are separate statements: gather them under one name.
        const declarations = locals.get(name)?.filter((candidate) => candidate.kind === declaration.kind);
        bindings.push({ name, isDefault, declarations: declarations ?? [declaration] });
      }
    } else if (ts.isExportAssignment(statement)) {
      const expression = unwrap(statement.expression);
      if (ts.isIdentifier(expression)) localBinding(expression.text, expression.text, true);
      else bindings.push(anonymousDefault(statement, expression));
    } else if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause) {
      if (!ts.isNamedExports(statement.exportClause)) continue;
      for (const element of statement.exportClause.elements) {
        const localName = (element.propertyName ?? element.name).text;
        localBinding(localName, element.name.text, element.name.text === "default");
      }
    } else if (ts.isExpressionStatement(statement)) {
      bindings.push(...commonJsBindings(statement, locals, context));
    }
  }
  return bindings;
}

function anonymousDefault(docNode: ts.Node, expression: ts.Expression): ExportBinding {
  const nameNode = findDefaultKeyword(docNode) ?? docNode;
  if (isFunctionValue(expression)) {
    const hasContextualType = ts.isExportAssignment(docNode) && isSatisfies(docNode.expression);
    return {
      name: "default",
      isDefault: true,
      declarations: [{ kind: "function", docNode, nameNode, callables: [expression], hasContextualType, classNode: null }],
    };
  }
  const classNode = ts.isClassExpression(expression) ? expression : null;
  return {
    name: "default",
    isDefault: true,
    declarations: [{ kind: classNode ? "class" : "variable", docNode, nameNode, callables: [], hasContextualType: false, classNode }],
  };
}

/** `module.exports = …`, `module.exports.x = …` and `exports.x = …`. */
function commonJsBindings(
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
      return [{
        name: property.name.text,
        isDefault: false,
        declarations: [{ kind: "function", docNode: property, nameNode: property.name, callables: [property], hasContextualType: false, classNode: null }],
      }];
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
    return { name, isDefault: false, declarations: [{ kind: "function", docNode, nameNode, callables: [value], hasContextualType, classNode: null }] };
  }
  const classNode = ts.isClassExpression(value) ? value : null;
  return { name, isDefault: false, declarations: [{ kind: classNode ? "class" : "variable", docNode, nameNode, callables: [], hasContextualType: false, classNode }] };
}

function toSymbols(binding: ExportBinding, declarations: LocalDeclaration[], context: FileContext): ExportedSymbol[] {
  const [first] = declarations;
  if (!first) return [];
  const { sourceFile } = context;
  const docs = declarations.map((declaration) => attachedDoc(declaration.docNode, sourceFile));
  if (docs.some(isHidden)) return [];
  const callables = visibleSignatures(declarations.flatMap((declaration) => declaration.callables));
  const signatures = callables.map((callable) =>
    readSignature(callable, { ...context, hasContextualType: declarations.some((d) => d.hasContextualType) }),
  );
  const symbol: ExportedSymbol = {
    name: binding.name,
    kind: first.kind,
    isDefault: binding.isDefault,
    ...positionOf(first.nameNode, sourceFile),
    hasDoc: docs.some((doc) => doc !== null),
    signatures,
  };
  const classNode = first.classNode;
  return classNode ? [symbol, ...publicMethods(binding.name, classNode, context)] : [symbol];
}

/** With overloads, callers see the overload signatures, not the implementation. */
function visibleSignatures(callables: ts.SignatureDeclaration[]): ts.SignatureDeclaration[] {
  const overloads = callables.filter((callable) => isBodiless(callable));
  return overloads.length > 0 && overloads.length < callables.length ? overloads : callables;
}

function isBodiless(node: ts.SignatureDeclaration): boolean {
  return (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) && node.body === undefined;
}

function publicMethods(className: string, classNode: ts.ClassLikeDeclaration, context: FileContext): ExportedSymbol[] {
  const { sourceFile } = context;
  const groups = new Map<
    string,
    Array<{ member: ts.ClassElement; callable: ts.SignatureDeclaration; contextual: boolean; doc: DocComment | null }>
  >();
  for (const member of classNode.members) {
    const callable = methodLike(member);
    if (!callable || !member.name || !isPublic(member)) continue;
    const doc = attachedDoc(member, sourceFile);
    if (isHidden(doc)) continue;
    const name = memberName(member.name, sourceFile);
    const contextual = ts.isPropertyDeclaration(member) && member.type !== undefined;
    const group = groups.get(name) ?? [];
    group.push({ member, callable, contextual, doc });
    groups.set(name, group);
  }
  return [...groups].map(([name, members]) => {
    const [first] = members;
    if (!first || !first.member.name) throw new Error("empty method group");
    const signatures = visibleSignatures(members.map((entry) => entry.callable)).map((callable) =>
      readSignature(callable, { ...context, hasContextualType: first.contextual }),
    );
    return {
      name: `${className}.${name}`,
      kind: "method",
      isDefault: false,
      ...positionOf(first.member.name, sourceFile),
      hasDoc: members.some((entry) => entry.doc !== null),
      signatures,
    };
  });
}

/** JSDoc tags that take a symbol out of the public API. */
const HIDING_TAGS = new Set(["internal", "private", "protected", "package", "ignore", "hidden"]);

function isHidden(doc: DocComment | null): boolean {
  return doc !== null && doc.tags.some((tag) => HIDING_TAGS.has(tag));
}

/** A method, or a class field holding a function. */
function methodLike(member: ts.ClassElement): ts.SignatureDeclaration | null {
  if (ts.isMethodDeclaration(member)) return member;
  if (ts.isPropertyDeclaration(member) && member.initializer) {
    const value = unwrap(member.initializer);
    if (isFunctionValue(value)) return value;
  }
  return null;
}

function isPublic(member: ts.ClassElement): boolean {
  if (member.name && ts.isPrivateIdentifier(member.name)) return false;
  return !hasModifier(member, ts.SyntaxKind.PrivateKeyword) && !hasModifier(member, ts.SyntaxKind.ProtectedKeyword);
}

function memberName(name: ts.PropertyName, sourceFile: ts.SourceFile): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
  return name.getText(sourceFile);
}

function isFunctionValue(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

function isSatisfies(node: ts.Expression): boolean {
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

function isModuleExports(node: ts.PropertyAccessExpression): boolean {
  return ts.isIdentifier(node.expression) && node.expression.text === "module" && node.name.text === "exports";
}

function isExportsObject(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return node.text === "exports";
  return ts.isPropertyAccessExpression(node) && isModuleExports(node);
}

/** True when a node carries the given modifier keyword. */
export function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}

function findDefaultKeyword(node: ts.Node): ts.Node | undefined {
  return ts.canHaveModifiers(node) ? ts.getModifiers(node)?.find((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword) : undefined;
}

