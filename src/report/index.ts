/**
 * Reporters: pure `(result, options) => string`, one per file, loaded only when used.
 *
 * May: format a ScanResult.
 * May not: read files, run git, print, or exit.
 */
import type { ScanResult } from "../contract/result.js";
import { printable } from "./printable.js";
import type { SarifContext } from "./sarif.js";

/** Output formats of `groundwork scan`. */
export const FORMATS = ["text", "json", "markdown", "sarif", "github", "html"] as const;

/** One of the output formats. */
export type Format = (typeof FORMATS)[number];

/** Options every reporter may use. */
export interface ReportOptions {
  /** ANSI colours (text only). */
  color: boolean;
  /** Terminal width (text only). */
  width: number;
  /** How many findings or fixes to list (text, markdown, html). */
  top: number;
  /** SARIF: at most this many results (default: the 5,000 GitHub code scanning keeps). */
  maxResults?: number | undefined;
  /** SARIF: the rules' docs pages and the repository's public address. */
  sarif?: Omit<SarifContext, "maxResults"> | undefined;
}

/** Renders a result in the given format; the formats people read show control characters as escapes (see printable.ts). */
export async function renderReport(format: Format, result: ScanResult, options: ReportOptions): Promise<string> {
  switch (format) {
    case "json":
      return (await import("./json.js")).renderJson(result);
    case "text":
      return (await import("./text.js")).renderText(printable(result), options);
    case "markdown":
      return (await import("./markdown.js")).renderMarkdown(printable(result), options);
    case "sarif":
      return (await import("./sarif.js")).renderSarif(result, { ...options.sarif, maxResults: options.maxResults });
    case "github":
      return (await import("./github.js")).renderGithub(printable(result));
    case "html":
      return (await import("./html.js")).renderHtml(printable(result), options);
  }
}
