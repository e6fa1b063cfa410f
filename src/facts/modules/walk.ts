/**
 * The one walk over every node of a parsed file: function sizes, McCabe
 * complexity and names, and the imports that expressions make (`import()`,
 * `require()`, `import("x")` types). Exports and static imports are read from
 * top-level statements elsewhere; this is the only full traversal.
 */
import ts from "#typescript";
import { CommentCollector } from "./code-lines.js";
import { positionOf } from "./positions.js";
import type { FunctionFact, ImportFact, Position } from "./types.js";

/** What one pass over every node of a file yields. */
export interface WalkResult {
  functions: FunctionFact[];
  /** `import("x")`, `require("x")` and `import("x")` types, wherever they appear. */
  expressionImports: ImportFact[];
  /** Environment variables read: `process.env.X`, `process.env["X"]`, `import.meta.env.X`, `const { X } = process.env`. */
  envReads: EnvRead[];
  /**
   * Environment variables the file sets: `process.env.X = …`, `env.X = …` on an object named for the
   * environment, `env: { X: … }`, `{ ...process.env, X: … }`, `Object.assign(process.env, { X: … })`, and those it
   * removes (`delete process.env.X`); a value that reads X itself passes it on and is not counted.
   */
  envWrites: string[];
  /**
   * Names put in an array or object literal as values (`[readAtomState, mountAtom]`, `{ read, write }`): functions
   * a module hands out through a table, its replaceable parts rather than private helpers.
   */
  tabled: Set<string>;
  /** The file's comments, in order (see code-lines.ts: what is not found counts as code). */
  comments: ts.CommentRange[];
}

/** One read of an environment variable. */
export interface EnvRead extends Position {
  name: string;
}

interface Frame {
  fact: FunctionFact | null;
  anchor: string;
  nestedLines: number;
  anonymous: number;
  names: Map<string, number>;
  /** The frame of the function this one is declared in; null at the module's level. */
  parent: Frame | null;
  /** The function's node; null at the module's level. */
  node: ts.Node | null;
  /** Names this function declares: its parameters, variables, inner functions and classes. */
  declared: Set<string>;
  /** Of those, the names bound to a function declared here (`function f`, `const f = () => …`), with its node. */
  functionNames: Map<string, ts.Node>;
  /** Names read or written in this function and the functions inside it (not as a property or a type). */
  uses: Set<string>;
}

type FunctionLike =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;

/**
 * Walks every node once. Records each function's size and McCabe complexity
 * (if, ?:, case, loops, catch, &&, ||, ?? and their assignments; nested
 * functions are counted on their own), and the imports made by expressions.
 *
 * The walk recurses: it needs two stack frames per level of nesting, while the
 * TypeScript parser that built the tree needs many more, so a tree the parser
 * could build never exhausts the stack here.
 */
export function walkFile(sourceFile: ts.SourceFile): WalkResult {
  const result: WalkResult = {
    functions: [],
    expressionImports: [],
    envReads: [],
    envWrites: [],
    tabled: new Set(),
    comments: [],
  };
  const comments = new CommentCollector(sourceFile.text);
  const frames: Frame[] = [];
  // `process.env.X` on the left of `=` or after `delete` is set, not read.
  const writeTargets = new Set<ts.Node>();
  // Function expressions called where they stand, marked at the call (visited before its callee).
  const invoked = new Set<ts.Node>();
  // Functions held by an object literal, marked at the literal (visited before its members).
  const members = new Set<ts.Node>();

  const visit = (
    node: ts.Node,
    frame: Frame,
    hint: string | null,
    className: string | null,
    parentKind: ts.SyntaxKind,
  ): void => {
    // JSX text is not read for comments: `<p>// hello</p>` holds none.
    const isRead = node.kind !== SK.JsxText && parentKind !== SK.JsxElement && parentKind !== SK.JsxFragment;
    if (isRead) comments.ask(node.pos);
    const current = enter(node, frame, hint, className, sourceFile, result, { writeTargets, invoked, members });
    if (current !== frame) frames.push(current);
    const context = ROLES[node.kind] === Role.Other ? null : childContext(node, hint, className, sourceFile);
    const childClass = context ? context.className : className;
    forEachChild(node, (child) => {
      if (ts.isIdentifier(child)) {
        noteName(node, child, frame, current);
        if (isTableEntry(node, child)) result.tabled.add(child.text);
      }
      visit(child, current, context?.hintNode === child ? context.hintName : null, childClass, node.kind);
    });
    if (isRead) comments.ask(node.end);
  };

  const root: Frame = {
    fact: null,
    anchor: "",
    nestedLines: 0,
    anonymous: 0,
    names: new Map(),
    parent: null,
    node: null,
    declared: new Set(),
    functionNames: new Map(),
    uses: new Set(),
  };
  visit(sourceFile, root, null, null, SK.Unknown);
  result.comments = comments.ranges();
  for (const frame of frames) {
    if (frame.fact) frame.fact.ownLines = Math.max(0, frame.fact.lines - frame.nestedLines);
  }
  markOuterReads(frames);
  return result;
}

