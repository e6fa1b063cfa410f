/**
 * The fixed vocabulary every layer shares: severities and effort classes.
 *
 * May: nothing but declare. May not: import anything of Groundwork's.
 */

/** Severities, most severe first. */
export const SEVERITIES = ["error", "warning", "info"] as const;

/** How much a finding matters: an error fails `--fail-on error`, a note (`info`) records a fact. */
export type Severity = (typeof SEVERITIES)[number];

/** Effort classes, cheapest first. */
export const EFFORT_ORDER = ["trivial", "small", "medium", "large"] as const;

/** Rough cost of acting on a finding, used to rank fixes of equal gain. */
export type Effort = (typeof EFFORT_ORDER)[number];
