/**
 * The repository paths a context file mentions, read from its text: code spans
 * that look like paths and relative Markdown links, each with what the
 * sentence around it says of it (gitignored, an example, in another repository).
 * Whether a path exists is decided later, against the file list (paths.ts).
 */

/** A path a document mentions, in a code span or a link. */
export interface PathMention {
  /** As written. */
  path: string;
  line: number;
  column: number;
  /** A code span, or the target of a relative link. */
  source: "code" | "link";
  /** What the sentence around a code span says of it, when that excuses a path that does not exist (never for a link). */
  cue: PathCue | null;
  /** The number of headings above the mention: mentions with the same number are in one section. */
  section: number;
}

/**
 * What the sentence says: the path is not tracked (gitignored, generated,
 * created at run time), is an example (or a name that shows a naming
 * convention), is in another repository (the sentence links to one), must not
 * be added, is planned, is where a thing was before, or is a lint rule's id.
 * `word` is what said so, as written.
 */
export interface PathCue {
  kind: "untracked" | "example" | "other-repository" | "unwanted" | "planned" | "former" | "lint-rule";
  word: string;
}

const CODE_SPAN = /(`+)([^`]+?)\1/g;
// The same, for masking a span's inside only (its backticks stay, so that `[`x`](y)` is still a link).
const CODE_SPAN_INNER = /(`+)([^`]+?)\1/g;
const LINK = /\[((?:[^\][]|\[[^\]]*\])*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// A list item or a heading starts a new paragraph.
const BLOCK_START = /^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|>|\|)/;

const UNTRACKED =
  /\b(?:git-?ignored|\.?gitignore[sd]?|ignored|untracked|not (?:checked in|committed|tracked|versioned)|(?:auto-?)?generated|generates?|created (?:at|on|during)|written (?:at|during)|populated|materiali[sz]ed|(?:at|during) run-?\s?time|on first run|build output)\b/gi;
