/**
 * A clone trimmed to statement and member boundaries (boundaries.ts): a run of
 * equal tokens often goes on past the end of the shared code, through a doc
 * comment that differs (comments are no tokens), to the `export type` of the
 * next declaration; or it begins with the `}` that closes the code before.
 * Such a head or tail is cut off, the same number of tokens from both copies
 * so that they stay equal. Before that, a clone that leaves the block it began
 * in, or enters one after whole statements and does not close it, is cut to its
 * largest part within one block (withinOneBlock).
 *
 * A head is kept when it is the rest of a statement begun on the clone's
 * first line (the names before it differ: `applyTaxes` and `applyDiscounts`)
 * and closes no brace opened before the clone; a tail when it is the start of
 * a statement that ends on the clone's last line (or with the `)`, `]`, `>` or
 * `;` that starts the next line) and opens no brace it leaves open. Otherwise the head goes up to the first statement or member that
 * starts at the clone's outer level, and the tail back to the last one that
 * ends there.
 *
 * May: read token shapes. May not: read files.
 */
import ts from "#typescript";
import { BRACE, CLOSES, ENDS, OPENS, STARTS } from "./token-buffer.js";
import type { TokenizedFile } from "./tokens.js";

/** How many tokens a clone keeps, from how far into it. */
export interface Trimmed {
  head: number;
  length: number;
}

/** The clone of `length` tokens at `xAt` in x and `yAt` in y, trimmed alike in both. */
export function trimClone(x: TokenizedFile, xAt: number, y: TokenizedFile, yAt: number, length: number): Trimmed {
  const inX = withinOneBlock(x, xAt, length);
  const inY = withinOneBlock(y, yAt, length);
  const from = Math.max(inX.head, inY.head);
  const kept = Math.max(0, Math.min(inX.head + inX.length, inY.head + inY.length) - from);
  if (kept === 0) return { head: from, length: 0 };
  const head = Math.max(headToTrim(x, xAt + from, kept), headToTrim(y, yAt + from, kept));
  const tail = Math.max(tailToTrim(x, xAt + from, kept), tailToTrim(y, yAt + from, kept));
  return { head: from + head, length: Math.max(0, kept - head - tail) };
}

/**
 * The largest part of a clone that stays in one block. A clone that closes a block opened before it (the `}` of
 * a method) and goes on with the next statement or member (the next method, whole) is the end of one unit and
 * the start of others; one that goes through whole statements and then opens a block it does not close (a
 * factory's first statements, then its `return {` and the first member of that object) is the end of one and the
 * start of another. No one function can replace either. The clone is cut before the first statement or member
 * at the level each such `}` leads out to (the `}` and what closes with it stay with the part before), and after
 * each such `{`. A `}` with no statement after it in the clone (`});` closing a test), a `{` after no whole
 * statement (a function's header and most of its body: one function can replace that), and brackets that are
 * not braces (the `)` of `it(…)` around a test's callback) do not cut: the head and tail rules keep or trim them.
 */
function withinOneBlock(file: TokenizedFile, at: number, length: number): Trimmed {
  const { shape } = file;
  const cuts: number[] = [];
  // The brackets opened in the clone and not yet closed, each with the state of the level it was opened in.
  const open: Array<{ cutsAfter: boolean; after: number; started: boolean; whole: boolean }> = [];
  // At the current level: whether a statement has started in the clone, and whether one has started and ended.
  let started = false;
  let whole = false;
  // Whether a `}` has closed a block opened before the clone, and no statement after it has started yet.
  let closedOuter = false;
  for (let offset = 0; offset < length; offset += 1) {
    const bits = shape[at + offset] ?? 0;
    if ((bits & CLOSES) !== 0) {
      const bracket = open.pop();
      if (bracket) ({ started, whole } = bracket);
      else if ((bits & BRACE) !== 0) {
        closedOuter = true;
        started = false;
        whole = false;
      }
    }
    if ((bits & STARTS) !== 0) {
      if (closedOuter && open.length === 0) {
        cuts.push(offset);
        closedOuter = false;
      }
      started = true;
    }
    if ((bits & ENDS) !== 0 && started) whole = true;
    if ((bits & OPENS) !== 0) {
      open.push({ cutsAfter: (bits & BRACE) !== 0 && whole, after: offset + 1, started, whole });
      started = false;
      whole = false;
    }
  }
  for (const bracket of open) if (bracket.cutsAfter && bracket.after < length) cuts.push(bracket.after);
  if (cuts.length === 0) return { head: 0, length };
  cuts.sort((x, y) => x - y).push(length);
  let best: Trimmed = { head: 0, length: cuts[0] ?? length };
  for (let index = 1; index < cuts.length; index += 1) {
    const from = cuts[index - 1] ?? 0;
    const to = cuts[index] ?? length;
    if (to - from > best.length) best = { head: from, length: to - from };
  }
  return best;
}