/**
 * Files an identifier under the frame it belongs to: a declared name (a parameter, a variable, a function's or a
 * class's own name, which belongs to the scope around it), or a use; property names and types are neither.
 */
function noteName(parent: ts.Node, name: ts.Identifier, outer: Frame, current: Frame): void {
  // Only names inside a function make a closure; the module's own are never read.
  if (current.fact === null) return;
  switch (parent.kind) {
    case SK.Parameter:
    case SK.VariableDeclaration:
    case SK.BindingElement:
      // `{ key: local }` binds `local`; `key` names a property.
      if (ts.isBindingElement(parent) && parent.propertyName === name) return;
      if (!isNameOf(parent, name)) current.uses.add(name.text);
      else {
        current.declared.add(name.text);
        const value = ts.isVariableDeclaration(parent) ? functionValue(parent.initializer) : null;
        if (value) current.functionNames.set(name.text, value);
      }
      return;
    case SK.FunctionDeclaration:
    case SK.ClassDeclaration:
      if (!isNameOf(parent, name)) return;
      outer.declared.add(name.text);
      if (parent.kind === SK.FunctionDeclaration) outer.functionNames.set(name.text, parent);
      return;
    case SK.FunctionExpression:
    case SK.ClassExpression:
    case SK.MethodDeclaration:
    case SK.PropertyDeclaration:
    case SK.PropertySignature:
    case SK.MethodSignature:
    case SK.GetAccessor:
    case SK.SetAccessor:
    case SK.PropertyAssignment:
    case SK.EnumMember:
    case SK.TypeReference:
    case SK.TypeParameter:
    case SK.TypeQuery:
    case SK.QualifiedName:
    case SK.InterfaceDeclaration:
    case SK.TypeAliasDeclaration:
    case SK.ImportSpecifier:
    case SK.ExportSpecifier:
    case SK.LabeledStatement:
    case SK.BreakStatement:
    case SK.ContinueStatement:
    case SK.JsxAttribute:
      return;
    case SK.PropertyAccessExpression:
      if (!ts.isPropertyAccessExpression(parent) || parent.name !== name) current.uses.add(name.text);
      return;
    default:
      current.uses.add(name.text);
  }
}

/** The function a variable is bound to (`const f = () => …`, parentheses and `as` aside), or null. */
function functionValue(initializer: ts.Expression | undefined): ts.Node | null {
  let value = initializer;
  while (value && (ts.isParenthesizedExpression(value) || ts.isAsExpression(value))) value = value.expression;
  return value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) ? value : null;
}

/**
 * Marks the functions that read or write a variable or parameter of a function around them (a closure over its
 * state), directly or by calling a function declared there that does (valtio's set operations call the pure
 * helpers `asIterable` and `isIterable` declared beside them, and read nothing else: they are no closures).
 * Frames come in the order they were entered, so a function's inner frames follow it: walked backwards, each
 * passes what it uses and does not declare itself on to the one around it.
 */
