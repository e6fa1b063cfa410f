/**
 * The config file's schema: what each key accepts, its default and its
 * description. Parsing fills every default (`.default`, `.prefault` for a
 * section); the JSON Schema users' editors read is written from it.
 *
 * May: declare and validate. May not: read files.
 */
import { z } from "zod";
import { DEFAULT_CACHE_DIR } from "../cache/index.js";
import { CATEGORY_IDS, categoryInfo, mapCategories, type CategoryId } from "../contract/categories.js";
import { globCostProblem } from "../discover/globs.js";
import { DEFAULT_GRAPH_SETTINGS } from "../facts/graph/types.js";
import { DEFAULT_HISTORY_SETTINGS, isValidWindow } from "../facts/history/index.js";
import type { Rule } from "../../rules/index.js";

/** Severities a rule can be set to in config. */
export const RULE_SETTINGS = ["off", "info", "warning", "error"] as const;

/** Default size limit: larger code files are skipped as too large (not parsed). */
export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** Default jscpd time limit. */
export const DEFAULT_CLONES_TIMEOUT_SECONDS = 120;

/** Where `scan --record` appends, relative to the scanned directory, unless the config says otherwise. */
export const DEFAULT_HISTORY_FILE = ".groundwork/history.jsonl";

const globList = z.array(
  z
    .string()
    .min(1)
    .superRefine((glob, context) => {
      const problem = globCostProblem(glob);
      if (problem !== null) context.addIssue({ code: "custom", message: problem });
    }),
);
const ruleSetting = z.enum(RULE_SETTINGS);

function categoryEntry(id: CategoryId) {
  return z
    .strictObject({
      weight: z
        .number()
        .min(0)
        .max(1000)
        .default(categoryInfo(id).weight)
        .describe("Weight in the overall score; 0 leaves the category out of it."),
      enabled: z.boolean().default(true).describe("false hides the category: no score and no findings."),
    })
    .prefault({});
}

function ruleEntry(rule: Rule): z.ZodType {
  return z
    .union([
      ruleSetting,
      z.strictObject({
        severity: ruleSetting.optional(),
        options: rule.optionsSchema.optional(),
      }),
    ])
    .describe(`${rule.description} Set "off" or a severity, or { "severity", "options" }.`);
}

