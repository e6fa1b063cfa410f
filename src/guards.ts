/**
 * Type guards for values read from outside (JSON, YAML, a worker's message):
 * what a value is, checked, instead of asserted with `as`.
 *
 * May: inspect a value. May not: import anything of Groundwork's.
 */

/** A plain object (not null, not an array), whose keys can be read. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