function markOuterReads(frames: readonly Frame[]): void {
  const frameOf = new Map<ts.Node, Frame>();
  for (const frame of frames) if (frame.node) frameOf.set(frame.node, frame);
  const calls = new Map<Frame, Frame[]>();
  for (let index = frames.length - 1; index >= 0; index -= 1) {
    const frame = frames[index];
    if (frame?.fact == null) continue;
    const free = [...frame.uses].filter((name) => !frame.declared.has(name));
    for (let outer = frame.parent; outer !== null && outer.fact !== null; outer = outer.parent) {
      const scope = outer;
      const state = free.filter((name) => scope.declared.has(name) && !scope.functionNames.has(name));
      if (state.length > 0) frame.fact.readsOuter = true;
      for (const name of free) {
        const node = scope.functionNames.get(name);
        const callee = node ? frameOf.get(node) : undefined;
        if (callee && callee !== frame) calls.set(frame, [...(calls.get(frame) ?? []), callee]);
      }
    }
    const enclosing = frame.parent;
    if (enclosing?.fact != null) for (const name of free) enclosing.uses.add(name);
  }
  // Calling a closure makes a closure, however far down the calls go.
  for (let changed = true; changed;) {
    changed = false;
    for (const [frame, callees] of calls) {
      if (frame.fact?.readsOuter || !callees.some((callee) => callee.fact?.readsOuter)) continue;
      if (frame.fact) frame.fact.readsOuter = true;
      changed = true;
    }
  }
}

/** Nodes an earlier visit marked for a later one. */
interface Marks {
  /** `process.env.X` targets of `=` or `delete`: set, not read. */
  writeTargets: Set<ts.Node>;
  /** Function expressions that are the callee of a call: immediately invoked. */
  invoked: Set<ts.Node>;
  /** Functions that are members of an object literal (memberFunctions). */
  members: Set<ts.Node>;
}

/** Records what `node` itself contributes; returns the frame its children belong to. */
function enter(
  node: ts.Node,
  frame: Frame,
  hint: string | null,
  className: string | null,
  sourceFile: ts.SourceFile,
  result: WalkResult,
  { writeTargets, invoked, members }: Marks,
): Frame {
  switch (ROLES[node.kind]) {
    case Role.Function: {
      if (!hasBody(node)) return frame;
      const entered = enterFunction(node, frame, functionName(node, hint, className, sourceFile), sourceFile);
      if (entered.fact && invoked.has(node)) entered.fact.isIife = true;
      if (entered.fact && members.has(node)) entered.fact.isObjectMember = true;
      if (entered.fact) result.functions.push(entered.fact);
      return entered;
    }
    case Role.Decision:
      if (frame.fact) frame.fact.complexity += 1;
      return frame;
    case Role.Binary:
      if (!isBinaryExpression(node)) return frame;
      if (frame.fact && LOGICAL_OPERATORS.has(node.operatorToken.kind)) frame.fact.complexity += 1;
      if (node.operatorToken.kind === SK.EqualsToken) assignedEnv(node, sourceFile, result, writeTargets);
      return frame;
    case Role.ObjectLiteral:
      result.envWrites.push(...spreadEnvWrites(node, sourceFile));
      if (ts.isObjectLiteralExpression(node)) for (const member of memberFunctions(node)) members.add(member);
      return frame;
    case Role.Import: {
      const callee = invokedFunction(node);
      if (callee) invoked.add(callee);
      const imported = expressionImport(node, sourceFile);
      if (imported) result.expressionImports.push(imported);
      result.envWrites.push(...assignedToEnv(node, sourceFile));
      return frame;
    }
    case Role.Delete:
      deletedEnv(node, result, writeTargets);
      return frame;
    case Role.Access:
      if (!writeTargets.has(node)) result.envReads.push(...envReads(node, sourceFile));
      return frame;
    case Role.Named:
      result.envReads.push(...envReads(node, sourceFile));
      result.envWrites.push(...childEnvWrites(node, sourceFile));
      return frame;
    default:
      return frame;
  }
}

interface ChildContext {
  /** The child that receives `hintName` as its name, if any. */
  hintNode: ts.Node | null;
  hintName: string | null;
  className: string | null;
}

