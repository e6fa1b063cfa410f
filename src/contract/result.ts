/**
 * The ScanResult contract: one typed result feeds every reporter, the gate, the
 * trend store and the AGENTS.md scaffold. The zod schema is the single source:
 * types derive from it, `npm run schema` writes its JSON Schema to
 * schema/scan-result.schema.json, and saved results are read back through it.
 */
import { z } from "zod";
import { CATEGORY_IDS } from "./categories.js";
import { EFFORT_ORDER, SEVERITIES } from "./vocabulary.js";

/** Version of the result's shape; bumped on any incompatible change. */
export const SCHEMA_VERSION = 1;

const count = z.number().int().min(0);
const score = z.number().min(0).max(100);
const severity = z.enum(SEVERITIES);

/** One finding: what is wrong, where, and the concrete fix. */
export const findingSchema = z.strictObject({
  ruleId: z.string(),
  category: z.enum([...CATEGORY_IDS, "core"]),
  severity,
  message: z.string(),
  /** Repo-relative POSIX path. */
  file: z.string(),
  /** 1-based. */
  line: z.number().int().min(1),
  /** 1-based. */
  column: z.number().int().min(1),
  /** The last line of the code it points at, when it spans several (a clone). */
  endLine: z.number().int().min(1).optional(),
  fix: z.string(),
  /** Other places that belong to the finding (the second copy of a clone, the other files of a cycle). */
  related: z
    .array(
      z.strictObject({
        file: z.string(),
        line: z.number().int().min(1),
        column: z.number().int().min(1),
        endLine: z.number().int().min(1).optional(),
        message: z.string(),
      }),
    )
    .optional(),
  /** Points the overall score would rise if this finding alone were fixed (from the scoring model). */
  gain: z.number().min(0),
  /** The rule's effort class: trivial, small, medium or large. */
  effort: z.enum(EFFORT_ORDER),
  /** Position in the fix list (1 = do first): by gain, then how often the file changes, then effort. */
  rank: z.number().int().min(1),
  /** With a baseline: whether the finding's fingerprint was already there. */
  status: z.enum(["new", "unchanged"]).optional(),
  /** Stable across unrelated edits: rule id, file and the code it points at, not the line number. */
  fingerprint: z.string().regex(/^[0-9a-f]{16}$/),
});

/** How one rule contributed to its category's score. */
export const checkSchema = z.strictObject({
  ruleId: z.string(),
  weight: z.number().min(0),
  /** Units examined (symbols, files, or lines for size rules). */
  examined: z.number().min(0),
  /** Units failed (sum of finding costs). */
  failed: z.number().min(0),
  /** 100 × (1 − failed / examined), or null when nothing was examined or the rule is off. */
  score: score.nullable(),
});

const interfacesMetrics = z.strictObject({
  sourceFiles: count,
  exportedFunctions: count,
  explicitReturnType: count,
  anyInSignature: count,
  tooManyParameters: count.nullable(),
  longFiles: count.nullable(),
  functions: count,
  longFunctions: count.nullable(),
  complexFunctions: count.nullable(),
});

const docsMetrics = z.strictObject({
  exportedSymbols: count,
  documentedSymbols: count,
  readme: z.string().nullable(),
  readmeHasUsage: z.boolean().nullable(),
  readmeHasDevelopment: z.boolean().nullable(),
  largeModules: count.nullable(),
  largeModulesWithOverview: count.nullable(),
});

const cyclesMetrics = z.strictObject({
  /** Cycle groups, largest first, each a sorted list of repo-relative paths. */
  cycles: z.array(z.array(z.string())),
  filesInCycles: count,
  largestCycle: count,
  typeOnlyCycles: count,
  modules: count,
  /** Distinct importer → imported module pairs. */
  edges: count,
  /** Imports of the repository's own code that found no file. */
  unresolvedImports: count,
  /**
   * Those by reason: a relative path to a missing file, a workspace package whose
   * build output maps back to no source, an alias that leads nowhere.
   */
  unresolvedByReason: z.strictObject({ missingFile: count, workspaceOutput: count, alias: count }),
  /** Imports of packages outside the repository (installed or not) and of Node built-ins. */
  externalImports: count,
});

const cloneSide = z.strictObject({ start: z.number().int().min(1), end: z.number().int().min(1) });

const duplicationMetrics = z.strictObject({
  /** Duplicated source lines (both copies, each line once) per 100 source lines; null when jscpd could not run. */
  percentage: z.number().min(0).max(100).nullable(),
  duplicatedLines: count,
  totalLines: count,
  /** Clone pairs between source files (or a source and a test file). */
  clones: z.array(
    z.strictObject({ files: z.tuple([z.string(), z.string()]), lines: count, a: cloneSide, b: cloneSide }),
  ),
  testClones: count,
  testDuplicatedLines: count,
});

