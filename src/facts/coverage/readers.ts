/**
 * Coverage report readers: lcov, istanbul's coverage-final.json and
 * coverage-summary.json. Each returns line counts per file path as the report
 * wrote it, or throws a CoverageFormatError saying what is wrong.
 */

/** Executable lines of one file and how many ran. */
export interface LineCounts {
  covered: number;
  total: number;
}

/** A report that cannot be read as its format. */
export class CoverageFormatError extends Error {}

/** Reads lcov tracefile text (`SF:`, `DA:line,hits`, `LF`/`LH`, `end_of_record`). */
export function readLcov(text: string): Map<string, LineCounts> {
  const files = new Map<string, LineCounts>();
  let current: string | null = null;
  let lines = new Map<number, boolean>();
  let summary: LineCounts = { covered: 0, total: 0 };
  const lineList = text.split(/\r?\n/);
  lineList.forEach((line, index) => {
    if (line.startsWith("SF:")) {
      current = line.slice(3).trim();
      lines = new Map();
      summary = { covered: 0, total: 0 };
    } else if (line.startsWith("DA:")) {
      const [lineNumber, hits] = line.slice(3).split(",");
      if (current === null) throw new CoverageFormatError(`line ${index + 1}: DA record before any SF record`);
      if (!/^\d+$/.test(lineNumber ?? "") || !/^-?\d+(\.\d+)?$/.test(hits ?? "")) {
        throw new CoverageFormatError(`line ${index + 1}: malformed DA record`);
      }
      const number = Number(lineNumber);
      lines.set(number, (lines.get(number) ?? false) || Number(hits) > 0);
    } else if (line.startsWith("LF:")) summary.total = Number(line.slice(3));
    else if (line.startsWith("LH:")) summary.covered = Number(line.slice(3));
    else if (line.trim() === "end_of_record") {
      if (current === null) throw new CoverageFormatError(`line ${index + 1}: end_of_record without SF`);
      const counted =
        lines.size > 0 ? { covered: [...lines.values()].filter(Boolean).length, total: lines.size } : summary;
      files.set(current, counted);
      current = null;
    }
  });
  if (files.size === 0) throw new CoverageFormatError("no SF…end_of_record records");
  return files;
}

/** Reads istanbul's coverage-final.json: a line runs when any statement that starts on it ran. */
export function readIstanbulFinal(value: unknown): Map<string, LineCounts> {
  const files = new Map<string, LineCounts>();
  for (const [key, entry] of entriesOf(value, "the report is not a JSON object")) {
    const path = field(entry, "path");
    const statementMap = field(entry, "statementMap");
    const hits = field(entry, "s");
    if (typeof statementMap !== "object" || statementMap === null || typeof hits !== "object" || hits === null) {
      throw new CoverageFormatError(`${key}: no statementMap or s`);
    }
    const lines = new Map<number, boolean>();
    for (const [id, location] of Object.entries(statementMap)) {
      const line = field(field(location, "start"), "line");
      if (typeof line !== "number") throw new CoverageFormatError(`${key}: statement ${id} has no start line`);
      const count = field(hits, id);
      lines.set(line, (lines.get(line) ?? false) || (typeof count === "number" && count > 0));
    }
    files.set(typeof path === "string" ? path : key, {
      covered: [...lines.values()].filter(Boolean).length,
      total: lines.size,
    });
  }
  if (files.size === 0) throw new CoverageFormatError("no files in the report");
  return files;
}

/** Reads istanbul's coverage-summary.json (`{ total, "<file>": { lines: { total, covered } } }`). */
export function readIstanbulSummary(value: unknown): Map<string, LineCounts> {
  const files = new Map<string, LineCounts>();
  for (const [key, entry] of entriesOf(value, "the report is not a JSON object")) {
    if (key === "total") continue;
    const lines = field(entry, "lines");
    const total = field(lines, "total");
    const covered = field(lines, "covered");
    if (typeof total !== "number" || typeof covered !== "number")
      throw new CoverageFormatError(`${key}: no lines.total and lines.covered`);
    files.set(key, { covered, total });
  }
  if (files.size === 0) throw new CoverageFormatError("no files in the report");
  return files;
}

function entriesOf(value: unknown, message: string): Array<[string, unknown]> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new CoverageFormatError(message);
  return Object.entries(value);
}

function field(value: unknown, key: string): unknown {
  if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
  const found: unknown = Reflect.get(value, key);
  return found;
}
