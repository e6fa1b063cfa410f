/**
 * Number and list formats shared by the reports, the rules and the trend series.
 *
 * May: format. May not: import anything of Groundwork's.
 */

/** "+0.3", "-1.2", "±0.0" */
export function signed(delta: number): string {
  return delta === 0 ? "±0.0" : `${delta > 0 ? "+" : ""}${delta.toFixed(1)}`;
}

/** "a", "a and b", "a, b and c" */
export function andList(items: readonly string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items.at(-1) ?? ""}` : (items[0] ?? "");
}