const EXAMPLE_BEFORE = /(?:\be\.g\.|\beg\.|\bfor example|\bfor instance|\bsuch as|\blike|\bexamples?\s*:)[\s,:(]*$/i;
// "(`a.test.ts`, `b.test.ts`…)", "`x`, `y`, etc.": a list that trails off is a list of examples.
const LATER_IN_LIST = /^[\s,]*(?:(?:,|\bor\b|\band\b|\/)?\s*`[^`]*`[\s,]*)*/;
const TRAILS_OFF = /^(?:…|\.\.\.|\s*\betc\b)/;
// "suffix by category (`.basic.test.ts`)", "keep the base name consistent (`a.b.ts`)": a bare name shows a convention.
const NAMING = /\b(?:nam(?:e|es|ed|ing)|suffix(?:e[sd])?|prefix(?:e[sd])?|pattern|conventions?)\b/i;
// "Do not add `base.js`": a file that must not exist.
const UNWANTED =
  /\b(?:do not|don't|never|must not|should not|shouldn't)\s+(?:add|create|commit|introduce|check in|write|reintroduce)\b/i;
// "When moved to `packages/sql/ops/`", "will live in": a place that does not exist yet.
const PLANNED =
  /\b(?:planned|(?:when|once|after) (?:it is |it's )?(?:moved|created|added|extracted|split)|will (?:be (?:moved|created|added)|live|move)|to be (?:created|added|moved)|future|not yet (?:created|added|there))\b/i;
// "Before (from `old/dir/`)", "formerly `x`", "renamed from `y`": where a thing was.
const FORMER =
  /^\W*before\W*(?=[(:])|\b(?:formerly|previously|used to (?:be|live)|renamed from|moved (?:away )?from|was (?:moved|renamed)|no longer (?:exists?|there)|(?:old|legacy|former) (?:path|location|layout|name|folder|directory))\b/i;
// Words of a sentence about linting: `import/no-cycle` beside them is a rule's id.
const LINT = /\b(?:(?:es|ox|ts)?lint(?:er|ers|ing|s)?|biome)\b/i;
// `import/no-cycle`, `@typescript-eslint/no-explicit-any`, `lint/suspicious/noExplicitAny`: the shape of a lint rule's id.
export const RULE_ID = /^(?:@[\w-]+\/[a-z][\w-]*(?:\/[a-z][\w-]*)?|[a-z][\w-]*(?:\/[a-z][\w-]*){1,2})$/i;
// A mention earlier in the same list ("e.g. `a.ts`, `b.ts` or `c.ts`") is skipped over to find the cue.
const EARLIER_IN_LIST = /\s*(?:,|\bor\b|\band\b|\/)?\s*`[^`]*`[\s,]*$/;
const OTHER_REPOSITORY =
  /https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org)\/[\w.-]+\/[\w.-]+(?:\/(?:-\/)?(?:tree|blob|src)\/[^\s)]*)?\/?(?=[\s)#>\]]|$)/i;
// Sentences end at . ! ? followed by a space (not in an abbreviation), and at table cell borders.
const SENTENCE_END = /(?<!\b(?:e\.g|i\.e|etc|vs|cf|eg|approx|incl))[.!?](?=\s)|\|/g;

/**
 * Repository paths mentioned in code spans or relative links, outside code
 * blocks: things that look like paths (a slash or a file extension), not URLs,
 * globs, placeholders, package names or shell commands. A code span that is a
 * link's text is not a mention of its own: the link's target is checked, and a
 * link to a URL names a path somewhere else.
 */
export function pathMentions(lines: readonly string[]): PathMention[] {
  const mentions: PathMention[] = [];
  for (const block of paragraphs(lines)) {
    for (const { index, text, offset } of block.lines) {
      const linkTexts: Array<[number, number]> = [];
      // A link written inside a code span (`[a](a.ts)`) is code, not a link: spans are masked first.
      for (const match of text.replace(CODE_SPAN_INNER, maskInner).matchAll(LINK)) {
        const start = match.index ?? 0;
        linkTexts.push([start + 1, start + 1 + (match[1]?.length ?? 0)]);
        const target = safeDecode((match[2] ?? "").split("#")[0] ?? "");
        if (target === "" || URL_SCHEME.test(target) || target.startsWith("/") || target.startsWith("<")) continue;
        if (PLACEHOLDER.test(target) || /[*?{}<>$\\]/.test(target)) continue;
        const column = start + (match[1]?.length ?? 0) + 4;
        // A link is there to be followed: what its sentence says excuses no broken one.
        mentions.push({ path: target, line: index + 1, column, source: "link", cue: null, section: block.section });
      }
      for (const match of text.matchAll(CODE_SPAN)) {
        const candidate = (match[2] ?? "").trim();
        const start = match.index ?? 0;
        if (!looksLikePath(candidate) || linkTexts.some(([from, to]) => start >= from && start < to)) continue;
        const column = 1 + start + (match[1]?.length ?? 1);
        mentions.push({
          path: candidate,
          line: index + 1,
          column,
          source: "code",
          cue: cueAt(block.text, offset + column - 1, match[2]?.length ?? 0),
          section: block.section,
        });
      }
    }
  }
  return mentions.sort((a, b) => a.line - b.line || a.column - b.column);
}

interface Paragraph {
  /** The paragraph's lines joined by a space. */
  text: string;
  section: number;
  lines: Array<{ index: number; text: string; offset: number }>;
}

/** Lines outside fenced blocks, grouped into paragraphs (a sentence may wrap over lines). */
function paragraphs(lines: readonly string[]): Paragraph[] {
  const blocks: Paragraph[] = [];
  let current: Paragraph | null = null;
  let inFence = false;
  let section = 0;
  lines.forEach((text, index) => {
    if (FENCE.test(text)) {
      inFence = !inFence;
      current = null;
      return;
    }
    if (inFence || text.trim() === "") {
      current = null;
      return;
    }
    if (/^\s{0,3}#{1,6}\s/.test(text)) section += 1;
    if (current === null || BLOCK_START.test(text)) {
      current = { text: "", lines: [], section };
      blocks.push(current);
    }
    const offset = current.text === "" ? 0 : current.text.length + 1;
    current.text = current.text === "" ? text : `${current.text} ${text}`;
    current.lines.push({ index, text, offset });
  });
  return blocks;
}

/**
 * The cue of the sentence holding the mention at `offset` (of `length`
 * characters) of a paragraph's text. The mention itself and link targets are
 * not read for cues (`api/emit.ts`, `(docs/Auto%20Emit.md)`).
 */
function cueAt(paragraph: string, offset: number, length: number): PathCue | null {
  // Code spans are masked so that a dot inside one (`.triage/`, `a.ts`) ends no sentence.
  const masked = paragraph.replace(CODE_SPAN, maskSpan);
  let start = 0;
  let end = paragraph.length;
  for (const match of masked.matchAll(SENTENCE_END)) {
    const at = match.index ?? 0;
    if (at < offset) start = at + 1;
    else {
      end = at;
      break;
    }
  }
  const withoutMention = `${paragraph.slice(0, offset)}${" ".repeat(length)}${paragraph.slice(offset + length)}`;
  // Nor are other code spans (`./generated/x.ts`), but for `.gitignore`.
  const text = withoutMention
    .replace(/\]\([^)]*\)/g, (target) => " ".repeat(target.length))
    .replace(CODE_SPAN, (span) => (span === "`.gitignore`" ? span : maskSpan(span)));
  const sentence = text.slice(start, end);
  const before = text.slice(start, Math.max(start, offset - 1));
  // "generated from `src/manifest.ts`" names the source, not the output.
  const untracked = [...sentence.matchAll(UNTRACKED)].find(
    (match) =>
      (match.index ?? 0) > before.length ||
      !/^\s+(?:from|by|with|using)\b/i.test(sentence.slice((match.index ?? 0) + match[0].length)),
  );
  if (untracked) return { kind: "untracked", word: untracked[0] };
  const mention = paragraph.slice(offset, offset + length).trim();
  const lint = RULE_ID.test(mention) ? LINT.exec(sentence) : null;
  if (lint) return { kind: "lint-rule", word: lint[0] };
  let preceding = before;
  while (EARLIER_IN_LIST.test(preceding)) preceding = preceding.replace(EARLIER_IN_LIST, "");
  const example = EXAMPLE_BEFORE.exec(preceding);
  if (example) return { kind: "example", word: example[0].replace(/[\s,:(]+$/, "") };
  const after = paragraph.slice(offset + length + 1, end);
  const trailing = TRAILS_OFF.exec(after.slice(LATER_IN_LIST.exec(after)?.[0].length ?? 0));
  if (trailing) return { kind: "example", word: trailing[0].trim() };
  const naming = mention.includes("/") ? null : NAMING.exec(sentence);
  if (naming) return { kind: "example", word: naming[0] };
  const unwanted = UNWANTED.exec(sentence);
  if (unwanted) return { kind: "unwanted", word: unwanted[0] };
  const planned = PLANNED.exec(sentence);
  if (planned) return { kind: "planned", word: planned[0] };
  const former = FORMER.exec(sentence);
  if (former) return { kind: "former", word: former[0].replace(/^\W+|\W+$/g, "") };
  const repository = OTHER_REPOSITORY.exec(withoutMention.slice(start, end));
  if (repository) return { kind: "other-repository", word: repository[0] };
  return null;
}

function maskInner(_span: string, ticks: string, inner: string): string {
  return `${ticks}${"x".repeat(inner.length)}${ticks}`;
}

function maskSpan(span: string): string {
  return "`".padEnd(span.length - 1, "x") + "`";
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

// `NNNN`, `XXX`, `YYYY-MM-DD`, `…`, `path/to/`, `foo.ts`, `my-app/`, `kebab-case.tsx`: the shape of a name, not a name.
const PLACEHOLDER =
  /(?:^|[/._-])(?:N{2,}|X{2,}|x{3,}|YYYY(?:-MM(?:-DD)?)?)(?=$|[/._-])|(?:^|\/)(?:foo|bar|baz|qux)(?=$|[/.])|…|\.\.\.|(?:^|\/)path\/to\/|(?:^|\/)(?:my|your)[-_]|kebab-case|camel-?case|pascal-?case|snake[-_]case/i;
// `text/plain`, `application/vnd.api+json`: a media type.
const MEDIA_TYPE = /^(?:application|multipart|text|image|audio|video|font)\/[a-z0-9][\w.+-]*$/i;
// `.d.ts`, `.test.ts`, `.config.js`, `.route.tsx`, `.basic.test.ts`: a kind of file, not a file (paths.ts also reads
// any `.x.ext` some file's name ends with as one).
const COMPOUND_EXTENSION =
  /^(?:\.[\w-]+)*\.(?:d|test|spec|test-d|module|stories|story|config|conf|min|e2e|route|routes|page|layout|component|service|controller|hook|hooks|schema|store|styles?|mocks?|fixtures?|setup|bench|integration|unit|server|client|worker|gen|generated|snap|model|entity|dto|util|utils|helpers?|handler|middleware|resolver|guard|loader|action|slice|provider|query|types)\.[a-z]+$/i;

function looksLikePath(text: string): boolean {
  if (
    text === "" ||
    // Spaces, glob and shell characters, and regular expressions (`^src/`, `\d+`, `[a-z]+`) are no path.
    /\s|[*?<>{}$~|"'`=,;()[\]^\\]/.test(text) ||
    text.startsWith("-") ||
    text.startsWith("!") ||
    text.startsWith("/") ||
    // `@/components/x`: an alias; `@scope/name` is read as a path and then as a package (paths.ts).
    (text.startsWith("@") && !/^@[\w.-]+\/[\w.-]/.test(text))
  )
    return false;
  if (URL_SCHEME.test(text)) return false;
  // `.`, `..`, and a bare extension such as `.js` or `.env` name no file.
  if (/^\.{1,2}$/.test(text) || /^\.[A-Za-z0-9]+$/.test(text)) return false;
  if (PLACEHOLDER.test(text) || COMPOUND_EXTENSION.test(text)) return false;
  const path = withoutLocation(text);
  // `name@1.2.0`, `owner/repo@abc123`, `owner/repo#12`: a version, a commit or an issue, not a file.
  if (/[^/]@|#/.test(path)) return false;
  const segments = path.replace(/\/$/, "").split("/");
  // `1/2`, `2024/01/31`: a fraction or a date; `users/:id`: a route's pattern.
  if (segments.every((segment) => /^[\d.]+$/.test(segment)) || segments.some((segment) => segment.startsWith(":")))
    return false;
  const hasSlash = path.includes("/");
  const hasExtension = /\.[A-Za-z][A-Za-z0-9]{0,9}$/.test(path) && !/^\d/.test(path);
  if (!hasSlash && !hasExtension) return false;
  if (hasSlash && !hasExtension && MEDIA_TYPE.test(path)) return false;
  // `foo.bar` with no slash is as often a property or a domain as a file: only well-known file types count.
  if (!hasSlash && !/\.(?:md|mdx|json|ya?ml|toml|[cm]?[jt]sx?|sh|txt|lock)$|^\.env\.[\w.-]+$/i.test(path)) return false;
  // `example.com/path` is a URL without its scheme.
  if (/^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|dev|app|sh|co|ai|gg|me|xyz|edu|gov)\//i.test(path))
    return false;
  return true;
}

/** The path without a line or column (`a.ts:12`, `a.ts:12:3`) or a line anchor (`a.ts#L12`). */
export function withoutLocation(path: string): string {
  return path.replace(/(?::\d+(?:[:-]\d+)?|#L\d+(?:-L?\d+)?)$/, "");
}