/** What `node` tells its children: a name for the function value it holds, the enclosing class. */
function childContext(
  node: ts.Node,
  hint: string | null,
  className: string | null,
  sourceFile: ts.SourceFile,
): ChildContext {
  const role = ROLES[node.kind];
  if (role === Role.Class) return { hintNode: null, hintName: null, className: classNameOf(node) };
  if (role === Role.ObjectLiteral) return { hintNode: null, hintName: null, className: null };
  const named = childName(node, hint, className, sourceFile);
  return { hintNode: named ? named.node : null, hintName: named ? named.name : null, className };
}

function classNameOf(node: ts.Node): string {
  return (isClassLike(node) && node.name?.text) || "(class)";
}

/** The child that holds a function value, and the name the surrounding syntax gives it. */
function childName(
  node: ts.Node,
  hint: string | null,
  className: string | null,
  sourceFile: ts.SourceFile,
): { node: ts.Node; name: string | null } | null {
  switch (ROLES[node.kind]) {
    case Role.Binary:
      return isBinaryExpression(node) ? assignedFunction(node, sourceFile) : null;
    case Role.Named:
      return namedValue(node, className, sourceFile);
    case Role.Wrapper:
      // A name given to `(async () => {})` or `(() => {}) as Handler` belongs to the function inside.
      return isParenthesizedExpression(node) || isAsExpression(node) || isSatisfiesExpression(node)
        ? { node: node.expression, name: hint }
        : null;
    default:
      return null;
  }
}

/**
 * What the walk does with each node kind, looked up by `node.kind`: one array
 * read per node decides, where a chain of `ts.isX` tests would run for every
 * node of the file.
 */
const enum Role {
  Other,
  Function,
  Decision,
  Binary,
  Class,
  ObjectLiteral,
  Named,
  Wrapper,
  Import,
  Access,
  Delete,
}

const SK = ts.SyntaxKind;
const ROLES: Uint8Array = buildRoles();
const {
  forEachChild,
  isBinaryExpression,
  isClassLike,
  isParenthesizedExpression,
  isAsExpression,
  isSatisfiesExpression,
  isVariableDeclaration,
  isPropertyAssignment,
  isPropertyDeclaration,
  isExportAssignment,
  isCallExpression,
  isImportTypeNode,
  isIdentifier,
  isPropertyAccessExpression,
  isElementAccessExpression,
  isMetaProperty,
  isStringLiteralLike,
  isObjectBindingPattern,
  isObjectLiteralExpression,
  isSpreadAssignment,
  isDeleteExpression,
  isArrowFunction,
  isFunctionExpression,
} = ts;

function buildRoles(): Uint8Array {
  const roles = new Uint8Array(SK.Count);
  const assign = (role: Role, kinds: readonly ts.SyntaxKind[]): void => kinds.forEach((kind) => (roles[kind] = role));
  assign(Role.Function, [
    SK.FunctionDeclaration,
    SK.FunctionExpression,
    SK.ArrowFunction,
    SK.MethodDeclaration,
    SK.Constructor,
    SK.GetAccessor,
    SK.SetAccessor,
  ]);
  assign(Role.Decision, [
    SK.IfStatement,
    SK.ConditionalExpression,
    SK.ForStatement,
    SK.ForInStatement,
    SK.ForOfStatement,
    SK.WhileStatement,
    SK.DoStatement,
    SK.CatchClause,
    SK.CaseClause,
  ]);
  assign(Role.Binary, [SK.BinaryExpression]);
  assign(Role.Class, [SK.ClassDeclaration, SK.ClassExpression]);
  assign(Role.ObjectLiteral, [SK.ObjectLiteralExpression]);
  assign(Role.Named, [SK.VariableDeclaration, SK.PropertyAssignment, SK.PropertyDeclaration, SK.ExportAssignment]);
  assign(Role.Wrapper, [SK.ParenthesizedExpression, SK.AsExpression, SK.SatisfiesExpression]);
  assign(Role.Import, [SK.CallExpression, SK.ImportType]);
  assign(Role.Access, [SK.PropertyAccessExpression, SK.ElementAccessExpression]);
  assign(Role.Delete, [SK.DeleteExpression]);
  return roles;
}

