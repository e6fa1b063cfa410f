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
} from "./engine/result.js";
export { scanResultSchema, SCHEMA_VERSION } from "./engine/result.js";
export { CATEGORIES, CATEGORY_IDS, type CategoryId } from "./categories.js";
export { LEVELS, SCORING_MODEL_VERSION } from "./score/index.js";
export { GroundworkError, ConfigError, InputError, UsageError, EXIT } from "./errors.js";
export { TOOL_VERSION } from "./version.js";
