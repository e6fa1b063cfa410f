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
 * The non-empty `/** … *\/` block attached to `node`: the nearest JSDoc block
 * among the comments before its first token, as TypeScript reads it (the last
 * JSDoc wins). Line comments and plain blocks between it and the declaration
 * (`// eslint-disable-next-line`, `// TODO`, `/* istanbul ignore next *\/`) do
 * not detach it, nor do blank lines; but before the file's first statement a
 * block followed by a blank line, a licence, or a file-tagged block documents
 * the file instead.
 */
export function attachedDoc(node: ts.Node, sourceFile: ts.SourceFile): DocComment | null {
  const text = sourceFile.text;
  const ranges = ts.getLeadingCommentRanges(text, node.pos) ?? [];
  const block = attachedDocRange(text, ranges, node === sourceFile.statements[0], node.getStart(sourceFile));
  if (!block) return null;
  const body = commentBody(text.slice(block.pos, block.end));
  return { text: body, tags: [...body.matchAll(/(?:^|\s)@([A-Za-z]+)/g)].map((match) => match[1] ?? "") };
}

function attachedDocRange(
  text: string,
  ranges: readonly ts.CommentRange[],
  isFirstStatement: boolean,
  start: number,
): ts.CommentRange | null {
  const index = ranges.findLastIndex((range) => isJsDocBlock(text, range));
  const block = ranges[index];
  if (!block) return null;
  const body = commentBody(text.slice(block.pos, block.end));
  if (body === "" || LICENSE.test(body)) return null;
  if (isFirstStatement && (FILE_DOC_TAG.test(body) || hasBlankLineAfter(text, ranges.slice(index), start))) return null;
  return block;
}

/** `/** … *\/`, but not the empty `/**\/`: the comments TypeScript parses as JSDoc. */
function isJsDocBlock(text: string, range: ts.CommentRange): boolean {
  return (
    range.kind === ts.SyntaxKind.MultiLineCommentTrivia &&
    text.startsWith("/**", range.pos) &&
    !text.startsWith("/**/", range.pos)
  );
}

/** A blank line between the first of `ranges` and `start`, through the comments between them. */
function hasBlankLineAfter(text: string, ranges: readonly ts.CommentRange[], start: number): boolean {
  return ranges.some((range, index) => countNewlines(text, range.end, ranges[index + 1]?.pos ?? start) > 1);
}

/**
 * The file-level doc comment's text, or null: a leading comment (block or a
 * run of `//` lines) that is tagged as a file overview, is detached from the
 * first statement, or precedes an import or a "use strict" prologue; and is
 * neither a tool directive nor only a licence header.
 */
export function fileDocComment(sourceFile: ts.SourceFile): string | null {
  const text = sourceFile.text;
  const start = ts.getShebang(text)?.length ?? 0;
  const ranges = ts.getLeadingCommentRanges(text, start) ?? [];
  const blocks = groupLineComments(text, ranges);
  const first = sourceFile.statements[0];
  const firstToken = first?.getStart(sourceFile) ?? text.length;
  // A comment on an import or a "use strict" prologue cannot document that statement: it is about the file.
  const isFirstDocumentable = first !== undefined && !isPreamble(first);
  // The first statement's own doc comment, and whatever stands between it and the statement, are not the file's.
  const ownDoc = isFirstDocumentable ? attachedDocRange(text, ranges, true, firstToken) : null;
  for (const [index, block] of blocks.entries()) {
    if (block.pos === ownDoc?.pos) return null;
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