/** The name that `const x = …`, `{ x: … }`, a class field or `export default` gives the value it holds. */
function namedValue(
  node: ts.Node,
  className: string | null,
  sourceFile: ts.SourceFile,
): { node: ts.Node; name: string } | null {
  if (isVariableDeclaration(node)) {
    return node.initializer && isIdentifier(node.name) ? { node: node.initializer, name: node.name.text } : null;
  }
  if (isPropertyAssignment(node)) return { node: node.initializer, name: propertyNameText(node.name, sourceFile) };
  if (isPropertyDeclaration(node)) {
    if (!node.initializer) return null;
    const member = propertyNameText(node.name, sourceFile);
    return { node: node.initializer, name: className ? `${className}.${member}` : member };
  }
  if (isExportAssignment(node)) return { node: node.expression, name: "default" };
  return null;
}

/** `process.env` or `import.meta.env`. */
function isEnvObject(node: ts.Node): boolean {
  if (!isPropertyAccessExpression(node) || node.name.text !== "env") return false;
  const owner = node.expression;
  if (isIdentifier(owner)) return owner.text === "process";
  return isMetaProperty(owner) && owner.keywordToken === SK.ImportKeyword && owner.name.text === "meta";
}

function envReads(node: ts.Node, sourceFile: ts.SourceFile): EnvRead[] {
  if (isPropertyAccessExpression(node) && isEnvObject(node.expression)) {
    return [{ name: node.name.text, ...positionOf(node, sourceFile) }];
  }
  if (isElementAccessExpression(node) && isEnvObject(node.expression) && isStringLiteralLike(node.argumentExpression)) {
    return [{ name: node.argumentExpression.text, ...positionOf(node, sourceFile) }];
  }
  if (
    isVariableDeclaration(node) &&
    node.initializer &&
    isEnvObject(node.initializer) &&
    isObjectBindingPattern(node.name)
  ) {
    return node.name.elements.flatMap((element) => {
      const key = element.propertyName ?? element.name;
      return isIdentifier(key) || isStringLiteralLike(key)
        ? [{ name: key.text, ...positionOf(element, sourceFile) }]
        : [];
    });
  }
  return [];
}

/** An object named for the environment (`env`, `childEnv`, `envVars`): its UPPER_CASE keys are variables. */
const ENV_OBJECT_NAME = /env/i;
const VARIABLE_NAME = /^[A-Z_][A-Z0-9_]*$/;

/** `process.env.X = value` or `env.X = value`: X is set, unless the value reads X itself (`X = X ?? "1"`). */
function assignedEnv(
  node: ts.BinaryExpression,
  sourceFile: ts.SourceFile,
  result: WalkResult,
  writeTargets: Set<ts.Node>,
): void {
  const target = node.left;
  if (!isPropertyAccessExpression(target) && !isElementAccessExpression(target)) return;
  const key = isPropertyAccessExpression(target) ? target.name : target.argumentExpression;
  const name = isPropertyAccessExpression(target) ? target.name.text : isStringLiteralLike(key) ? key.text : null;
  if (name === null) return;
  const owner = target.expression;
  const isProcessEnv = isEnvObject(owner);
  if (!isProcessEnv && !(isIdentifier(owner) && ENV_OBJECT_NAME.test(owner.text) && VARIABLE_NAME.test(name))) return;
  if (isProcessEnv) writeTargets.add(target);
  if (!mentions(node.right, name, sourceFile)) result.envWrites.push(name);
}

/** `delete process.env.X`: X is the code's to remove, not a variable it reads. */
function deletedEnv(node: ts.Node, result: WalkResult, writeTargets: Set<ts.Node>): void {
  if (!isDeleteExpression(node)) return;
  const target = node.expression;
  if (!(isPropertyAccessExpression(target) || isElementAccessExpression(target)) || !isEnvObject(target.expression))
    return;
  writeTargets.add(target);
  // `delete process.env[name]` removes a variable the text does not name.
  if (isPropertyAccessExpression(target)) result.envWrites.push(target.name.text);
  else if (isStringLiteralLike(target.argumentExpression)) result.envWrites.push(target.argumentExpression.text);
}

