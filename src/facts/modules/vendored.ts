/**
 * Code copied in from another project, known by its header: the file's leading comment says where the code
 * came from ("Based on https://github.com/…/tree/v1.2.1") and, in the same comment, whose it is or under what
 * licence ("Copyright (c) 2021 …", a link to their LICENSE, "MIT License"). Such a file keeps upstream's shape
 * on purpose: asking for doc comments or refactors in it is asking to fork it further.
 *
 * May: read the text of one file's top. May not: parse, read files.
 */

/** Where the leading comments are looked for: a header is at the top, however long its licence. */
const HEADER_CHARS = 8000;
/** A statement of provenance, then where from (a URL or a project's name). */
const PROVENANCE =
  /\b(based on|forked from|adapted from|ported from|copied from|taken from|derived from|vendored from)\b:?[ \t]+(\S+)/gi;
const URL_START = /^[(<]?(https?:\/\/[^\s<>"'`]+)/;
/** A project's name, quoted or not: a package (`fast-querystring`, `@scope/pkg`), `owner/repo`, a name (`Preact`). */
const NAME = /^(["'`]?)(@?[A-Za-z_][\w.@/-]*)\1/;
/** A name that is a project's by its shape: a capital, a digit, or a package's punctuation (`d3`, `lodash.get`). */
const PROJECT_LIKE = /[A-Z0-9@./-]/;
/** A URL right after a name: `lodash (https://…)`, `preact <https://…>`. */
const URL_AFTER = /^\s*[(<,]?\s*https?:\/\//;
/**
 * Words that start a description ("based on the approach in …", "adapted from our …") or name a standard (code
 * written to RFC 6265 is not copied from it), not a project.
 */
const NOT_A_NAME = new Set([
  "a",
  "an",
  "the",
  "this",
  "that",
  "these",
  "those",
  "our",
  "my",
  "your",
  "his",
  "her",
  "their",
  "its",
  "some",
  "what",
  "how",
  "idea",
  "ideas",
  "approach",
  "discussion",
  "feedback",
  "suggestion",
  "work",
  "rfc",
  "ecma",
  "ecma-262",
  "ecmascript",
  "w3c",
  "whatwg",
  "iso",
]);
const COPYRIGHT = /\bcopyright\b|©|\(c\)\s*\d{4}/i;
/** A licence named or linked: the word (a LICENSE file's URL, "licensed under"), an SPDX id, a licence's usual name. */
const LICENCE_WORD = /\blicen[cs]e[ds]?\b|\bSPDX-License-Identifier\b/i;
const LICENCE_NAME = /\b(?:MIT|ISC|BSD|Apache-2\.0|MPL-2\.0|[AL]?GPL)\b/;

/** One comment at the top of a file and the line it starts on (1-based). */
interface LeadingComment {
  lines: string[];
  firstLine: number;
}

/**
 * The evidence that a file is copied in from another project (`header: based on https://… (line 2)`), or null.
 * Both must be in one leading comment: a statement of provenance followed by a URL or a project's name, and a
 * copyright line or a licence. A repository's own copyright banner, or a remark that code is "based on the idea
 * in #123", is not enough alone.
 */
export function vendoredHeader(text: string): string | null {
  for (const comment of leadingComments(text.slice(0, HEADER_CHARS))) {
    const body = comment.lines.join("\n");
    if (!COPYRIGHT.test(body) && !LICENCE_WORD.test(body) && !LICENCE_NAME.test(body)) continue;
    for (const [index, line] of comment.lines.entries()) {
      for (const match of line.matchAll(PROVENANCE)) {
        const source = sourceOf(line.slice((match.index ?? 0) + (match[0].length - (match[2]?.length ?? 0))));
        if (source === null) continue;
        return `header: ${(match[1] ?? "").toLowerCase()} ${source} (line ${comment.firstLine + index})`;
      }
    }
  }
  return null;
}

/** The URL or project name that starts `rest`, without trailing punctuation; null when it is neither. */
function sourceOf(rest: string): string | null {
  const url = URL_START.exec(rest)?.[1];
  if (url) return url.replace(/[.,;:)\]]+$/, "");
  const match = NAME.exec(rest);
  const name = match?.[2]?.replace(/[.,;:]+$/, "");
  if (!match || !name || NOT_A_NAME.has(name.toLowerCase())) return null;
  // A plain word ("based on request headers") is a project's name only when quoted or followed by its URL.
  const isNamed = match[1] !== "" || PROJECT_LIKE.test(name) || URL_AFTER.test(rest.slice(match[0].length));
  return isNamed ? name : null;
}

/**
 * The comments before a file's first code (after a `#!` line): each block comment, and each run of `//` lines
 * with no blank line between them, is one comment.
 */
function leadingComments(text: string): LeadingComment[] {
  const comments: LeadingComment[] = [];
  let position = text.startsWith("#!") ? lineEnd(text, 0) : 0;
  let line = 1 + countNewlines(text, 0, position);
  const skipSpace = (): void => {
    const start = position;
    while (position < text.length && /\s/.test(text.charAt(position))) position += 1;
    line += countNewlines(text, start, position);
  };
  skipSpace();
  while (position < text.length) {
    if (text.startsWith("/*", position)) {
      const close = text.indexOf("*/", position + 2);
      const end = close === -1 ? text.length : close + 2;
      const body = text.slice(position + 2, close === -1 ? text.length : close);
      comments.push({ lines: body.split("\n").map(stripStar), firstLine: line });
      line += countNewlines(text, position, end);
      position = end;
    } else if (text.startsWith("//", position)) {
      const lines: string[] = [];
      const firstLine = line;
      // A run of line comments: the next line continues it only when it is one too.
      for (;;) {
        const end = lineEnd(text, position);
        lines.push(text.slice(position + 2, end).trim());
        const next = /^[ \t]*\r?\n[ \t]*\/\//.exec(text.slice(end, end + 200));
        if (!next) {
          position = end;
          break;
        }
        line += 1;
        position = end + next[0].length - 2;
      }
      comments.push({ lines, firstLine });
    } else {
      break;
    }
    skipSpace();
  }
  return comments;
}

/** A block comment's line without the ` * ` that JSDoc puts in front. */
function stripStar(line: string): string {
  return line.replace(/^\s*\*?\s?/, "").trimEnd();
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf("\n", from);
  return end === -1 ? text.length : end;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = from; index < to; index += 1) if (text.charCodeAt(index) === 10) count += 1;
  return count;
}
