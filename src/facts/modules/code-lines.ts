/**
 * Lines of code in a parsed file: the non-blank lines with something besides comments on them, as SonarQube's
 * "lines of code" and ESLint's max-lines with `skipBlankLines` and `skipComments` count them.
 */
import ts from "#typescript";
import { countNonBlankLines } from "./data.js";

const SK = ts.SyntaxKind;

/** Non-blank lines left when the file's comments are blanked out (a line with code and a comment is code). */
export function countCodeLines(sourceFile: ts.SourceFile): number {
  const text = sourceFile.text;
  const comments = commentRanges(sourceFile);
  if (comments.length === 0) return countNonBlankLines(text);
  const parts: string[] = [];
  let from = 0;
  for (const { pos, end } of comments) {
    // The comment's newlines stay, so the lines it spans stay apart.
    parts.push(text.slice(from, pos), text.slice(pos, end).replace(/[^\n]+/g, ""));
    from = end;
  }
  parts.push(text.slice(from));
  return countNonBlankLines(parts.join(""));
}

/**
 * The file's comments, in source order: the trivia before each node and after it. A comment the parser keeps
 * elsewhere (after a `,` that ends a list, inside an empty block or a JSX `{}`) is missed, and its line counts as
 * code, as it did before. JSX text is not read: `<p>// hello</p>` holds no comment.
 */
function commentRanges(sourceFile: ts.SourceFile): ts.CommentRange[] {
  const text = sourceFile.text;
  const byStart = new Map<number, ts.CommentRange>();
  const add = (ranges: ts.CommentRange[] | undefined): void => {
    for (const range of ranges ?? []) if (!byStart.has(range.pos)) byStart.set(range.pos, range);
  };
  // Parent pointers are not set for TypeScript files: each call is told its parent's kind.
  const visit = (node: ts.Node, parentKind: ts.SyntaxKind): void => {
    const isJsxChild = parentKind === SK.JsxElement || parentKind === SK.JsxFragment;
    if (node.kind !== SK.JsxText && !isJsxChild) {
      add(ts.getLeadingCommentRanges(text, node.pos));
      add(ts.getLeadingCommentRanges(text, node.end));
    }
    ts.forEachChild(node, (child) => visit(child, node.kind));
  };
  visit(sourceFile, SK.Unknown);
  return [...byStart.values()].sort((a, b) => a.pos - b.pos);
}
