/**
 * Paths a file spells out with literals, read without running it: `"src/x.json"`,
 * `path.join(__dirname, "..", "src", "x.ts")`, `resolve(import.meta.dirname, "../x")`,
 * `new URL("../x.ts", import.meta.url)`, a `const` holding one of these, a loop over literals
 * (`for (const name of ["a", "b"])`), and a local helper's parameter given literals at its calls
 * (`load("a")` where `function load(name) { return require(join(__dirname, name)); }`). Anything
 * computed otherwise (a variable set at run time, a function's result) is not a static path.
 */
import { posix } from "node:path";
import ts from "#typescript";
import { positionOf } from "./positions.js";
import type { Position } from "./types.js";

/** A path relative to the file's own folder (`__dirname`, `import.meta.url`) or to the working directory. */
export interface StaticPath {
  base: "file" | "cwd";
  /** Normalised POSIX path relative to the base; never absolute. */
  path: string;
}

/** Where a file passes a path to a call the caller cares about (a write, a module load). */
export interface SinkSpec {
  kind: string;
  /** The path, as `path.join` of these pieces: expressions of the file, or literal segments (`".."`). */
  pieces: ReadonlyArray<ts.Expression | string>;
}

/** A sink found in the file, with the static paths it may receive (empty when none is static). */
export interface PathSink extends Position {
  kind: string;
  paths: StaticPath[];
}

/** A value an expression may take: a plain string (`base` null), or a path anchored at the file or the cwd. */
interface Value {
  base: "file" | "cwd" | null;
  text: string;
}

/** Parameters of a helper bound to the expressions its call passes. */
type Bindings = ReadonlyMap<string, ts.Expression>;

const MAX_VALUES = 32;
const MAX_DEPTH = 8;
const PATH_MODULES = new Set(["path", "posix", "win32", "nodePath", "pathe", "upath"]);
/** Array methods whose callback takes each element in turn. */
const ITERATING = new Set(["forEach", "map", "flatMap"]);

/**
 * Finds every call `sinksOf` picks out and the static paths each receives. A sink inside a local
 * function that gets its path from the function's parameters is evaluated once per call of that function
 * in the file, with the call's arguments (one level: helpers of helpers are not followed).
 */
