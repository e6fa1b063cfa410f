/**
 * Exported symbols of an ES module or CommonJS file: what a caller (or an agent)
 * sees as the module's API, with doc comments and visible signatures.
 */
import ts from "#typescript";
import {
  anonymousDefault,
  findDefaultKeyword,
  hasModifier,
  isFunctionValue,
  isTypedByAssertion,
  unwrap,
  type ExportBinding,
  type FileContext,
  type LocalDeclaration,
} from "./bindings.js";
import { attachedDoc, type DocComment } from "./comments.js";
import { commonJsBindings } from "./commonjs.js";
import { positionOf } from "./positions.js";
import { readSignature } from "./signatures.js";
import type { ExportKind, ExportedSymbol } from "./types.js";

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
    return [
      [
        name,
        {
          kind: "function",
          docNode: statement,
          nameNode,
          callables: [statement],
          hasContextualType: false,
          classNode: null,
        },
      ],
    ];
  }
  if (ts.isClassDeclaration(statement)) {
    const nameNode = statement.name ?? findDefaultKeyword(statement) ?? statement;
    const name = statement.name?.text ?? "default";
    return [
      [
        name,
        { kind: "class", docNode: statement, nameNode, callables: [], hasContextualType: false, classNode: statement },
      ],
    ];
  }
  if (ts.isInterfaceDeclaration(statement)) return simple("interface", statement.name);
  if (ts.isTypeAliasDeclaration(statement)) return simple("type", statement.name);
  if (ts.isEnumDeclaration(statement)) return simple("enum", statement.name);
  if (ts.isModuleDeclaration(statement) && ts.isIdentifier(statement.name)) return simple("namespace", statement.name);
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((declaration): Array<[string, LocalDeclaration]> => {
      if (ts.isIdentifier(declaration.name)) {
        return [[declaration.name.text, variableDeclaration(statement, declaration, declaration.name, context)]];
      }
      return boundNames(declaration.name).map((nameNode) => [
        nameNode.text,
        { kind: "variable", docNode: statement, nameNode, callables: [], hasContextualType: false, classNode: null },
      ]);
    });
  }
  return [];
}

/**
 * The names a destructuring pattern binds, in source order: `b` and `c` in
 * `{ a: b, c = 1, ...rest }`, nested patterns included, holes skipped. Each is
 * a plain variable: what it holds (a function, a class) is only known to a
 * type checker, as for `export const x = other.y`.
 */
function boundNames(pattern: ts.BindingPattern): ts.Identifier[] {
  return pattern.elements.flatMap((element): ts.Identifier[] => {
    if (ts.isOmittedExpression(element)) return [];
    return ts.isIdentifier(element.name) ? [element.name] : boundNames(element.name);
  });
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
    (declaration.initializer !== undefined && isTypedByAssertion(declaration.initializer)) ||
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

function toSymbols(binding: ExportBinding, declarations: LocalDeclaration[], context: FileContext): ExportedSymbol[] {
  const [first] = declarations;
  if (!first) return [];
  const { sourceFile } = context;
  // The exported name is what callers see: `export { _impl as run }` is API, `export { State as INTERNAL_State }` is not.
  if (!binding.isDefault && isInternalName(binding.name)) return [];
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
    lines: linesOf(first.docNode, sourceFile),
    hasDoc: docs.some((doc) => doc !== null),
    ...(isDeprecated(docs) ? { isDeprecated: true as const } : {}),
    ...(isOneStatement(
      declarations.flatMap((declaration) => declaration.callables),
      sourceFile,
    )
      ? { isOneStatement: true as const }
      : {}),
    ...(hasDocumentedMembers(declarations, sourceFile) ? { hasDocumentedMembers: true as const } : {}),
    signatures,
  };
  const classNode = first.classNode;
  return classNode ? [symbol, ...publicMethods(binding.name, classNode, context)] : [symbol];
}

/** Lines a declaration spans, its doc comment aside. */
function linesOf(node: ts.Node, sourceFile: ts.SourceFile): number {
  const start = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line;
  return sourceFile.getLineAndCharacterOfPosition(node.end).line - start + 1;
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
    if (isInternalName(name)) continue;
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
      ...(isDeprecated(members.map((entry) => entry.doc)) ? { isDeprecated: true as const } : {}),
      ...(isOneStatement(
        members.map((entry) => entry.callable),
        sourceFile,
      )
        ? { isOneStatement: true as const }
        : {}),
      signatures,
    };
  });
}

/** JSDoc tags that take a symbol out of the public API. */
const HIDING_TAGS = new Set(["internal", "private", "protected", "package", "ignore", "hidden"]);

function isHidden(doc: DocComment | null): boolean {
  return doc !== null && doc.tags.some((tag) => HIDING_TAGS.has(tag));
}

/**
 * The implementation's body (the one callable with a body; overload signatures have none) is one statement on one
 * line, or an arrow's expression on one line.
 */
function isOneStatement(callables: readonly ts.SignatureDeclaration[], sourceFile: ts.SourceFile): boolean {
  const bodies = callables.flatMap((callable) => {
    const body = "body" in callable ? callable.body : undefined;
    return body === undefined ? [] : [body];
  });
  const [body] = bodies;
  if (bodies.length !== 1 || body === undefined) return false;
  const statement = ts.isBlock(body) ? (body.statements.length === 1 ? body.statements[0] : undefined) : body;
  if (statement === undefined) return false;
  const line = (position: number): number => sourceFile.getLineAndCharacterOfPosition(position).line;
  return line(statement.getStart(sourceFile)) === line(statement.end);
}

/**
 * An interface, or a type alias of an object type, with members and a doc comment on every one (every declaration of
 * a merged interface): what each member is shows where it is used, and a summary above them repeats the name.
 */
function hasDocumentedMembers(declarations: readonly LocalDeclaration[], sourceFile: ts.SourceFile): boolean {
  const members = declarations.flatMap((declaration): Array<ts.Node | null> => {
    const node = declaration.docNode;
    if (ts.isInterfaceDeclaration(node)) return [...node.members];
    if (ts.isTypeAliasDeclaration(node) && ts.isTypeLiteralNode(node.type)) return [...node.type.members];
    return [null];
  });
  return members.length > 0 && members.every((member) => member !== null && attachedDoc(member, sourceFile) !== null);
}

/**
 * Deprecated when a doc comment says so and none of the symbol's other doc comments says otherwise: one deprecated
 * overload beside live ones leaves the function live.
 */
function isDeprecated(docs: ReadonlyArray<DocComment | null>): boolean {
  const present = docs.filter((doc) => doc !== null);
  return present.length > 0 && present.every((doc) => doc.tags.includes("deprecated"));
}

/**
 * Names that say they are not API, by the conventions in wide use: a leading underscore (`_reset`, `__private`,
 * React's `__SECRET_INTERNALS_…`), as JavaScript marked private members before `#`, and an `INTERNAL_` or
 * `internal_` prefix (jotai's `INTERNAL_AtomState`). A bare `_` is a name of its own (lodash's). `unstable_` and
 * `UNSAFE_` are public API that may change: still API.
 */
const INTERNAL_NAME = /^(?:_+[\w$]|INTERNAL_|internal_)/;

function isInternalName(name: string): boolean {
  return INTERNAL_NAME.test(name);
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
