/**
 * Lines of code in a parsed file: the non-blank lines with something besides comments on them, as SonarQube's
 * "lines of code" and ESLint's max-lines with `skipBlankLines` and `skipComments` count them.
 */
import ts from "#typescript";
import { countNonBlankLines } from "./data.js";

/** Non-blank lines left when the file's comments (walk.ts finds them) are blanked out; a line with code and a comment is code. */
export function countCodeLines(text: string, comments: readonly ts.CommentRange[]): number {
  if (comments.length === 0) return countNonBlankLines(text);
  return countNonBlankLines(withoutComments(text, comments));
}

/**
 * Lines of code from each line to the end: `counter(first, last)` is how many of lines first..last (1-based, both
 * included) have code on them, as countCodeLines counts a file's. A function's length in lines of code.
 */
export function codeLineCounter(
  text: string,
  comments: readonly ts.CommentRange[],
): (first: number, last: number) => number {
  const lines = (comments.length === 0 ? text : withoutComments(text, comments)).split("\n");
  const before = new Uint32Array(lines.length + 1);
  lines.forEach((line, index) => {
    before[index + 1] = (before[index] ?? 0) + (line.trim() === "" ? 0 : 1);
  });
  const at = (line: number) => before[Math.max(0, Math.min(line, lines.length))] ?? 0;
  return (first, last) => at(last) - at(first - 1);
}

function withoutComments(text: string, comments: readonly ts.CommentRange[]): string {
  const parts: string[] = [];
  let from = 0;
  for (const { pos, end } of comments) {
    // The comment's newlines stay, so the lines it spans stay apart.
    parts.push(text.slice(from, pos), text.slice(pos, end).replace(/[^\n]+/g, ""));
    from = end;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

/**
 * The comments of a file, gathered as a walk meets each node: the trivia before it and after it. A comment the
 * parser keeps elsewhere (after a `,` that ends a list, inside an empty block or a JSX `{}`) is missed, and its
 * line counts as code. Each position is asked once: a node and its first child start at one position, a node and
 * its last child end at one, a node's end is where the next one's trivia starts, and the walk meets them in order.
 */
export class CommentCollector {
  private asked = -1;
  private readonly byStart = new Map<number, ts.CommentRange>();

  constructor(private readonly text: string) {}

  ask(position: number): void {
    if (position === this.asked) return;
    this.asked = position;
    for (const range of ts.getLeadingCommentRanges(this.text, position) ?? []) {
      if (!this.byStart.has(range.pos)) this.byStart.set(range.pos, range);
    }
  }

  ranges(): ts.CommentRange[] {
    return [...this.byStart.values()].sort((a, b) => a.pos - b.pos);
  }
}
