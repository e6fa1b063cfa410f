/**
 * Facts: everything rules may know about the repository, collected once per scan.
 *
 * May: read files, run git and child processes, through the producers below.
 * May not: report findings, score, print, or exit.
 */
import type { DiscoveredFile, Inventory, SkippedFile } from "../discover/index.js";
import { readReadme, type ReadmeFact } from "./context/readme.js";
import { collectModules, type ModuleFacts } from "./modules/index.js";

export type { ModuleFacts } from "./modules/index.js";
export type { ReadmeFact, Heading } from "./context/readme.js";

/** The facts model handed to every rule. */
export interface Facts {
  /** The inventory, updated with what reading the files revealed. */
  inventory: Inventory;
  /** Parsed source and test files, sorted by path. */
  modules: ModuleFacts[];
  /** Source files (not tests) that parsed without a syntax error, sorted by path. */
  sources: ModuleFacts[];
  readme: ReadmeFact | null;
}

/** Runs every fact producer once. */
export async function collectFacts(
  inventory: Inventory,
  onStage?: (stage: string, ms: number) => void,
): Promise<Facts> {
  const started = performance.now();
  const [modules, readme] = await Promise.all([
    collectModules(inventory.root, inventory.files),
    readReadme(inventory.root, inventory.files),
  ]);
  onStage?.("parse", performance.now() - started);
  const updated = applyContentFindings(inventory, modules.skipped, modules.reclassified, modules.warnings);
  const sorted = modules.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    inventory: updated,
    modules: sorted,
    sources: sorted.filter((module) => module.kind === "source" && !module.parseError),
    readme,
  };
}

function applyContentFindings(
  inventory: Inventory,
  skipped: readonly SkippedFile[],
  reclassified: ReadonlyArray<{ path: string; kind: DiscoveredFile["kind"] }>,
  warnings: readonly string[],
): Inventory {
  if (skipped.length === 0 && reclassified.length === 0 && warnings.length === 0) return inventory;
  const skippedPaths = new Set(skipped.map((file) => file.path));
  const newKinds = new Map(reclassified.map((entry) => [entry.path, entry.kind]));
  const files = inventory.files
    .filter((file) => !skippedPaths.has(file.path))
    .map((file) => {
      const kind = newKinds.get(file.path);
      return kind ? { ...file, kind } : file;
    });
  const allSkipped = [...inventory.skipped, ...skipped].sort((a, b) =>
    a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
  );
  return { ...inventory, files, skipped: allSkipped, warnings: [...inventory.warnings, ...warnings] };
}