const testsMetrics = z.strictObject({
  /** "measured" from a coverage report, or "mapped" from the import graph. */
  mode: z.enum(["measured", "mapped"]),
  /** Source files with at least one function. */
  sourceFiles: count,
  testFiles: count,
  /** Source files a test imports (through barrels too). */
  directlyTested: count,
  /** Source files tests reach only through other modules (e2e tests through the app their runner serves included). */
  transitivelyTested: count,
  /** Of those, the files only end-to-end tests reach, through the app their runner serves. */
  e2eReached: count,
  /** Untested source files, biggest and most changed first. */
  untested: z.array(z.string()),
  /** Measured mode: covered per 100 executable lines; null when mapped. */
  lineCoverage: z.number().min(0).max(100).nullable(),
  /** The test script found (`package.json: test`), or null. */
  testScript: z.string().nullable(),
  /** The test runner found (vitest, jest, …), or null. */
  testRunner: z.string().nullable(),
  /** Lines of test code per line of source code. */
  testToSourceRatio: z.number().min(0),
  coverageReport: z.string().nullable(),
  isCoverageStale: z.boolean(),
});

const hotspotsMetrics = z.strictObject({
  /** The history window read, ending at HEAD's commit date; null without history. */
  window: z.strictObject({ since: z.string(), until: z.string(), length: z.string() }).nullable(),
  /** Commits in the window (merges excluded). */
  commits: count,
  isShallow: z.boolean(),
  /** The 20 highest-scoring changed source files. */
  hotspots: z.array(
    z.strictObject({
      file: z.string(),
      commits: count,
      authors: count,
      complexity: count,
      score: score,
      risk: z.number().min(0).max(1),
    }),
  ),
  /** Source files that change together; `hidden` when neither imports the other. */
  coupledPairs: z.array(
    z.strictObject({
      files: z.tuple([z.string(), z.string()]),
      shared: count,
      degree: z.number().min(0),
      hidden: z.boolean(),
    }),
  ),
});

const contextMetrics = z.strictObject({
  /** Agent context files found (links to another context file included). */
  contextFiles: z.array(z.string()),
  /** Agent configuration besides documents (.mcp.json, .agents/, .claude/). */
  agentConfig: z.array(z.string()),
  commandsChecked: count,
  brokenCommands: count,
  missingPaths: count,
  undocumentedEnvVars: z.array(z.string()),
  packageManager: z.string().nullable(),
  /** What an agent can run to check its work: the script found for each step, or null. */
  feedbackLoop: z.strictObject({
    test: z.string().nullable(),
    build: z.string().nullable(),
    lint: z.string().nullable(),
    typecheck: z.string().nullable(),
    lockfile: z.string().nullable(),
    ci: z.array(z.string()),
    strictTypescript: z.boolean().nullable(),
  }),
});

const categoryBase = {
  name: z.string(),
  /** 0–100, or null when the category is not applicable (see `reason`). */
  score: score.nullable(),
  weight: z.number().min(0),
  reason: z.string().optional(),
  checks: z.array(checkSchema),
};

/** One category's score, key figures and the checks behind the score. */
export const categorySchema = z.discriminatedUnion("id", [
  z.strictObject({ id: z.literal("interfaces"), ...categoryBase, metrics: interfacesMetrics }),
  z.strictObject({ id: z.literal("docs"), ...categoryBase, metrics: docsMetrics }),
  z.strictObject({ id: z.literal("cycles"), ...categoryBase, metrics: cyclesMetrics }),
  z.strictObject({ id: z.literal("duplication"), ...categoryBase, metrics: duplicationMetrics }),
  z.strictObject({ id: z.literal("tests"), ...categoryBase, metrics: testsMetrics }),
  z.strictObject({ id: z.literal("hotspots"), ...categoryBase, metrics: hotspotsMetrics }),
  z.strictObject({ id: z.literal("context"), ...categoryBase, metrics: contextMetrics }),
]);

/** The readiness level and what the next one needs. */
export const levelSchema = z.strictObject({
  rank: z.number().int().min(1).max(5),
  name: z.string(),
  next: z
    .strictObject({
      rank: z.number().int().min(2).max(5),
      name: z.string(),
      needs: z.array(z.string()),
      /**
       * Ids of the fix plan's actions that close those gaps, in rank order: for the overall score the
       * first actions whose gains add up to it, for a category the first of that category whose gains
       * (in its own points) do. Empty when the plan cannot get there.
       */
      actions: z.array(z.string()).default([]),
    })
    .nullable(),
});