/** `Object.assign(process.env, { X: value })`: X is set. */
function assignedToEnv(node: ts.Node, sourceFile: ts.SourceFile): string[] {
  if (!isCallExpression(node) || !isPropertyAccessExpression(node.expression)) return [];
  const callee = node.expression;
  if (callee.name.text !== "assign" || !isIdentifier(callee.expression) || callee.expression.text !== "Object")
    return [];
  const [target, ...sources] = node.arguments;
  if (!target || !isEnvObject(target)) return [];
  return sources.flatMap((source) => (isObjectLiteralExpression(source) ? objectKeys(source, sourceFile) : []));
}

/** `{ ...process.env, X: value }`: X is set for whoever receives the object. */
function spreadEnvWrites(node: ts.Node, sourceFile: ts.SourceFile): string[] {
  if (!isObjectLiteralExpression(node)) return [];
  if (!node.properties.some((property) => isSpreadAssignment(property) && isEnvObject(property.expression))) return [];
  return objectKeys(node, sourceFile);
}

/** `env: { X: value }` (a child process's environment): X is set. */
function childEnvWrites(node: ts.Node, sourceFile: ts.SourceFile): string[] {
  if (!isPropertyAssignment(node) || !isObjectLiteralExpression(node.initializer)) return [];
  const key = node.name;
  if (!((isIdentifier(key) || isStringLiteralLike(key)) && key.text === "env")) return [];
  return objectKeys(node.initializer, sourceFile);
}

function objectKeys(node: ts.ObjectLiteralExpression, sourceFile: ts.SourceFile): string[] {
  return node.properties.flatMap((property) => {
    if (!isPropertyAssignment(property)) return [];
    const key = property.name;
    if (!(isIdentifier(key) || isStringLiteralLike(key)) || !VARIABLE_NAME.test(key.text)) return [];
    return mentions(property.initializer, key.text, sourceFile) ? [] : [key.text];
  });
}

/** Whether an expression's text names `name` as a word (it passes a variable on rather than setting it). */
function mentions(node: ts.Node, name: string, sourceFile: ts.SourceFile): boolean {
  const text = node.getText(sourceFile);
  const isWordChar = (char: string | undefined): boolean => char !== undefined && /[\w$]/.test(char);
  for (let at = text.indexOf(name); at !== -1; at = text.indexOf(name, at + 1)) {
    if (!isWordChar(text[at - 1]) && !isWordChar(text[at + name.length])) return true;
  }
  return false;
}

/**
 * The function expression a call invokes where it stands (`(() => { … })()`, `(function () { … })()`), through
 * parentheses: an IIFE as ESLint's `max-lines-per-function` reads one (`(function () { … }).call(this)` is not),
 * but for a generator, whose call runs none of its body: it returns an iterator, a function of its own.
 */
function invokedFunction(node: ts.Node): ts.Node | null {
  if (!isCallExpression(node)) return null;
  let callee: ts.Expression = node.expression;
  while (isParenthesizedExpression(callee)) callee = callee.expression;
  if (isArrowFunction(callee)) return callee;
  return isFunctionExpression(callee) && !callee.asteriskToken ? callee : null;
}

function expressionImport(node: ts.Node, sourceFile: ts.SourceFile): ImportFact | null {
  if (isCallExpression(node)) return callImport(node, sourceFile);
  if (isImportTypeNode(node)) return typeImport(node, sourceFile);
  return null;
}

const LOGICAL_OPERATORS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

/** `target = function …`: the function is named after its target. */
function assignedFunction(
  node: ts.BinaryExpression,
  sourceFile: ts.SourceFile,
): { node: ts.Node; name: string } | null {
  if (node.operatorToken.kind !== SK.EqualsToken) return null;
  const right = node.right.kind;
  if (right !== SK.ArrowFunction && right !== SK.FunctionExpression && right !== SK.ParenthesizedExpression)
    return null;
  const target = node.left.getText(sourceFile);
  return target.length <= 60 ? { node: node.right, name: target } : null;
}

function hasBody(node: ts.Node): node is FunctionLike {
  return "body" in node && node.body !== undefined;
}