function headToTrim(file: TokenizedFile, at: number, length: number): number {
  const { shape, startLines } = file;
  // The first statement or member that starts outside what the head opens (or in a block it opens once it has
  // closed as many brackets as it opened: the body after a signature's end).
  const inside: number[] = [];
  let closed = 0;
  let closesOuterBrace = false;
  let start = at;
  for (; start < at + length; start += 1) {
    const bits = shape[start] ?? 0;
    if ((bits & STARTS) !== 0 && isOutside(inside, closed)) break;
    if ((bits & CLOSES) !== 0) {
      if (inside.length > 0) inside.pop();
      else {
        closed += 1;
        if ((bits & BRACE) !== 0) closesOuterBrace = true;
      }
    } else if ((bits & OPENS) !== 0) inside.push(bits & BRACE);
  }
  // A clone within one statement has no boundary to be trimmed to.
  if (start === at + length) return 0;
  if (closesOuterBrace) return start - at;
  // The head is the rest of a statement when that statement (outside the brackets the head closes) starts on
  // the head's first line.
  const line = startLines[at];
  let skipped = 0;
  let enclosing = closed;
  for (let index = at - 1; index >= 0 && startLines[index] === line; index -= 1) {
    const bits = shape[index] ?? 0;
    if ((bits & CLOSES) !== 0) skipped += 1;
    else if ((bits & OPENS) !== 0) {
      if (skipped > 0) skipped -= 1;
      else if (enclosing > 0) enclosing -= 1;
      // The head's statement is the first item of this list.
      else return 0;
    }
    if ((bits & STARTS) !== 0 && skipped === 0 && enclosing === 0) return 0;
  }
  return start - at;
}

function tailToTrim(file: TokenizedFile, at: number, length: number): number {
  const { shape, startLines, endLines, hashes } = file;
  const last = at + length - 1;
  // The last statement or member that ends outside what the tail closes (or in a block it closes once it has
  // opened as many brackets as it closed).
  const inside: number[] = [];
  let opened = 0;
  let opensOuterBrace = false;
  let end = last;
  for (; end >= at; end -= 1) {
    const bits = shape[end] ?? 0;
    if ((bits & ENDS) !== 0 && isOutside(inside, opened)) break;
    if ((bits & OPENS) !== 0) {
      if (inside.length > 0) inside.pop();
      else {
        opened += 1;
        if ((bits & BRACE) !== 0) opensOuterBrace = true;
      }
    } else if ((bits & CLOSES) !== 0) inside.push(bits & BRACE);
  }
  if (end < at) return 0;
  if (opensOuterBrace) return last - end;
  // The tail is the start of a statement when that statement (outside the brackets the tail opens) ends on the
  // tail's last line.
  const line = endLines[last] ?? 0;
  let skipped = 0;
  let enclosing = opened;
  let index = last + 1;
  for (; index < shape.length && (startLines[index] ?? 0) <= line; index += 1) {
    const bits = shape[index] ?? 0;
    if ((bits & OPENS) !== 0) skipped += 1;
    else if ((bits & CLOSES) !== 0) {
      if (skipped > 0) skipped -= 1;
      else if (enclosing > 0) enclosing -= 1;
      // The tail's statement is the last item of this list.
      else return 0;
    }
    if ((bits & ENDS) !== 0 && skipped === 0 && enclosing === 0) return 0;
  }
  // Or it ends with the first token of the next line: the `)` of a parameter list, the `;` before `;(`.
  if (index < shape.length && skipped === 0 && enclosing === 0) {
    const bits = shape[index] ?? 0;
    if (((bits & CLOSES) !== 0 && (bits & BRACE) === 0) || hashes[index] === ts.SyntaxKind.SemicolonToken) return 0;
  }
  return last - end;
}

/**
 * Whether a token is at the clone's outer level: inside no bracket the walk opened, or in a block (a brace)
 * it opened after closing at least as many brackets as it has open.
 */
function isOutside(inside: readonly number[], crossed: number): boolean {
  if (inside.length === 0) return true;
  return inside[inside.length - 1] !== 0 && inside.length <= crossed;
}