/** One action of the fix plan: the findings of one rule over one scope, fixed as one change. */
export const actionSchema = z.strictObject({
  /**
   * Stable across scans: the rule and the scope, `docs/exported-symbol-doc@folder:src/report`; a folder's
   * part of 20 files adds `#2`, an action of one finding its fingerprint.
   */
  id: z.string(),
  /** Position in the fix plan (1 = do first). */
  rank: z.number().int().min(1),
  ruleId: z.string(),
  category: z.enum([...CATEGORY_IDS, "core"]),
  /** What the action covers: a file, a folder (its files directly in it), or the repository. */
  scope: z.strictObject({ kind: z.enum(["file", "folder", "repository"]), path: z.string() }),
  /** An imperative sentence with the count: "Document 12 exported symbols in src/report". */
  title: z.string(),
  /** Fingerprints of its findings, in fix order. */
  findings: z.array(z.string().regex(/^[0-9a-f]{16}$/)).min(1),
  /** How many files its findings are in. */
  files: count,
  /** Points the overall score rises when every finding of the action is fixed (from the scoring model). */
  gain: z.number().min(0),
  /** Its rule's effort class; one higher over more than 5 files or 20 findings, two over 50 findings. */
  effort: z.enum(EFFORT_ORDER),
  /** How much its files change: commits of the history window touching each, summed over its files (0 without history). */
  hotness: count,
});

/** The whole scan result (`--format json`). */
export const scanResultSchema = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  scoringModel: z.string(),
  tool: z.strictObject({ name: z.string(), version: z.string() }),
  /** Absolute path of the scanned directory. */
  root: z.string(),
  /** HEAD commit, or null outside git or before the first commit. */
  commit: z.string().nullable(),
  /** Weighted mean of applicable categories, or null when none applies. */
  score: score.nullable(),
  level: levelSchema.nullable(),
  categories: z.array(categorySchema),
  /** Sorted by file, line, column, rule id. */
  findings: z.array(findingSchema),
  /**
   * The fix plan: the findings grouped into actions, in rank order (see docs/scoring.md). A result saved
   * before the fix plan existed is read with none.
   */
  actions: z.array(actionSchema).default([]),
  files: z.strictObject({
    listedBy: z.enum(["git", "filesystem"]),
    /** Files listed, kept or skipped. */
    total: count,
    /** Source and test files parsed. */
    parsed: count,
    /** Of those, files whose facts came from the fact cache (unchanged since an earlier scan). */
    cached: count.optional(),
    byKind: z.record(z.string(), count),
    /** Skipped files per reason. */
    skipped: z.record(z.string(), count),
    /** Skipped files with their reason (node_modules and build output are counted, not listed). */
    skippedFiles: z.array(z.strictObject({ path: z.string(), reason: z.string(), detail: z.string().optional() })),
    /**
     * Every code file's scope and why it got it, grouped by scope and reason: product code (`source`), `test`,
     * `fixture`, `example`, `benchmark`, `script`, `docs`, `generated`, `vendored` or `config`. Only `source`
     * and `test` files are parsed; the rules about product code read `source` files alone. Sorted by kind and
     * reason; the files of a group are sorted.
     */
    scopes: z.array(z.strictObject({ kind: z.string(), why: z.string(), files: z.array(z.string()) })),
  }),
  /** Non-fatal problems met during the scan. */
  warnings: z.array(z.string()),
  /** Present when the scan was compared with a baseline (`--baseline` or `--baseline-ref`). */
  baseline: z
    .strictObject({
      /** Where the baseline came from: a file path or a git ref. */
      source: z.string(),
      commit: z.string().nullable(),
      score: score.nullable(),
      scoringModel: z.string(),
      /** False when the two were scored under different models: score differences mean nothing then. */
      isComparable: z.boolean(),
      /** This score minus the baseline's, when comparable. */
      scoreDelta: z.number().nullable(),
      /** Each category's score in the baseline and the change since, when comparable. */
      categories: z.array(
        z.strictObject({ id: z.enum(CATEGORY_IDS), score: score.nullable(), delta: z.number().nullable() }),
      ),
      new: count,
      fixed: count,
      unchanged: count,
    })
    .optional(),
});

/** An action of the fix plan. */
export type Action = z.output<typeof actionSchema>;
/** A finding in the result. */
export type Finding = z.output<typeof findingSchema>;
/** A category in the result. */
export type CategoryResult = z.output<typeof categorySchema>;
/** A rule's contribution to a category. */
export type CheckResult = z.output<typeof checkSchema>;
/** The level in the result. */
export type LevelResult = z.output<typeof levelSchema>;
/** The whole scan result. */
export type ScanResult = z.output<typeof scanResultSchema>;
/** Key figures of the interfaces category. */
export type InterfacesMetrics = z.output<typeof interfacesMetrics>;
/** Key figures of the docs category. */
export type DocsMetrics = z.output<typeof docsMetrics>;
/** Key figures of the cycles category. */
export type CyclesMetrics = z.output<typeof cyclesMetrics>;
/** Key figures of the duplication category. */
export type DuplicationMetrics = z.output<typeof duplicationMetrics>;
/** Key figures of the tests category. */
export type TestsMetrics = z.output<typeof testsMetrics>;
/** Key figures of the hotspots category. */
export type HotspotsMetrics = z.output<typeof hotspotsMetrics>;
/** Key figures of the context category. */
export type ContextMetrics = z.output<typeof contextMetrics>;
