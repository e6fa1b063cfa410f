/**
 * What the config decides for one scan beyond the rules' own options: whether
 * a category is measured, whether clones will be detected cold (a worker is
 * then started early), and the limits a hotspot is risky by.
 *
 * May: read the config and the rule registry. May not: read files.
 */
import type { CategoryId } from "../contract/categories.js";
import { hasCacheFile } from "../cache/index.js";
import type { ResolvedConfig } from "../config/index.js";
import { DEFAULT_HOTSPOT_THRESHOLDS, type HotspotThresholds } from "../facts/history/hotspots.js";
import { RULES } from "../../rules/index.js";
import type { AnalyzeOptions } from "./options.js";
import { isRecord } from "../guards.js";

/**
 * Whether this scan will run the built-in clone detector with nothing cached:
 * a scan of the working tree, duplication measured, no jscpd, and no fact
 * cache yet (with one, the clones are likely cached, and a worker started for
 * nothing would only cost memory).
 */
export function willDetectClonesCold(
  options: AnalyzeOptions,
  config: ResolvedConfig,
  isSnapshot: boolean,
  cacheDir: string | null,
): boolean {
  if (isSnapshot || config.clones.engine !== "builtin" || options.jscpdPath !== undefined) return false;
  if (!isCategoryMeasured(config, "duplication")) return false;
  return cacheDir === null || !hasCacheFile(cacheDir);
}

/** The complexity and file-length limits a hotspot is risky by: those rules' options, as configured. */
export function hotspotThresholds(config: ResolvedConfig): HotspotThresholds {
  const optionsOf = (id: string): Record<string, unknown> => {
    const rule = RULES.find((candidate) => candidate.id === id);
    const options: unknown = rule?.optionsSchema.parse(config.rules.get(id)?.options ?? {});
    return isRecord(options) ? options : {};
  };
  const complexity = optionsOf("interfaces/complexity");
  const fileLines = optionsOf("interfaces/max-file-lines");
  return {
    complexFunction: typeof complexity.max === "number" ? complexity.max : DEFAULT_HOTSPOT_THRESHOLDS.complexFunction,
    longFile: typeof fileLines.max === "number" ? fileLines.max : DEFAULT_HOTSPOT_THRESHOLDS.longFile,
    count: fileLines.count === "all" ? "all" : "code",
  };
}

/** A category is measured when it is enabled and at least one of its rules is on. */
export function isCategoryMeasured(config: ResolvedConfig, id: CategoryId): boolean {
  if (!config.categories[id].isEnabled) return false;
  return RULES.some((rule) => rule.category === id && config.rules.get(rule.id)?.severity !== "off");
}
