/**
 * Whether a module is data rather than code, from its measured lines (see data.ts). Kept apart from the
 * collector so that rules can ask without loading the TypeScript compiler.
 */
import type { ModuleFacts } from "./types.js";

/**
 * A module whose non-blank lines are at least this share literal data is a data module. The rest is room for
 * what frames a table (imports, the `export type X =` line, a helper type such as `string & {}` among the
 * members, a header comment); a module of code beside one big constant stays code. On the repositories this
 * was checked against, modules of data measure 96% to 100%, the most data-heavy module of code 65% (a function
 * beside the list of names it checks), and no module of code over 300 lines 10%.
 */
export const DATA_MODULE_SHARE = 0.8;

/**
 * A data module (a union of 2,000 media types, a table of status texts): not a module to split or to give an
 * overview, as its length is its data's.
 */
export function isDataModule(module: Pick<ModuleFacts, "nonBlankLines" | "dataLines">): boolean {
  return module.nonBlankLines > 0 && module.dataLines >= DATA_MODULE_SHARE * module.nonBlankLines;
}
