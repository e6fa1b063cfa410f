/**
 * The published JSON Schemas, generated from the zod schemas that the code
 * itself validates with. `npm run schema` writes them to schema/; a test checks
 * the committed files are current.
 */
import { z } from "zod";
import { buildConfigSchema } from "./config/schema.js";
import { scanResultSchema } from "./contract/result.js";
import { RULES } from "../rules/index.js";

/** JSON Schema of the ScanResult (`groundwork scan --format json`). */
export function scanResultJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(scanResultSchema, { io: "output", target: "draft-2020-12" }),
    title: "Groundwork ScanResult",
  };
}

/** JSON Schema of groundwork.config.json, including every rule's options. */
export function configJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(buildConfigSchema(RULES), { io: "input", target: "draft-2020-12" }),
    title: "Groundwork config (groundwork.config.json)",
  };
}
