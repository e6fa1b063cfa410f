import type { ScanResult } from "../contract/result.js";

/** The ScanResult as pretty-printed JSON, ending with a newline. */
export function renderJson(result: ScanResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
