import { describe, expect, it } from "vitest";
import { parseModule } from "../../../src/facts/modules/parse.js";
import { scriptWrites } from "../../../src/facts/modules/writes.js";

/** What a script writes, as `base:path line`. */
function written(source: string, path = "scripts/generate.mjs"): string[] {
  return scriptWrites(path, source).map((write) => `${write.base}:${write.path} ${write.line}`);
}

describe("modules fact: the files a module writes", () => {
  it("reads the first argument of a write call: a literal, a joined path, a const, a template", () => {
    const source = [
      'import fs from "node:fs";',
      'import { join } from "node:path";',
      'fs.writeFileSync("src/data/countries.json", "[]");',
      'const OUT = join(import.meta.dirname, "..", "src", "names.ts");',
      "await fs.promises.writeFile(OUT, code);",
      "fs.createWriteStream(`${__dirname}/../src/log.txt`);",
      'Bun.write(new URL("../src/table.ts", import.meta.url), table);',
      'fs.writeFileSync(join(process.cwd(), "out", "report.json"), "{}");',
      "fs.writeFileSync(join(__dirname, name), code);",
    ].join("\n");
    expect(written(source)).toEqual([
      "cwd:src/data/countries.json 3",
      "file:../src/names.ts 5",
      "file:../src/log.txt 6",
      "file:../src/table.ts 7",
      "cwd:out/report.json 8",
    ]);
  });

  it("follows a local helper that passes its parameter to a write, and leaves out a file edited in place", () => {
    const source = [
      'import { readFileSync, writeFileSync } from "node:fs";',
      "function emit(file, code) {",
      "  writeFileSync(file, format(code));",
      "}",
      'emit("src/generated-routes.ts", routes);',
      'const VERSION_FILE = "src/version.ts";',
      'writeFileSync(VERSION_FILE, readFileSync(VERSION_FILE, "utf8").replace("0.0.0", version));',
    ].join("\n");
    expect(written(source)).toEqual(["cwd:src/generated-routes.ts 5"]);
  });

  it("keeps, for product code, only what it writes from its own folder, repo-relative", () => {
    const source = [
      'import { writeFileSync } from "node:fs";',
      'import { join } from "node:path";',
      'export function save(): void { writeFileSync(join(__dirname, "cache", "table.json"), "{}"); }',
      'export function init(): void { writeFileSync("groundwork.config.json", "{}"); }',
    ].join("\n");
    expect(parseModule("packages/core/src/store.ts", "source", source).writes).toEqual([
      { path: "packages/core/src/cache/table.json", line: 3 },
    ]);
    expect(parseModule("packages/core/test/store.test.ts", "test", source).writes).toBeUndefined();
  });
});
