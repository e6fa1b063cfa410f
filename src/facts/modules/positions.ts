import type ts from "#typescript";
import type { Position } from "./types.js";

/** The 1-based line and column of a character offset. */
export function positionAt(sourceFile: ts.SourceFile, offset: number): Position {
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(offset);
  return { line: line + 1, column: character + 1 };
}

/** The 1-based position of a node's first token. */
export function positionOf(node: ts.Node, sourceFile: ts.SourceFile): Position {
  return positionAt(sourceFile, node.getStart(sourceFile));
}
