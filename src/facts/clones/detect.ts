/**
 * Clone detection over token windows, the way jscpd does it: every window of
 * `minTokens` consecutive tokens is hashed; a window seen before marks the
 * start of a clone of its first occurrence, which is extended token by token
 * as far as both sides agree, trimmed to statement boundaries (trim.ts), and
 * reported when it still holds `minTokens` tokens and spans `minLines` lines.
 * Windows live in one open-addressing table of typed arrays (about 12 bytes
 * per token with the tokens themselves: 5 million tokens cost ~130 MB, where
 * jscpd needed 800 MB).
 *
 * May: compare tokens. May not: read files.
 */
import type { ClonePair, CloneLocation } from "./types.js";
import type { TokenizedFile } from "./tokens.js";
import { trimClone } from "./trim.js";

/** Clone sizes: jscpd's defaults are 50 tokens and 5 lines. */
export interface CloneThresholds {
  minTokens: number;
  minLines: number;
}

/** jscpd's defaults, kept so that scores do not move with the engine. */
export const DEFAULT_THRESHOLDS: CloneThresholds = { minTokens: 50, minLines: 5 };

const EMPTY = -1;
const BASE = 1000003;

/** Every clone pair among `files` (compared in the order given), earlier place first. */
export function detectClones(files: readonly TokenizedFile[], thresholds: CloneThresholds): ClonePair[] {
  const window = Math.max(1, thresholds.minTokens);
  // All tokens in one array, so that a window is one offset: the table holds 8 bytes per window.
  const offsets = new Int32Array(files.length + 1);
  for (const [index, file] of files.entries()) offsets[index + 1] = (offsets[index] ?? 0) + file.hashes.length;
  const all = new Uint32Array(offsets[files.length] ?? 0);
  for (const [index, file] of files.entries()) all.set(file.hashes, offsets[index]);
  const size = 2 ** Math.ceil(Math.log2(all.length * 1.5 + 2));
  const mask = size - 1;
  const keys = new Uint32Array(size);
  const starts = new Int32Array(size).fill(EMPTY);
  const owners = new Int32Array(all.length);
  for (const [index, file] of files.entries())
    owners.fill(index, offsets[index], (offsets[index] ?? 0) + file.hashes.length);
  // BASE^(window-1) mod 2^32, to drop the oldest token from the rolling hash.
  let drop = 1;
  for (let index = 0; index < window - 1; index += 1) drop = Math.imul(drop, BASE);

  const pairs: ClonePair[] = [];
  for (const [owner, file] of files.entries()) {
    const base = offsets[owner] ?? 0;
    const end = base + file.hashes.length;
    let hash = 0;
    let hashedAt = -1;
    for (let at = base; at + window <= end;) {
      hash = hashedAt === at - 1 && at > base ? roll(hash, all, at, window, drop) : full(all, at, window);
      hashedAt = at;
      let slot = (Math.imul(hash, 2654435761) >>> 0) & mask;
      let first = EMPTY;
      for (let stored = starts[slot] ?? EMPTY; stored !== EMPTY; stored = starts[slot] ?? EMPTY) {
        if (keys[slot] === hash && sameWindow(all, stored, at, window)) {
          first = stored;
          break;
        }
        slot = (slot + 1) & mask;
      }
      if (first === EMPTY) {
        keys[slot] = hash;
        starts[slot] = at;
        at += 1;
        continue;
      }
      const firstOwner = owners[first] ?? 0;
      const firstEnd = offsets[firstOwner + 1] ?? 0;
      if (firstOwner === owner && first + window > at) {
        // The window overlaps its own first occurrence (a run of repeated tokens): not a clone.
        at += 1;
        continue;
      }
      let length = window;
      while (at + length < end && first + length < firstEnd && all[at + length] === all[first + length]) {
        if (firstOwner === owner && first + length >= at) break;
        length += 1;
      }
      const firstFile = files[firstOwner]!; // firstOwner indexes files: it was found in their offsets
      const firstAt = first - (offsets[firstOwner] ?? 0);
      // Reported from statement to statement (trim.ts), and only if still as large as a clone must be.
      const kept = trimClone(firstFile, firstAt, file, at - base, length);
      if (kept.length >= thresholds.minTokens) {
        const a = locate(firstFile, firstAt + kept.head, kept.length);
        const b = locate(file, at - base + kept.head, kept.length);
        if (b.end - b.start + 1 >= thresholds.minLines) {
          const typeTokens = countTypeLevel(firstFile, firstAt + kept.head, file, at - base + kept.head, kept.length);
          pairs.push({ a, b, lines: b.end - b.start + 1, tokens: kept.length, typeTokens });
        }
      }
      // Resume at the first window holding the token that differs, as jscpd does: the windows that straddle the
      // clone's end are looked up (a third copy may share them) and stored (a later copy may).
      at += length - window + 1;
    }
  }
  return pairs.sort((x, y) => compareLocation(x.a, y.a) || compareLocation(x.b, y.b));
}

function full(tokens: Uint32Array, start: number, window: number): number {
  let hash = 0;
  for (let index = start; index < start + window; index += 1)
    hash = (Math.imul(hash, BASE) + (tokens[index] ?? 0)) >>> 0;
  return hash;
}

/** The hash of the window at `at` from the one at `at - 1`. */
function roll(hash: number, tokens: Uint32Array, at: number, window: number, drop: number): number {
  const without = (hash - Math.imul(tokens[at - 1] ?? 0, drop)) >>> 0;
  return (Math.imul(without, BASE) + (tokens[at + window - 1] ?? 0)) >>> 0;
}

function sameWindow(tokens: Uint32Array, first: number, at: number, window: number): boolean {
  for (let index = 0; index < window; index += 1) if (tokens[first + index] !== tokens[at + index]) return false;
  return true;
}

/** Tokens of the clone that lie in type-level code in both copies. */
function countTypeLevel(x: TokenizedFile, xAt: number, y: TokenizedFile, yAt: number, length: number): number {
  let count = 0;
  for (let index = 0; index < length; index += 1)
    count += (x.typeLevel[xAt + index] ?? 0) & (y.typeLevel[yAt + index] ?? 0);
  return count;
}

function locate(file: TokenizedFile, position: number, length: number): CloneLocation {
  return { file: file.path, start: file.startLines[position] ?? 1, end: file.endLines[position + length - 1] ?? 1 };
}

function compareLocation(x: CloneLocation, y: CloneLocation): number {
  return (x.file < y.file ? -1 : x.file > y.file ? 1 : 0) || x.start - y.start;
}
