/**
 * The coverage fact: line coverage per source file from a report the project
 * already produced (Groundwork never runs the tests).
 *
 * May: read the report and stat the files it covers.
 * May not: run tests, write anything, fail the scan on a bad report (it becomes "unreadable").
 */
import { stat } from "node:fs/promises";
import { isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import { describeReadProblem, READ_LIMITS, readBoundedText } from "../../read.js";
import { CoverageFormatError, readIstanbulFinal, readIstanbulSummary, readLcov, type LineCounts } from "./readers.js";

export type { LineCounts } from "./readers.js";

/** Report files looked for, in order, when none is configured. */
export const DEFAULT_REPORTS = ["coverage/lcov.info", "coverage/coverage-final.json", "coverage/coverage-summary.json"];

/** Line coverage from a report, or why there is none. */
export type CoverageFact =
  | { status: "none" }
  | { status: "unreadable"; report: string; reason: string }
  | {
      status: "ok";
      /** The report as shown to the user (repo-relative when inside the repository). */
      report: string;
      format: "lcov" | "istanbul" | "istanbul-summary";
      /** Per repo-relative source path. */
      files: Map<string, LineCounts>;
      /** The report is older than the newest change to a file it covers. */
      isStale: boolean;
      /** The newest covered file, when the report is stale. */
      newerFile: string | null;
    };

/** Reads the configured report, or the first default one present. */
export async function collectCoverage(
  root: string,
  explicit: string | null,
  modules: readonly string[],
): Promise<CoverageFact> {
  const candidates = explicit !== null ? [explicit] : DEFAULT_REPORTS;
  for (const candidate of candidates) {
    const absolute = resolve(root, candidate);
    const reportStat = await stat(absolute).catch(() => null);
    if (!reportStat?.isFile()) continue;
    const shown = displayPath(root, absolute);
    // A report outside the repository was named by the user; one inside is read only if no link leads out.
    const read = readBoundedText(root, absolute, READ_LIMITS.report, { isOutsideAllowed: isOutside(root, absolute) });
    if (!read.ok) return { status: "unreadable", report: shown, reason: `it ${describeReadProblem(read)}` };
    try {
      const { format, files } = parseReport(absolute, read.text);
      const mapped = mapToModules(root, files, modules);
      if (mapped.size === 0)
        return { status: "unreadable", report: shown, reason: "it covers none of the scanned source files" };
      const newer = await newestChange(root, [...mapped.keys()], reportStat.mtimeMs);
      return { status: "ok", report: shown, format, files: mapped, isStale: newer !== null, newerFile: newer };
    } catch (error) {
      const reason =
        error instanceof CoverageFormatError || error instanceof SyntaxError ? error.message : String(error);
      return { status: "unreadable", report: shown, reason };
    }
  }
  return { status: "none" };
}

function parseReport(
  path: string,
  text: string,
): { format: "lcov" | "istanbul" | "istanbul-summary"; files: Map<string, LineCounts> } {
  if (!path.endsWith(".json")) return { format: "lcov", files: readLcov(text) };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CoverageFormatError("invalid JSON");
  }
  if (typeof value === "object" && value !== null && "total" in value)
    return { format: "istanbul-summary", files: readIstanbulSummary(value) };
  return { format: "istanbul", files: readIstanbulFinal(value) };
}

/**
 * Maps report paths to scanned modules: paths inside the root directly, others
 * (a report made on another machine or in CI) by the longest path suffix that
 * names a module.
 */
export function mapToModules(
  root: string,
  files: ReadonlyMap<string, LineCounts>,
  modules: readonly string[],
): Map<string, LineCounts> {
  const known = new Set(modules);
  const mapped = new Map<string, LineCounts>();
  for (const [reported, counts] of files) {
    const path = matchModule(root, reported, known, modules);
    if (path === null) continue;
    const previous = mapped.get(path);
    mapped.set(
      path,
      previous ? { covered: previous.covered + counts.covered, total: previous.total + counts.total } : counts,
    );
  }
  return mapped;
}

function matchModule(
  root: string,
  reported: string,
  known: ReadonlySet<string>,
  modules: readonly string[],
): string | null {
  const normal = reported.split("\\").join("/");
  const direct = isAbsolute(normal)
    ? relative(root, normal).split(sep).join("/")
    : posix.normalize(normal).replace(/^\.\//, "");
  if (known.has(direct)) return direct;
  const segments = normal.split("/");
  for (let start = 1; start < segments.length; start += 1) {
    const suffix = segments.slice(start).join("/");
    if (known.has(suffix)) return suffix;
  }
  return modules.find((module) => normal.endsWith(`/${module}`)) ?? null;
}

async function newestChange(root: string, files: readonly string[], reportTime: number): Promise<string | null> {
  let newest: { path: string; time: number } | null = null;
  for (const path of files) {
    const time = (await stat(join(root, path)).catch(() => null))?.mtimeMs ?? 0;
    if (time > reportTime && (!newest || time > newest.time)) newest = { path, time };
  }
  return newest?.path ?? null;
}

function isOutside(root: string, absolute: string): boolean {
  const inRoot = relative(root, absolute);
  return inRoot.startsWith("..") || isAbsolute(inRoot);
}

function displayPath(root: string, absolute: string): string {
  const inside = relative(root, absolute).split(sep).join("/");
  return inside.startsWith("../") ? absolute : inside;
}
