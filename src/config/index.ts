/**
 * Config: find, parse and validate groundwork.config.json against one strict schema.
 *
 * May: read the config file.
 * May not: read anything else in the repository, print, or exit. Every problem is a ConfigError naming the file and key path.
 */
import { join, relative, resolve } from "node:path";
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import type { z } from "zod";
import { isCategoryId, mapCategories, type CategoryId } from "../contract/categories.js";
import type { ClassifyOverrides } from "../discover/index.js";
import { ConfigError } from "../errors.js";
import { describeReadProblem, READ_LIMITS, readBoundedText, readGivenText } from "../read.js";
import type { CloneSettings } from "../facts/clones/index.js";
import type { GraphSettings } from "../facts/graph/types.js";
import type { HistorySettings } from "../facts/history/index.js";
import { RULES, type Rule, type Severity } from "../../rules/index.js";
import { buildConfigSchema, RULE_SETTINGS } from "./schema.js";

export { buildConfigSchema } from "./schema.js";

/** The name of the config file looked for at the scanned root. */
export const CONFIG_FILE_NAME = "groundwork.config.json";

/** A rule's effective setting. */
export interface RuleSetting {
  severity: Severity | "off";
  /** Validated options as written (defaults are applied when the rule runs). */
  options: unknown;
  /** True when the config sets this rule's severity (then it applies to all its messages). */
  isSeverityConfigured: boolean;
}

/** The config with every default filled in. */
export interface ResolvedConfig {
  /** Path of the file it came from, or null for defaults. */
  source: string | null;
  ignore: string[];
  classify: ClassifyOverrides;
  maxFileSize: number;
  categories: Record<CategoryId, { weight: number; isEnabled: boolean }>;
  rules: ReadonlyMap<string, RuleSetting>;
  graph: GraphSettings;
  clones: CloneSettings;
  history: HistorySettings;
  /** A configured coverage report, or null to look for the usual ones. */
  coverageReport: string | null;
  gate: GateSettings;
  /** The history file, relative to the scanned root. */
  historyFile: string;
  /** The fact cache: whether it is used, and its folder relative to the scanned root. */
  cache: { isEnabled: boolean; dir: string };
  /** The public address of the docs/rules folder, for SARIF helpUri; null when not configured. */
  docsUrl: string | null;
}

/** What fails the gate (config `gate`, overridden by the command line). */
export interface GateSettings {
  /** The overall score must be at least this. */
  minScore: number | null;
  /** Each named category's score must be at least this. */
  min: Partial<Record<CategoryId, number>>;
  /** `new`: fail on findings not in the baseline; `any`: fail on any finding; both count errors and warnings, not info. */
  failOn: "none" | "new" | "any";
  /** The overall score may not fall more than this many points below the baseline's. */
  maxDrop: number | null;
}

/** Where to take the config from. */
export interface ConfigSource {
  /** The scanned root: `groundwork.config.json` there is used when present. */
  root: string;
  /** An explicit path (resolved against `cwd`); it must exist. */
  path?: string | undefined;
  cwd?: string | undefined;
  /** An already-parsed config object (programmatic use); wins over files. */
  value?: unknown;
}

/** Loads and validates the config, or returns the defaults when there is none. */
export async function loadConfig(source: ConfigSource): Promise<ResolvedConfig> {
  if (source.value !== undefined) return resolveConfig(source.value, "config");
  const explicit = source.path !== undefined;
  const path = explicit ? resolve(source.cwd ?? process.cwd(), source.path ?? "") : join(source.root, CONFIG_FILE_NAME);
  // A committed config is read only when it is a regular file of the repository; `--config` is read where it leads.
  const read = explicit
    ? readGivenText(path, READ_LIMITS.config)
    : readBoundedText(source.root, path, READ_LIMITS.config);
  if (!read.ok) {
    if (!explicit && read.reason === "missing") return resolveConfig({}, null);
    throw new ConfigError(`config file ${displayPath(path, source.cwd)}: ${describeReadProblem(read)}`);
  }
  const text = read.text;
  return resolveConfig(
    parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, path, source.cwd),
    path,
    source.cwd,
  );
}

