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
}

/**
 * What the sentence says: the path is not tracked (gitignored, generated,
 * created at run time), is an example, or is in another repository (the
 * sentence links to one). `word` is what said so, as written.
 */
export interface PathCue {
  kind: "untracked" | "example" | "other-repository";
  word: string;
}

const CODE_SPAN = /(`+)([^`]+?)\1/g;
const LINK = /\[((?:[^\][]|\[[^\]]*\])*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const URL_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
// A list item or a heading starts a new paragraph.
const BLOCK_START = /^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|>|\|)/;

const UNTRACKED =
  /\b(?:git-?ignored|\.?gitignore[sd]?|ignored|untracked|not (?:checked in|committed|tracked|versioned)|(?:auto-?)?generated|generates?|created (?:at|on|during)|written (?:at|during)|populated|materiali[sz]ed|(?:at|during) run-?\s?time|on first run|build output)\b/gi;
const EXAMPLE_BEFORE = /(?:\be\.g\.|\beg\.|\bfor example|\bfor instance|\bsuch as|\blike)[\s,:(]*$/i;
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
      for (const match of text.matchAll(LINK)) {
        const start = match.index ?? 0;
        linkTexts.push([start + 1, start + 1 + (match[1]?.length ?? 0)]);
        const target = safeDecode((match[2] ?? "").split("#")[0] ?? "");
        if (target === "" || URL_SCHEME.test(target) || target.startsWith("/") || target.startsWith("<")) continue;
        const column = start + (match[1]?.length ?? 0) + 4;
        // A link is there to be followed: what its sentence says excuses no broken one.
        mentions.push({ path: target, line: index + 1, column, source: "link", cue: null });
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
        });
      }
    }
  }
  return mentions.sort((a, b) => a.line - b.line || a.column - b.column);
}

interface Paragraph {
  /** The paragraph's lines joined by a space. */
  text: string;
  lines: Array<{ index: number; text: string; offset: number }>;
}

/** Lines outside fenced blocks, grouped into paragraphs (a sentence may wrap over lines). */
function paragraphs(lines: readonly string[]): Paragraph[] {
  const blocks: Paragraph[] = [];
  let current: Paragraph | null = null;
  let inFence = false;
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
    if (current === null || BLOCK_START.test(text)) {
      current = { text: "", lines: [] };
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
  let preceding = before;
  while (EARLIER_IN_LIST.test(preceding)) preceding = preceding.replace(EARLIER_IN_LIST, "");
  const example = EXAMPLE_BEFORE.exec(preceding);
  if (example) return { kind: "example", word: example[0].replace(/[\s,:(]+$/, "") };
  const repository = OTHER_REPOSITORY.exec(withoutMention.slice(start, end));
  if (repository) return { kind: "other-repository", word: repository[0] };
  return null;
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
// `.d.ts`, `.test.ts`: a kind of file, not a file.
const COMPOUND_EXTENSION = /^\.(?:d|test|spec|module|stories|story|config|min|e2e)\.[a-z]+$/i;

function looksLikePath(text: string): boolean {
  if (
    text === "" ||
    /\s|[*?<>{}$~|"'`=,;()[\]]/.test(text) ||
    text.startsWith("-") ||
    text.startsWith("/") ||
    text.startsWith("@")
  )
    return false;
  if (URL_SCHEME.test(text)) return false;
  // `.`, `..`, and a bare extension such as `.js` or `.env` name no file.
  if (/^\.{1,2}$/.test(text) || /^\.[A-Za-z0-9]+$/.test(text)) return false;
  if (PLACEHOLDER.test(text) || COMPOUND_EXTENSION.test(text)) return false;
  const path = withoutLocation(text);
  // `name@1.2.0`, `owner/repo@abc123`, `owner/repo#12`: a version, a commit or an issue, not a file.
  if (/[^/]@|#/.test(path)) return false;
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
