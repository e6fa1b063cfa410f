import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The tool's name as it appears in results. */
export const TOOL_NAME = "groundwork";

function findOwnPackage(): { version: string; root: string } {
  // Source (src/version.ts) and build (dist/src/version.js) sit at different depths.
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 5; depth += 1) {
    const candidate = join(dir, "package.json");
    try {
      const parsed: unknown = JSON.parse(readFileSync(candidate, "utf8"));
      if (typeof parsed === "object" && parsed !== null && "name" in parsed && parsed.name === TOOL_NAME) {
        return {
          version: "version" in parsed && typeof parsed.version === "string" ? parsed.version : "0.0.0",
          root: dir,
        };
      }
    } catch {
      // not this directory
    }
    dir = dirname(dir);
  }
  return { version: "0.0.0", root: dirname(fileURLToPath(import.meta.url)) };
}

const OWN_PACKAGE = findOwnPackage();

/** The installed version of Groundwork, from its package.json. */
export const TOOL_VERSION: string = OWN_PACKAGE.version;

/** The folder Groundwork is installed in (where its docs/ are). */
export const PACKAGE_ROOT: string = OWN_PACKAGE.root;