function enterFunction(node: FunctionLike, parent: Frame, ownName: string | null, sourceFile: ts.SourceFile): Frame {
  const startLine = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
  const endLine = sourceFile.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
  const lines = endLine - startLine + 1;
  let anchorPart: string;
  if (ownName === null) {
    parent.anonymous += 1;
    anchorPart = `<anonymous#${parent.anonymous}>`;
  } else {
    const seen = (parent.names.get(ownName) ?? 0) + 1;
    parent.names.set(ownName, seen);
    anchorPart = seen === 1 ? ownName : `${ownName}#${seen}`;
  }
  const anchor = parent.anchor === "" ? anchorPart : `${parent.anchor}/${anchorPart}`;
  parent.nestedLines += lines;
  // Findings point at the name, as ESLint's function rules do; anonymous functions at their start.
  const nameNode = "name" in node && node.name !== undefined ? node.name : node;
  const fact: FunctionFact = {
    name: ownName ?? "(anonymous)",
    anchor,
    ...positionOf(nameNode, sourceFile),
    endLine,
    lines,
    ownLines: lines,
    complexity: 1,
  };
  return {
    fact,
    anchor,
    nestedLines: 0,
    anonymous: 0,
    names: new Map(),
    parent: parent.fact === null && parent.parent === null ? null : parent,
    node,
    declared: new Set(),
    functionNames: new Map(),
    uses: new Set(),
  };
}

/** An identifier that is an element of an array literal or the value of an object literal's property. */
function isTableEntry(parent: ts.Node, name: ts.Identifier): boolean {
  return (
    ts.isArrayLiteralExpression(parent) ||
    ts.isShorthandPropertyAssignment(parent) ||
    (ts.isPropertyAssignment(parent) && parent.initializer === name)
  );
}

/** The functions an object literal holds as members: its methods and accessors, and functions as property values. */
function memberFunctions(node: ts.ObjectLiteralExpression): ts.Node[] {
  return node.properties.flatMap((property): ts.Node[] => {
    if (ts.isMethodDeclaration(property) || ts.isAccessor(property)) return [property];
    if (ts.isPropertyAssignment(property)) {
      const value = property.initializer;
      if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) return [value];
    }
    return [];
  });
}

function functionName(
  node: FunctionLike,
  hint: string | null,
  owner: string | null,
  sourceFile: ts.SourceFile,
): string | null {
  if (ts.isConstructorDeclaration(node)) return `${owner ?? "(class)"}.constructor`;
  if (ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) {
    const prefix = ts.isGetAccessorDeclaration(node) ? "get " : ts.isSetAccessorDeclaration(node) ? "set " : "";
    const member = propertyNameText(node.name, sourceFile);
    return owner ? `${owner}.${prefix}${member}` : `${prefix}${member}`;
  }
  if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && node.name) return node.name.text;
  return hint;
}

function propertyNameText(name: ts.PropertyName, sourceFile: ts.SourceFile): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) {
    return name.text;
  }
  return name.getText(sourceFile);
}

function callImport(node: ts.CallExpression, sourceFile: ts.SourceFile): ImportFact | null {
  const [argument] = node.arguments;
  if (node.arguments.length !== 1 || !argument || !ts.isStringLiteralLike(argument)) return null;
  if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
    return {
      specifier: argument.text,
      kind: "dynamic",
      isTypeOnly: false,
      names: ["*"],
      ...positionOf(node, sourceFile),
    };
  }
  if (ts.isIdentifier(node.expression) && node.expression.text === "require") {
    return {
      specifier: argument.text,
      kind: "require",
      isTypeOnly: false,
      names: ["*"],
      ...positionOf(node, sourceFile),
    };
  }
  return null;
}

function typeImport(node: ts.ImportTypeNode, sourceFile: ts.SourceFile): ImportFact | null {
  if (!ts.isLiteralTypeNode(node.argument) || !ts.isStringLiteral(node.argument.literal)) return null;
  const names = node.qualifier ? [node.qualifier.getText(sourceFile).split(".")[0] ?? "*"] : ["*"];
  return {
    specifier: node.argument.literal.text,
    kind: "static",
    isTypeOnly: true,
    names,
    ...positionOf(node, sourceFile),
  };
}

/** Whether `name` is the name `declaration` declares (not its type, value or default). */
function isNameOf(declaration: ts.Node, name: ts.Identifier): boolean {
  return "name" in declaration && declaration.name === name;
}