/** Validates a config object and fills in defaults; `label` names it in errors (relative to `cwd` when inside it). */
export function resolveConfig(value: unknown, label: string | null, cwd?: string): ResolvedConfig {
  const where = label === null ? "config" : displayPath(label, cwd);
  const parsed = buildConfigSchema(RULES).safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${where}: ${issue ? describeIssue(issue, value) : "invalid config"}`);
  }
  const input = parsed.data;
  return {
    source: label,
    ignore: input.ignore,
    classify: input.classify,
    maxFileSize: input.maxFileSize,
    categories: mapCategories((id) => ({
      weight: input.categories[id].weight,
      isEnabled: input.categories[id].enabled,
    })),
    rules: new Map(RULES.map((rule) => [rule.id, ruleSetting(rule, input.rules[rule.id])])),
    graph: input.graph,
    clones: {
      engine: input.clones.engine,
      // null: the detector's own minimum (jscpd's 50 tokens, 5 lines).
      minTokens: input.clones.minTokens ?? null,
      minLines: input.clones.minLines ?? null,
      timeoutMs: input.clones.timeoutSeconds * 1000,
    },
    history: input.history,
    coverageReport: input.coverage.report ?? null,
    historyFile: input.trend.historyFile,
    cache: { isEnabled: input.cache.enabled, dir: input.cache.dir },
    docsUrl: input.report.docsUrl ?? null,
    gate: {
      minScore: input.gate.minScore ?? null,
      min: Object.fromEntries(
        Object.entries(input.gate.min).filter(
          (entry): entry is [CategoryId, number] => isCategoryId(entry[0]) && entry[1] !== undefined,
        ),
      ),
      failOn: input.gate.failOn,
      maxDrop: input.gate.maxDrop ?? null,
    },
  };
}

function ruleSetting(rule: Rule, entry: unknown): RuleSetting {
  if (typeof entry === "string") return { severity: toSetting(entry), options: {}, isSeverityConfigured: true };
  if (typeof entry === "object" && entry !== null) {
    const hasSeverity = "severity" in entry && typeof entry.severity === "string";
    const severity = hasSeverity && typeof entry.severity === "string" ? toSetting(entry.severity) : rule.severity;
    const options = "options" in entry ? entry.options : {};
    return { severity, options: options ?? {}, isSeverityConfigured: hasSeverity };
  }
  return { severity: rule.severity, options: {}, isSeverityConfigured: false };
}

function toSetting(value: string): Severity | "off" {
  const found = RULE_SETTINGS.find((setting) => setting === value);
  if (!found) throw new ConfigError(`unknown severity ${value}`);
  return found;
}

function parseJson(text: string, path: string, cwd: string | undefined): unknown {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const [first] = errors;
  if (!first) return value;
  const before = text.slice(0, first.offset);
  const line = before.split("\n").length;
  const column = first.offset - before.lastIndexOf("\n");
  const reason = printParseErrorCode(first.error)
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .toLowerCase();
  throw new ConfigError(`${displayPath(path, cwd)}: invalid JSON at line ${line}, column ${column}: ${reason}`);
}

type Issue = z.core.$ZodIssue;

/** One line for a schema issue: the key path, what was expected, what was found. */
function describeIssue(issue: Issue, root: unknown): string {
  const issuePath = issue.path.map(String);
  if (issue.code === "invalid_union") {
    const branch = pickUnionBranch(issue.errors);
    const inner = branch?.[0];
    if (inner) return describeIssue({ ...inner, path: [...issue.path, ...inner.path] }, root);
  }
  if (issue.code === "unrecognized_keys") {
    const keys = issue.keys.map((key) => formatPath([...issuePath, key]));
    const isRule = issuePath.length === 1 && issuePath[0] === "rules";
    return `${keys.join(", ")}: unknown ${isRule ? "rule" : "key"}${keys.length > 1 ? "s" : ""}`;
  }
  const found = valueAt(root, issuePath);
  const received = found === undefined ? "nothing" : (JSON.stringify(found)?.slice(0, 40) ?? typeof found);
  return `${formatPath(issuePath)}: ${expectation(issue)}, got ${received}`;
}

/**
 * In a union of "severity string" and "object", report the branch that fits the
 * value's type: one with no mismatch at its own root, else one that only
 * disliked the value (a wrong severity string).
 */
function pickUnionBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const rootMismatch = (issues: readonly Issue[], code: string): boolean =>
    issues.some((issue) => issue.path.length === 0 && issue.code === code);
  return (
    branches.find((issues) => !rootMismatch(issues, "invalid_type") && !rootMismatch(issues, "invalid_value")) ??
    branches.find((issues) => rootMismatch(issues, "invalid_value")) ??
    branches[0]
  );
}

function expectation(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return `expected ${issue.expected}`;
    case "invalid_value":
      return `expected one of ${issue.values.map((value) => JSON.stringify(value)).join(", ")}`;
    case "too_small":
      return issue.origin === "string" ? "must not be empty" : `must be at least ${String(issue.minimum)}`;
    case "too_big":
      return `must be at most ${String(issue.maximum)}`;
    default:
      return issue.message.replace(/^Invalid input: /, "").toLowerCase();
  }
}

function formatPath(path: readonly string[]): string {
  return path.length === 0
    ? "(top level)"
    : path
        .map((part) => (/^\d+$/.test(part) ? `[${part}]` : part))
        .join(".")
        .replace(/\.\[/g, "[");
}

function valueAt(root: unknown, path: readonly string[]): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = Object.entries(current).find(([entryKey]) => entryKey === key)?.[1];
  }
  return current;
}

/** `path` as the user would type it from `cwd` (the caller's, else the process's): relative inside it, else absolute. */
function displayPath(path: string, cwd = process.cwd()): string {
  const fromCwd = relative(cwd, path);
  return fromCwd === "" || fromCwd.startsWith("..") ? path : fromCwd;
}
