import { ts } from "ts-morph";
import { positionOf } from "./positions.js";
import type { FunctionFact, ImportFact } from "./types.js";

/** What one pass over every node of a file yields. */
export interface WalkResult {
  functions: FunctionFact[];
  /** `import("x")`, `require("x")` and `import("x")` types, wherever they appear. */
  expressionImports: ImportFact[];
}

interface Frame {
  fact: FunctionFact | null;
  anchor: string;
  nestedLines: number;
  anonymous: number;
  names: Map<string, number>;
}

interface Visit {
  node: ts.Node;
  frame: Frame;
  /** Name given by the surrounding syntax (`const name = () => …`). */
  hint: string | null;
  /** Name of the class whose members are being visited. */
  className: string | null;
}

const DECISION_KINDS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.IfStatement,
  ts.SyntaxKind.ConditionalExpression,
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.WhileStatement,
  ts.SyntaxKind.DoStatement,
  ts.SyntaxKind.CatchClause,
  ts.SyntaxKind.CaseClause,
]);

const LOGICAL_OPERATORS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.AmpersandAmpersandToken,
  ts.SyntaxKind.BarBarToken,
  ts.SyntaxKind.QuestionQuestionToken,
  ts.SyntaxKind.AmpersandAmpersandEqualsToken,
  ts.SyntaxKind.BarBarEqualsToken,
  ts.SyntaxKind.QuestionQuestionEqualsToken,
]);

/**
 * Walks every node once, with an explicit stack so deeply nested code cannot
 * overflow the call stack. Records each function's size and McCabe complexity
 * (if, ?:, case, loops, catch, &&, ||, ?? and their assignments; nested
 * functions are counted on their own), and the imports made by expressions.
 */
export function walkFile(sourceFile: ts.SourceFile): WalkResult {
  const functions: FunctionFact[] = [];
  const expressionImports: ImportFact[] = [];
  const moduleFrame: Frame = { fact: null, anchor: "", nestedLines: 0, anonymous: 0, names: new Map() };
  const frames: Frame[] = [];
  const stack: Visit[] = [{ node: sourceFile, frame: moduleFrame, hint: null, className: null }];

  while (stack.length > 0) {
    const visit = stack.pop();
    if (!visit) break;
    const { node } = visit;
    let frame = visit.frame;
    if (isFunctionLike(node)) {
      frame = enterFunction(node, visit, sourceFile);
      frames.push(frame);
      if (frame.fact) functions.push(frame.fact);
    } else if (frame.fact && countsAsDecision(node)) {
      frame.fact.complexity += 1;
    }
    const imported = expressionImport(node, sourceFile);
    if (imported) expressionImports.push(imported);
    pushChildren(stack, visit, frame, sourceFile);
  }

  for (const frame of frames) {
    if (frame.fact) frame.fact.ownLines = Math.max(0, frame.fact.lines - frame.nestedLines);
  }
  return { functions, expressionImports };
}

function enterFunction(node: FunctionLike, visit: Visit, sourceFile: ts.SourceFile): Frame {
  const parent = visit.frame;
  const startLine = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
  const endLine = sourceFile.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
  const lines = endLine - startLine + 1;
  // Findings point at the name, as ESLint's function rules do; anonymous functions at their start.
  const nameNode = "name" in node && node.name !== undefined ? node.name : node;
  const ownName = functionName(node, visit, sourceFile);
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
  const fact: FunctionFact = {
    name: ownName ?? "(anonymous)",
    anchor,
    ...positionOf(nameNode, sourceFile),
    endLine,
    lines,
    ownLines: lines,
    complexity: 1,
  };
  return { fact, anchor, nestedLines: 0, anonymous: 0, names: new Map() };
}

type FunctionLike =
  | ts.FunctionDeclaration
  | ts.FunctionExpression
  | ts.ArrowFunction
  | ts.MethodDeclaration
  | ts.ConstructorDeclaration
  | ts.GetAccessorDeclaration
  | ts.SetAccessorDeclaration;

function isFunctionLike(node: ts.Node): node is FunctionLike {
  switch (node.kind) {
    case ts.SyntaxKind.FunctionDeclaration:
    case ts.SyntaxKind.FunctionExpression:
    case ts.SyntaxKind.ArrowFunction:
    case ts.SyntaxKind.MethodDeclaration:
    case ts.SyntaxKind.Constructor:
    case ts.SyntaxKind.GetAccessor:
    case ts.SyntaxKind.SetAccessor:
      // Overload signatures and abstract methods have no body to measure.
      return "body" in node && node.body !== undefined;
    default:
      return false;
  }
}

