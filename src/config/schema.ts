import { z } from "zod";
import { CATEGORY_IDS } from "../categories.js";
import type { Rule } from "../../rules/index.js";

/** Severities a rule can be set to in config. */
export const RULE_SETTINGS = ["off", "info", "warning", "error"] as const;

/** Default size limit: larger files are skipped as too large. */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

const globList = z.array(z.string().min(1, "a glob cannot be empty"));
const ruleSetting = z.enum(RULE_SETTINGS);

const categoryEntry = z.strictObject({
  /** Weight in the overall score (0 leaves the category out of the overall score). */
  weight: z.number().min(0).max(1000).optional(),
  /** `false` hides the category: no score, no findings. */
  enabled: z.boolean().optional(),
});

function ruleEntry(rule: Rule): z.ZodType {
  return z.union([
    ruleSetting,
    z.strictObject({
      severity: ruleSetting.optional(),
      options: rule.optionsSchema.optional(),
    }),
  ]);
}

/** The strict schema of groundwork.config.json, with each rule's own options schema. */
export function buildConfigSchema(rules: readonly Rule[]) {
  return z.strictObject({
    $schema: z.string().optional(),
    /** Globs (relative to the scanned root) of files to leave out of the scan entirely. */
    ignore: globList.optional(),
    /** Globs that force a file kind, overriding Groundwork's own classification. */
    classify: z
      .strictObject({
        source: globList.optional(),
        test: globList.optional(),
        generated: globList.optional(),
        vendored: globList.optional(),
        example: globList.optional(),
        declaration: globList.optional(),
        docs: globList.optional(),
        config: globList.optional(),
      })
      .optional(),
    /** Files larger than this many bytes are skipped (default 1 MiB). */
    maxFileSize: z.number().int().min(1).optional(),
    /** Per-category weight and switch. */
    categories: z.strictObject(Object.fromEntries(CATEGORY_IDS.map((id) => [id, categoryEntry.optional()]))).optional(),
    /** Per-rule severity (`"off"` disables) and options. */
    rules: z.strictObject(Object.fromEntries(rules.map((rule) => [rule.id, ruleEntry(rule).optional()]))).optional(),
  });
}

/** The config file as written by the user, after validation. */
export type ConfigInput = z.output<ReturnType<typeof buildConfigSchema>>;
