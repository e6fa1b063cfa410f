/**
 * Type assertions in a test file: calls of `expectTypeOf` and `assertType` (Vitest, expect-type) and of tsd's
 * `expectType`, `expectNotType`, `expectAssignable`, `expectNotAssignable`, `expectError` and `expectDeprecated`,
 * with the chain they open (`expectTypeOf(x).toEqualTypeOf<number>()`). Such a check is about the type inferred at
 * the call site it is written at: repeating it under each setup is the test, not a copy to factor out.
 */
import ts from "#typescript";

const ASSERTIONS = new Set([
  "expectTypeOf",
  "assertType",
  "expectType",
  "expectNotType",
  "expectAssignable",
  "expectNotAssignable",
  "expectError",
  "expectDeprecated",
]);

/** The 1-based lines that type assertions span, ascending, each once. */
export function typeAssertionLines(sourceFile: ts.SourceFile): number[] {
  const lines = new Set<number>();
  const visit = (node: ts.Node): void => {
    if (ts.isExpressionStatement(node) && isAssertion(node.expression)) {
      const first = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line;
      const last = sourceFile.getLineAndCharacterOfPosition(node.getEnd()).line;
      for (let line = first; line <= last; line += 1) lines.add(line + 1);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return [...lines].sort((a, b) => a - b);
}

/** Whether the expression is a call chain that starts with a type-assertion call. */
function isAssertion(expression: ts.Expression): boolean {
  let node: ts.Expression = expression;
  for (;;) {
    if (ts.isCallExpression(node)) node = node.expression;
    else if (ts.isPropertyAccessExpression(node)) node = node.expression;
    else if (ts.isNonNullExpression(node) || ts.isAwaitExpression(node)) node = node.expression;
    else break;
  }
  return ts.isIdentifier(node) && ASSERTIONS.has(node.text) && expression !== node;
}
