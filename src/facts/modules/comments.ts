import ts from "#typescript";

const FILE_DOC_TAG = /@(?:file|fileoverview|overview|module|packageDocumentation)\b/;
const DIRECTIVE =
  /^(?:@ts-|eslint|prettier-ignore|jshint|jslint|global\s|istanbul\s|c8\s|v8\s|biome-ignore|#region|#endregion|@jsx|@flow|webpackChunkName)/;
const LICENSE = /copyright|spdx-license-identifier|@license|\(c\)\s*\d{4}/i;

/** The text of a comment without its markers and leading asterisks, trimmed. */
export function commentBody(raw: string): string {
  const inner = raw.startsWith("/*")
    ? raw.replace(/^\/\*+!?/, "").replace(/\*+\/$/, "")
    : raw.replace(/^\s*\/\/+/gm, "");
  return inner
    .split("\n")
    .map((line) => line.replace(/^\s*\*?\s?/, "").trimEnd())
    .join("\n")
    .trim();
}

/** The doc comment attached to a declaration. */
export interface DocComment {
  text: string;
  /** Block tags, without `@`: `param`, `internal`, … */
  tags: string[];
}

/**
 * The non-empty `/** … *\/` block attached to `node`: the last comment before
 * its first token. Blank lines between them are allowed, as TypeScript and
 * editors attach it too; but before the file's first statement, a block
 * followed by a blank line, or a licence, documents the file instead.
 */
export function attachedDoc(node: ts.Node, sourceFile: ts.SourceFile): DocComment | null {
  const text = sourceFile.text;
  const ranges = ts.getLeadingCommentRanges(text, node.pos);
  const last = ranges?.[ranges.length - 1];
  if (!last || last.kind !== ts.SyntaxKind.MultiLineCommentTrivia) return null;
  if (!text.startsWith("/**", last.pos) || text.startsWith("/**/", last.pos)) return null;
  const body = commentBody(text.slice(last.pos, last.end));
  if (body === "" || LICENSE.test(body)) return null;
  const isFirstStatement = sourceFile.statements[0] === node;
  if (isFirstStatement && (countNewlines(text, last.end, node.getStart(sourceFile)) > 1 || FILE_DOC_TAG.test(body)))
    return null;
  return { text: body, tags: [...body.matchAll(/(?:^|\s)@([A-Za-z]+)/g)].map((match) => match[1] ?? "") };
}

/** True when a doc comment is attached to `node` (see `attachedDoc`). */
export function hasAttachedDoc(node: ts.Node, sourceFile: ts.SourceFile): boolean {
  return attachedDoc(node, sourceFile) !== null;
}

/**
 * True when the file opens with a file-level doc comment: a leading comment
 * (block or a run of `//` lines) that is tagged as a file overview, is detached
 * from the first statement, or precedes an import or a "use strict" prologue;
 * and is neither a tool directive nor only a licence header.
 */
export function hasFileDocComment(sourceFile: ts.SourceFile): boolean {
  return fileDocComment(sourceFile) !== null;
}

/** The file-level doc comment's text (see `hasFileDocComment`), or null. */
export function fileDocComment(sourceFile: ts.SourceFile): string | null {
  const text = sourceFile.text;
  const start = ts.getShebang(text)?.length ?? 0;
  const blocks = groupLineComments(text, ts.getLeadingCommentRanges(text, start) ?? []);
  const first = sourceFile.statements[0];
  const firstToken = first?.getStart(sourceFile) ?? text.length;
  // A comment on an import or a "use strict" prologue cannot document that statement: it is about the file.
  const isFirstDocumentable = first !== undefined && !isPreamble(first);
  for (const [index, block] of blocks.entries()) {
    const body = commentBody(text.slice(block.pos, block.end))
      .split("\n")
      .filter((line) => !DIRECTIVE.test(line))
      .join("\n")
      .trim();
    if (body === "" || LICENSE.test(body)) continue;
    const isLast = index === blocks.length - 1;
    if (FILE_DOC_TAG.test(body) || !isLast || !isFirstDocumentable || countNewlines(text, block.end, firstToken) > 1) {
      return body.replace(FILE_DOC_TAG, "").trim();
    }
  }
  return null;
}

function isPreamble(statement: ts.Statement): boolean {
  return (
    ts.isImportDeclaration(statement) ||
    ts.isImportEqualsDeclaration(statement) ||
    (ts.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined) ||
    (ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression))
  );
}

/** Merges consecutive `//` comments (no blank line between) into one range. */
function groupLineComments(text: string, ranges: readonly ts.CommentRange[]): ts.CommentRange[] {
  const blocks: ts.CommentRange[] = [];
  for (const range of ranges) {
    const previous = blocks[blocks.length - 1];
    const isLineComment = range.kind === ts.SyntaxKind.SingleLineCommentTrivia;
    if (
      previous &&
      isLineComment &&
      previous.kind === ts.SyntaxKind.SingleLineCommentTrivia &&
      countNewlines(text, previous.end, range.pos) <= 1
    ) {
      blocks[blocks.length - 1] = { ...previous, end: range.end };
    } else {
      blocks.push({ pos: range.pos, end: range.end, kind: range.kind });
    }
  }
  return blocks;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index += 1) if (text.charCodeAt(index) === 10) count += 1;
  return count;
}