export function findPathSinks(
  sourceFile: ts.SourceFile,
  sinksOf: (node: ts.CallExpression | ts.NewExpression) => SinkSpec[],
): PathSink[] {
  const constants = new Map<string, ts.Expression | null>();
  const loops = new Map<string, ts.Expression | null>();
  const helpers = new Map<string, { params: string[]; sinks: SinkSpec[] } | null>();
  const found: Array<{ spec: SinkSpec; at: Position; inScope: ReadonlySet<string>; helper: string | null }> = [];
  const calls: Array<{ name: string; args: readonly ts.Expression[]; at: Position }> = [];

  const remember = (map: Map<string, ts.Expression | null>, name: string, value: ts.Expression): void => {
    // A name bound twice in the file is not followed: which binding a use sees needs scopes.
    map.set(name, map.has(name) ? null : value);
  };
  const visit = (node: ts.Node, inScope: ReadonlySet<string>, helper: string | null, name: string | null): void => {
    if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.Const) !== 0) {
      for (const declaration of node.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.initializer)
          remember(constants, declaration.name.text, declaration.initializer);
      }
    }
    if (ts.isForOfStatement(node) && ts.isVariableDeclarationList(node.initializer)) {
      const [declaration] = node.initializer.declarations;
      if (declaration && ts.isIdentifier(declaration.name)) remember(loops, declaration.name.text, node.expression);
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const at = positionOf(node, sourceFile);
      for (const spec of sinksOf(node)) found.push({ spec, at, inScope, helper });
      if (ts.isCallExpression(node)) {
        if (ts.isIdentifier(node.expression)) calls.push({ name: node.expression.text, args: node.arguments, at });
        // `names.forEach((name) => …)`: the callback's first parameter takes each element.
        const [callback] = node.arguments;
        const [param] = callback && isFunctionExpression(callback) ? callback.parameters : [];
        if (
          ts.isPropertyAccessExpression(node.expression) &&
          ITERATING.has(node.expression.name.text) &&
          param &&
          ts.isIdentifier(param.name)
        ) {
          remember(loops, param.name.text, node.expression.expression);
        }
        // `it.each(["a", "b"])("title", (name) => …)`: the table's rows, to the test's first parameter.
        const table = node.expression;
        const test = node.arguments[node.arguments.length - 1];
        const [testParam] = test && isFunctionExpression(test) ? test.parameters : [];
        const [rows] = ts.isCallExpression(table) ? table.arguments : [];
        if (
          ts.isCallExpression(table) &&
          ts.isPropertyAccessExpression(table.expression) &&
          table.expression.name.text === "each" &&
          rows &&
          testParam &&
          ts.isIdentifier(testParam.name)
        ) {
          remember(loops, testParam.name.text, rows);
        }
      }
    }
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
      if (isFunctionExpression(node.initializer)) {
        visit(node.initializer, inScope, helper, node.name.text);
        return;
      }
    }
    if (
      ts.isFunctionDeclaration(node) ||
      isFunctionExpression(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node) ||
      ts.isAccessor(node)
    ) {
      const own = ts.isFunctionDeclaration(node) ? (node.name?.text ?? null) : isFunctionExpression(node) ? name : null;
      const params = node.parameters.map((param) => (ts.isIdentifier(param.name) ? param.name.text : ""));
      if (own !== null) helpers.set(own, helpers.has(own) ? null : { params, sinks: [] });
      const scope = new Set([...inScope, ...params.filter((param) => param !== "")]);
      ts.forEachChild(node, (child) => visit(child, scope, own, null));
      return;
    }
    ts.forEachChild(node, (child) => visit(child, inScope, helper, null));
  };
  ts.forEachChild(sourceFile, (child) => visit(child, new Set(), null, null));

  const evaluate = (node: ts.Expression, bindings: Bindings, inScope: ReadonlySet<string>, depth: number): Value[] => {
    if (depth > MAX_DEPTH) return [];
    const again = (next: ts.Expression): Value[] => evaluate(next, bindings, inScope, depth + 1);
    if (ts.isStringLiteralLike(node)) return [{ base: null, text: node.text }];
    if (
      ts.isParenthesizedExpression(node) ||
      ts.isAsExpression(node) ||
      ts.isNonNullExpression(node) ||
      ts.isSatisfiesExpression(node) ||
      ts.isAwaitExpression(node)
    ) {
      return again(node.expression);
    }
    if (ts.isIdentifier(node)) {
      const name = node.text;
      const bound = bindings.get(name);
      if (bound) return evaluate(bound, new Map(), new Set(), depth + 1);
      if (name === "__dirname") return [{ base: "file", text: "." }];
      if (name === "__filename") return [{ base: "file", text: posix.basename(sourceFile.fileName) }];
      const loop = loops.get(name);
      if (loop) return again(loop);
      // A parameter with no call to bind it is not a static path, whatever a namesake elsewhere holds.
      if (inScope.has(name)) return [];
      const constant = constants.get(name);
      return constant ? again(constant) : [];
    }
    if (ts.isPropertyAccessExpression(node)) {
      const property = node.name.text;
      if (isImportMeta(node.expression)) {
        if (property === "dirname") return [{ base: "file", text: "." }];
        if (property === "url" || property === "filename")
          return [{ base: "file", text: posix.basename(sourceFile.fileName) }];
        return [];
      }
      // `new URL(…).pathname`, `.href`: the URL's path.
      if (property === "pathname" || property === "href") return again(node.expression);
      return [];
    }
    // An array's elements are alternatives: a loop over it takes each (`for (const name of NAMES)`).
    if (ts.isArrayLiteralExpression(node)) {
      return node.elements
        .flatMap((element) => (ts.isSpreadElement(element) ? [] : again(element)))
        .slice(0, MAX_VALUES);
    }
    if (ts.isTemplateExpression(node)) {
      let values: Value[] = [{ base: null, text: node.head.text }];
      for (const span of node.templateSpans) {
        values = concat(values, again(span.expression));
        values = concat(values, [{ base: null, text: span.literal.text }]);
      }
      return values;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      return concat(again(node.left), again(node.right));
    }
    if (ts.isNewExpression(node)) {
      const [relative, base] = node.arguments ?? [];
      if (!isNamed(node.expression, "URL") || !relative || !base) return [];
      return product(again(relative), again(base)).flatMap(([path, from]) =>
        path.base === null && from.base !== null && !isAbsolute(path.text)
          ? [{ base: from.base, text: posix.join(posix.dirname(from.text), path.text) }]
          : [],
      );
    }
    if (ts.isCallExpression(node)) return evaluateCall(node, again);
    return [];
  };

  const evaluateCall = (node: ts.CallExpression, again: (next: ts.Expression) => Value[]): Value[] => {
    const callee = node.expression;
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : "";
    const receiver = ts.isPropertyAccessExpression(callee) ? callee.expression : null;
    const [first] = node.arguments;
    if (receiver && ts.isIdentifier(receiver) && receiver.text === "process" && name === "cwd")
      return [{ base: "cwd", text: "." }];
    if (receiver && ts.isIdentifier(receiver) && receiver.text === "require" && name === "resolve" && first)
      return again(first).flatMap((value) => (value.base === null ? [{ base: "file", text: value.text }] : []));
    const isPathCall = receiver === null || (ts.isIdentifier(receiver) && PATH_MODULES.has(receiver.text));
    if (!first) return [];
    if (isPathCall && (name === "join" || name === "resolve")) {
      let values = again(first).map((value) =>
        name === "resolve" && value.base === null ? { base: "cwd" as const, text: value.text } : value,
      );
      for (const argument of node.arguments.slice(1)) {
        const pieces = again(argument);
        // A later absolute piece or a second anchor makes resolve start over: not followed.
        values = product(values, pieces).flatMap(([left, piece]) =>
          piece.base === null && !(name === "resolve" && isAbsolute(piece.text))
            ? [{ base: left.base, text: posix.join(left.text, piece.text) }]
            : [],
        );
      }
      return values.slice(0, MAX_VALUES);
    }
    if (isPathCall && name === "dirname")
      return again(first).map((value) => ({ base: value.base, text: posix.dirname(value.text) }));
    if (name === "fileURLToPath" || name === "pathToFileURL" || name === "String") return again(first);
    return [];
  };

  const pathsOf = (spec: SinkSpec, bindings: Bindings, inScope: ReadonlySet<string>): StaticPath[] => {
    let values: Value[] = [{ base: null, text: "" }];
    spec.pieces.forEach((piece, index) => {
      const pieces = typeof piece === "string" ? [{ base: null, text: piece }] : evaluate(piece, bindings, inScope, 0);
      values = product(values, pieces).flatMap(([left, right]) => {
        if (index === 0) return [right];
        return right.base === null ? [{ base: left.base, text: posix.join(left.text, right.text) }] : [];
      });
    });
    return dedupe(values.flatMap(toStaticPath));
  };

  const sinks: PathSink[] = [];
  for (const { spec, at, inScope, helper } of found) {
    const paths = pathsOf(spec, new Map(), inScope);
    const entry = helper !== null ? helpers.get(helper) : undefined;
    if (paths.length === 0 && entry && usesParameter(spec, entry.params)) entry.sinks.push(spec);
    else sinks.push({ kind: spec.kind, ...at, paths });
  }
  for (const call of calls) {
    const entry = helpers.get(call.name);
    if (!entry || entry.sinks.length === 0) continue;
    const bindings = new Map<string, ts.Expression>();
    entry.params.forEach((param, index) => {
      const argument = call.args[index];
      if (param !== "" && argument) bindings.set(param, argument);
    });
    for (const spec of entry.sinks) {
      sinks.push({ kind: spec.kind, ...call.at, paths: pathsOf(spec, bindings, new Set()) });
    }
  }
  return sinks.sort((a, b) => a.line - b.line || a.column - b.column);
}

