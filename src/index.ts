/**
 * Groundwork's programmatic API: `analyze` a repository and get its ScanResult.
 */
export { analyze, type AnalyzeOptions } from "./engine/index.js";
export type {
  CategoryResult,
  CheckResult,
  Finding,
  LevelResult,
  ScanResult,
  InterfacesMetrics,
  DocsMetrics,
} from "./contract/result.js";
export { scanResultSchema, SCHEMA_VERSION } from "./contract/result.js";
export { CATEGORIES, CATEGORY_IDS, type CategoryId } from "./contract/categories.js";
export type { Effort, Severity } from "./contract/vocabulary.js";
/** The config object as written in groundwork.config.json (what `analyze({ config })` accepts). */
export type { ConfigInput } from "./config/schema.js";
export { LEVELS, SCORING_MODEL_VERSION } from "./score/index.js";
export { GroundworkError, ConfigError, InputError, UsageError, EXIT } from "./errors.js";
export { TOOL_VERSION } from "./version.js";