/** Every key of groundwork.config.json but `rules`, whose schema depends on the registry. */
const BASE_SCHEMA = z.strictObject({
  $schema: z.string().optional(),
  ignore: globList
    .default([])
    .describe("Globs (relative to the scanned root) of files to leave out of the scan entirely."),
  classify: z
    .strictObject({
      source: globList.optional(),
      test: globList.optional(),
      fixture: globList.optional(),
      benchmark: globList.optional(),
      script: globList.optional(),
      generated: globList.optional(),
      vendored: globList.optional(),
      example: globList.optional(),
      declaration: globList.optional(),
      docs: globList.optional(),
      config: globList.optional(),
    })
    .prefault({})
    .describe("Globs that force a file kind, overriding Groundwork's own classification."),
  maxFileSize: z
    .number()
    .int()
    .min(1)
    .default(DEFAULT_MAX_FILE_SIZE)
    .describe(
      "Source and test files larger than this many bytes are not parsed (default 1 MiB); lockfiles, CI files, configs and documents are found whatever their size.",
    ),
  categories: z
    .strictObject(mapCategories((id) => categoryEntry(id)))
    .prefault({})
    .describe("Per-category weight and switch."),
  graph: z
    .strictObject({
      includeTypeOnly: z
        .boolean()
        .default(DEFAULT_GRAPH_SETTINGS.includeTypeOnly)
        .describe("Count `import type` edges in dependency cycles (default false: only runtime imports)."),
      includeDynamic: z
        .boolean()
        .default(DEFAULT_GRAPH_SETTINGS.includeDynamic)
        .describe("Count dynamic `import()` edges in dependency cycles (default true)."),
    })
    .prefault({})
    .describe("Which imports the dependency graph's cycles are computed over."),
  clones: z
    .strictObject({
      engine: z
        .enum(["builtin", "jscpd"])
        .default("builtin")
        .describe(
          'The clone detector: "builtin" (default), a token-window index in a worker thread, or "jscpd" (jscpd 5 as a child process).',
        ),
      minTokens: z.number().int().min(1).optional().describe("Minimum clone size in tokens (default 50, as jscpd)."),
      minLines: z.number().int().min(1).optional().describe("Minimum clone size in lines (default 5, as jscpd)."),
      timeoutSeconds: z
        .number()
        .min(1)
        .max(3600)
        .default(DEFAULT_CLONES_TIMEOUT_SECONDS)
        .describe(
          "Stop clone detection after this long; the duplication category is then not applicable (default 120).",
        ),
    })
    .prefault({})
    .describe("How duplicated code is detected."),
  history: z
    .strictObject({
      window: z
        .string()
        .refine(isValidWindow, 'expected a window such as "12 months", "90 days" or a date YYYY-MM-DD')
        .default(DEFAULT_HISTORY_SETTINGS.window)
        .describe('How far back churn is read, counted from HEAD\'s commit date (default "12 months").'),
      maxCommitFiles: z
        .number()
        .int()
        .min(2)
        .default(DEFAULT_HISTORY_SETTINGS.maxCommitFiles)
        .describe(
          "Commits touching more files than this are sweeps (formatting, renames, upgrades): left out of each file's commit and author counts and of co-change (default 30).",
        ),
      minSharedCommits: z
        .number()
        .int()
        .min(2)
        .default(DEFAULT_HISTORY_SETTINGS.minSharedCommits)
        .describe("Files that change together in at least this many commits can be coupled (default 5)."),
      minCouplingDegree: z
        .number()
        .min(0)
        .max(1)
        .default(DEFAULT_HISTORY_SETTINGS.minCouplingDegree)
        .describe("…when those commits are at least this share of their average commits (default 0.5)."),
    })
    .prefault({})
    .describe("How git history is read for hotspots and coupling."),
  coverage: z
    .strictObject({
      report: z
        .string()
        .min(1)
        .optional()
        .describe(
          "A coverage report (lcov.info, coverage-final.json or coverage-summary.json), relative to the scanned root.",
        ),
    })
    .prefault({})
    .describe(
      "Where to find a coverage report (default: coverage/lcov.info, coverage-final.json, coverage-summary.json).",
    ),
  gate: z
    .strictObject({
      minScore: z.number().min(0).max(100).optional().describe("Fail (exit 1) when the overall score is below this."),
      min: z
        .strictObject(Object.fromEntries(CATEGORY_IDS.map((id) => [id, z.number().min(0).max(100).optional()])))
        .default({})
        .describe("Fail when a category's score is below its minimum."),
      failOn: z
        .enum(["none", "new", "any"])
        .default("none")
        .describe('"new": fail on errors and warnings not in the baseline; "any": on any error or warning.'),
      maxDrop: z
        .number()
        .min(0)
        .optional()
        .describe("Fail when the score fell more than this many points below the baseline's."),
    })
    .prefault({})
    .describe("CI gates: the same as --min-score, --min, --fail-on and --max-drop."),
  trend: z
    .strictObject({
      historyFile: z
        .string()
        .min(1)
        .default(DEFAULT_HISTORY_FILE)
        .describe(
          "Where `scan --record` appends and `trend` reads score history, relative to the scanned root and inside it (default .groundwork/history.jsonl); `--history-file` may point anywhere.",
        ),
    })
    .prefault({})
    .describe("Score history for `groundwork trend`."),
  report: z
    .strictObject({
      docsUrl: z
        .url({ protocol: /^https?$/ })
        .optional()
        .describe(
          "The public address of Groundwork's docs/rules folder (for example a tagged tree on GitHub): SARIF gives each rule's page under it as its helpUri. Unset, SARIF has no helpUri (the pages are embedded as help text), so no address of the machine that ran the scan is written.",
        ),
    })
    .prefault({})
    .describe("Report settings."),
  cache: z
    .strictObject({
      enabled: z
        .boolean()
        .default(true)
        .describe("false: neither read nor write the fact cache (the same as --no-cache)."),
      dir: z
        .string()
        .min(1)
        .default(DEFAULT_CACHE_DIR)
        .describe(
          "The fact cache's folder, relative to the scanned root and inside it (default .groundwork/cache); `--cache-dir` may point anywhere.",
        ),
    })
    .prefault({})
    .describe("Facts per file, kept between scans by content hash, so unchanged files are not parsed again."),
});

/** The config file as the user writes it. */
export type ConfigInput = z.input<typeof BASE_SCHEMA> & { rules?: Record<string, unknown> };

/** The config file validated, every default filled in. */
export type ConfigValues = z.output<typeof BASE_SCHEMA> & { rules: Record<string, unknown> };

/** The strict schema of groundwork.config.json, with each rule's own options schema. */
export function buildConfigSchema(rules: readonly Rule[]): z.ZodType<ConfigValues, ConfigInput> {
  return BASE_SCHEMA.extend({
    rules: z
      .strictObject(Object.fromEntries(rules.map((rule) => [rule.id, ruleEntry(rule).optional()])))
      .default({})
      .describe('Per-rule severity ("off" disables the rule) and options.'),
  });
}