function functionName(node: FunctionLike, visit: Visit, sourceFile: ts.SourceFile): string | null {
  const owner = visit.className;
  if (ts.isConstructorDeclaration(node)) return `${owner ?? "(class)"}.constructor`;
  if (ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) {
    const prefix = ts.isGetAccessorDeclaration(node) ? "get " : ts.isSetAccessorDeclaration(node) ? "set " : "";
    const member = propertyNameText(node.name, sourceFile);
    return owner ? `${owner}.${prefix}${member}` : `${prefix}${member}`;
  }
  if ((ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node)) && node.name) return node.name.text;
  return visit.hint;
}

function countsAsDecision(node: ts.Node): boolean {
  if (DECISION_KINDS.has(node.kind)) return true;
  return ts.isBinaryExpression(node) && LOGICAL_OPERATORS.has(node.operatorToken.kind);
}

function pushChildren(stack: Visit[], visit: Visit, frame: Frame, sourceFile: ts.SourceFile): void {
  const { node } = visit;
  const childClass = classNameOf(node, visit.className);
  const hints: ReadonlyMap<ts.Node, string | null> | null = isTransparentWrapper(node)
    ? new Map([[node.expression, visit.hint]])
    : childHints(node, childClass, sourceFile);
  const children: ts.Node[] = [];
  ts.forEachChild(node, (child) => {
    children.push(child);
  });
  // Reverse so children are visited in source order: anonymous functions are numbered as they appear.
  for (let index = children.length - 1; index >= 0; index -= 1) {
    const child = children[index];
    if (!child) continue;
    stack.push({ node: child, frame, hint: hints?.get(child) ?? null, className: childClass });
  }
}

function classNameOf(node: ts.Node, current: string | null): string | null {
  if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) return node.name?.text ?? "(class)";
  if (ts.isObjectLiteralExpression(node)) return null;
  return current;
}

/** Names that surrounding syntax gives to an unnamed function value. */
function childHints(node: ts.Node, className: string | null, sourceFile: ts.SourceFile): Map<ts.Node, string> | null {
  const named = (value: ts.Node | undefined, name: string): Map<ts.Node, string> | null =>
    value ? new Map([[value, name]]) : null;
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) return named(node.initializer, node.name.text);
  if (ts.isPropertyAssignment(node)) return named(node.initializer, propertyNameText(node.name, sourceFile));
  if (ts.isPropertyDeclaration(node)) {
    const member = propertyNameText(node.name, sourceFile);
    return named(node.initializer, className ? `${className}.${member}` : member);
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
    const target = node.left.getText(sourceFile);
    return target.length <= 60 ? named(node.right, target) : null;
  }
  if (ts.isExportAssignment(node)) return named(node.expression, "default");
  return null;
}

function isTransparentWrapper(
  node: ts.Node,
): node is ts.ParenthesizedExpression | ts.AsExpression | ts.SatisfiesExpression {
  return ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node);
}

function propertyNameText(name: ts.PropertyName, sourceFile: ts.SourceFile): string {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isPrivateIdentifier(name)) {
    return name.text;
  }
  return name.getText(sourceFile);
}

function expressionImport(node: ts.Node, sourceFile: ts.SourceFile): ImportFact | null {
  if (ts.isCallExpression(node)) {
    const [argument] = node.arguments;
    if (node.arguments.length !== 1 || !argument || !ts.isStringLiteralLike(argument)) return null;
    if (node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      return { specifier: argument.text, kind: "dynamic", isTypeOnly: false, names: ["*"], ...positionOf(node, sourceFile) };
    }
    if (ts.isIdentifier(node.expression) && node.expression.text === "require") {
      return { specifier: argument.text, kind: "require", isTypeOnly: false, names: ["*"], ...positionOf(node, sourceFile) };
    }
    return null;
  }
  if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
    const names = node.qualifier ? [node.qualifier.getText(sourceFile).split(".")[0] ?? "*"] : ["*"];
    return { specifier: node.argument.literal.text, kind: "static", isTypeOnly: true, names, ...positionOf(node, sourceFile) };
  }
  return null;
}
