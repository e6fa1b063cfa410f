import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configJsonSchema, scanResultJsonSchema } from "../src/schemas.js";
import { REPO_ROOT } from "./helpers/fixtures.js";

describe("published JSON Schemas", () => {
  it.each([
    ["schema/scan-result.schema.json", scanResultJsonSchema],
    ["schema/config.schema.json", configJsonSchema],
  ])("%s is current (run `npm run schema` after changing the zod schemas)", async (path, generate) => {
    const committed: unknown = JSON.parse(await readFile(join(REPO_ROOT, path), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(generate())));
  });
});
