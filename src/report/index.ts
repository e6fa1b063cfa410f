/**
 * Reporters: pure `(result, options) => string`, one per file, loaded only when used.
 *
 * May: format a ScanResult.
 * May not: read files, run git, print, or exit.
 */
import type { ScanResult } from "../engine/result.js";
import type { TextOptions } from "./text.js";

/** Output formats of `groundwork scan`. */
export const FORMATS = ["text", "json"] as const;

/** One of the output formats. */
export type Format = (typeof FORMATS)[number];

/** Renders a result in the given format. */
export async function renderReport(format: Format, result: ScanResult, options: TextOptions): Promise<string> {
  switch (format) {
    case "json": {
      const { renderJson } = await import("./json.js");
      return renderJson(result);
    }
    case "text": {
      const { renderText } = await import("./text.js");
      return renderText(result, options);
    }
  }
}
