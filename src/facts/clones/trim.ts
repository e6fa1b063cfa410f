/**
 * A clone trimmed to statement and member boundaries (boundaries.ts): a run of
 * equal tokens often goes on past the end of the shared code, through a doc
 * comment that differs (comments are no tokens), to the `export type` of the
 * next declaration; or it begins with the `}` that closes the code before.
 * Such a head or tail is cut off, the same number of tokens from both copies
 * so that they stay equal.
 *
 * A head is kept when it is the rest of a statement begun on the clone's
 * first line (the names before it differ: `applyTaxes` and `applyDiscounts`)
 * and closes no brace opened before the clone; a tail when it is the start of
 * a statement that ends on the clone's last line and opens no brace it leaves
 * open. Otherwise the head goes up to the first statement or member that
 * starts at the clone's outer level, and the tail back to the last one that
 * ends there.
 *
 * May: read token shapes. May not: read files.
 */
import { BRACE, CLOSES, ENDS, OPENS, STARTS } from "./token-buffer.js";
import type { TokenizedFile } from "./tokens.js";

/** How many tokens a clone keeps, from how far into it. */
export interface Trimmed {
  head: number;
  length: number;
}

/** The clone of `length` tokens at `xAt` in x and `yAt` in y, trimmed alike in both. */
export function trimClone(x: TokenizedFile, xAt: number, y: TokenizedFile, yAt: number, length: number): Trimmed {
  const head = Math.max(headToTrim(x, xAt, length), headToTrim(y, yAt, length));
  const tail = Math.max(tailToTrim(x, xAt, length), tailToTrim(y, yAt, length));
  return { head, length: Math.max(0, length - head - tail) };
}

function headToTrim(file: TokenizedFile, at: number, length: number): number {
  const { shape, startLines } = file;
  // The first statement or member that starts outside the brackets the head opens.
  let depth = 0;
  let closesOuterBrace = false;
  let start = at;
  for (; start < at + length; start += 1) {
    const bits = shape[start] ?? 0;
    if ((bits & STARTS) !== 0 && depth <= 0) break;
    if ((bits & CLOSES) !== 0) {
      if (depth <= 0 && (bits & BRACE) !== 0) closesOuterBrace = true;
      depth -= 1;
    } else if ((bits & OPENS) !== 0) depth += 1;
  }
  // A clone within one statement has no boundary to be trimmed to.
  if (start === at + length) return 0;
  if (closesOuterBrace) return start - at;
  const line = startLines[at];
  for (let index = at; index >= 0 && startLines[index] === line; index -= 1) {
    if (((shape[index] ?? 0) & STARTS) !== 0) return 0;
  }
  return start - at;
}

function tailToTrim(file: TokenizedFile, at: number, length: number): number {
  const { shape, startLines, endLines } = file;
  const last = at + length - 1;
  // The last statement or member that ends outside the brackets the tail closes.
  let depth = 0;
  let opensOuterBrace = false;
  let end = last;
  for (; end >= at; end -= 1) {
    const bits = shape[end] ?? 0;
    if ((bits & ENDS) !== 0 && depth <= 0) break;
    if ((bits & OPENS) !== 0) {
      if (depth <= 0 && (bits & BRACE) !== 0) opensOuterBrace = true;
      depth -= 1;
    } else if ((bits & CLOSES) !== 0) depth += 1;
  }
  if (end < at) return 0;
  if (opensOuterBrace) return last - end;
  const line = endLines[last] ?? 0;
  for (let index = last; index < shape.length && (startLines[index] ?? 0) <= line; index += 1) {
    if (((shape[index] ?? 0) & ENDS) !== 0) return 0;
  }
  return last - end;
}
