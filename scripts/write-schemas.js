// Writes schema/*.schema.json from the built zod schemas (run through `npm run schema`).
import { writeFileSync } from "node:fs";
import { configJsonSchema, scanResultJsonSchema } from "../dist/src/schemas.js";

const outputs = {
  "schema/scan-result.schema.json": scanResultJsonSchema(),
  "schema/config.schema.json": configJsonSchema(),
};
for (const [path, schema] of Object.entries(outputs)) {
  writeFileSync(new URL(`../${path}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${path}`);
}
