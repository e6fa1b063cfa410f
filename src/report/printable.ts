/**
 * What a human-readable report may print of the repository's text. A file
 * name, a string literal or a branch name can hold terminal escape sequences
 * (`\x1b]0;…`, a cursor move that hides a line), a newline that breaks a
 * Markdown line or a workflow command, or a right-to-left override that shows
 * `exe.txt` for `txt.exe`. The text, Markdown, HTML and GitHub reports print
 * each of them as a visible escape (`\x1b`, `\n`, `\u202e`); JSON and SARIF
 * escape them as JSON does.
 *
 * May: rewrite strings. May not: read files, print.
 */
/** C0 and C1 controls, DEL, and the bidirectional overrides and isolates. */
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** `text` with every control character written as a visible escape. */
export function escapeControl(text: string): string {
  return text.replace(UNPRINTABLE, (character) => {
    const named = NAMED[character];
    if (named !== undefined) return named;
    const code = character.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/**
 * A copy of a result (or a trend series: any JSON value) with every string
 * value escaped, for the reporters that print to people. The result is JSON by
 * contract, so a JSON round trip copies it whole; one without a control
 * character anywhere is returned as it is.
 */
export function printable<T>(value: T): T {
  const text = JSON.stringify(value);
  // JSON writes controls as \u00XX (or \n, \t…) and the bidi marks as themselves: a quick test for both.
  if (!/\\u00[01]|\\[nrtbf]|[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/.test(text)) return value;
  // The same JSON with its strings escaped: the shape of `value`.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-type-assertion
  return JSON.parse(text, (_key, item: unknown) => (typeof item === "string" ? escapeControl(item) : item)) as T;
}
