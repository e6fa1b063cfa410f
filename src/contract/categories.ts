/**
 * The fixed vocabulary of scoring categories. Ids are part of the JSON contract
 * and never change; names and default weights live here and nowhere else.
 */

/** Category ids, in report order. */
export const CATEGORY_IDS = ["interfaces", "docs", "tests", "cycles", "duplication", "hotspots", "context"] as const;

/** One of the seven scoring categories. */
export type CategoryId = (typeof CATEGORY_IDS)[number];

/** A finding's category: a scoring category, or `core` for findings about the scan itself. */
export type FindingCategory = CategoryId | "core";

/** Static description of a category. */
export interface CategoryInfo {
  id: CategoryId;
  name: string;
  /** Default weight in the overall score; the config may override it. */
  weight: number;
  /** Whether this version of Groundwork measures the category at all. */
  isImplemented: boolean;
}

/** Every category with its display name and default weight (weights sum to 100). */
export const CATEGORIES: readonly CategoryInfo[] = [
  { id: "interfaces", name: "Interface clarity", weight: 15, isImplemented: true },
  { id: "docs", name: "Documentation", weight: 15, isImplemented: true },
  { id: "tests", name: "Test coverage", weight: 20, isImplemented: true },
  { id: "cycles", name: "Dependency cycles", weight: 10, isImplemented: true },
  { id: "duplication", name: "Duplication", weight: 10, isImplemented: true },
  { id: "hotspots", name: "Churn hotspots", weight: 10, isImplemented: true },
  { id: "context", name: "Agent context", weight: 20, isImplemented: true },
];

/** Looks a category up by id. */
export function categoryInfo(id: CategoryId): CategoryInfo {
  const info = CATEGORIES.find((category) => category.id === id);
  if (!info) throw new Error(`unknown category ${id}`);
  return info;
}

/** Narrows a string to a category id. */
export function isCategoryId(value: string): value is CategoryId {
  return (CATEGORY_IDS as readonly string[]).includes(value);
}

/** Builds a record with one entry per category, in category order. */
export function mapCategories<T>(build: (id: CategoryId) => T): Record<CategoryId, T> {
  return {
    interfaces: build("interfaces"),
    docs: build("docs"),
    tests: build("tests"),
    cycles: build("cycles"),
    duplication: build("duplication"),
    hotspots: build("hotspots"),
    context: build("context"),
  };
}