function usesParameter(spec: SinkSpec, params: readonly string[]): boolean {
  const names = new Set(params);
  let uses = false;
  const visit = (node: ts.Node): void => {
    if (uses) return;
    if (ts.isIdentifier(node) && names.has(node.text)) uses = true;
    else ts.forEachChild(node, visit);
  };
  for (const piece of spec.pieces) if (typeof piece !== "string") visit(piece);
  return uses;
}

function concat(left: readonly Value[], right: readonly Value[]): Value[] {
  return product(left, right).flatMap(([a, b]) => {
    if (b.base !== null) return a.base === null && a.text === "" ? [b] : [];
    return [{ base: a.base, text: a.text + b.text }];
  });
}

function product<A, B>(left: readonly A[], right: readonly B[]): Array<[A, B]> {
  const pairs: Array<[A, B]> = [];
  for (const a of left) {
    for (const b of right) {
      if (pairs.length >= MAX_VALUES) return pairs;
      pairs.push([a, b]);
    }
  }
  return pairs;
}

function toStaticPath(value: Value): StaticPath[] {
  if (value.text === "" || isAbsolute(value.text) || /^[a-z][\w+.-]*:/i.test(value.text)) return [];
  const path = posix.normalize(value.text.replace(/\\/g, "/"));
  return [{ base: value.base ?? "cwd", path: path.replace(/\/$/, "") }];
}

function dedupe(paths: readonly StaticPath[]): StaticPath[] {
  const seen = new Map(paths.map((path) => [`${path.base}\0${path.path}`, path]));
  return [...seen.values()];
}

function isAbsolute(text: string): boolean {
  return text.startsWith("/") || /^[A-Za-z]:[\\/]/.test(text);
}

function isFunctionExpression(node: ts.Node): node is ts.ArrowFunction | ts.FunctionExpression {
  return ts.isArrowFunction(node) || ts.isFunctionExpression(node);
}

function isImportMeta(node: ts.Expression): boolean {
  return ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword && node.name.text === "meta";
}

function isNamed(node: ts.Expression, name: string): boolean {
  return ts.isIdentifier(node) && node.text === name;
}
