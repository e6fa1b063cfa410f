/**
 * Number formats shared by the reports and the trend series.
 *
 * May: format. May not: import anything of Groundwork's.
 */

/** "+0.3", "-1.2", "±0.0" */
export function signed(delta: number): string {
  return delta === 0 ? "±0.0" : `${delta > 0 ? "+" : ""}${delta.toFixed(1)}`;
}
