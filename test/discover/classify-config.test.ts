import { describe, expect, it } from "vitest";
import { categoryOf, scanFixture } from "../helpers/fixtures.js";

/** Each file's kind and why, as the scan's inventory holds them. */
function kinds(result: Awaited<ReturnType<typeof scanFixture>>): Record<string, [string, string]> {
  const entries = result.files.scopes.flatMap((scope) => scope.files.map((path) => [path, [scope.kind, scope.why]]));
  return Object.fromEntries(entries.filter(([path]) => String(path).startsWith("src/")));
}

describe("classify in the config wins over what the content shows", () => {
  // fixtures/core/classify-wins: src/schema.ts has a generated-file header, src/assert.ts imports vitest, src/app.ts
  // is plain product code. Without config the first is generated and the second test support; with
  // classify.source naming them, both are product code: parsed, their exports counted.
  it("keeps a generated header and a test-framework import from changing a kind the config gives", async () => {
    const plain = await scanFixture("core/classify-wins");
    expect(kinds(plain)["src/schema.ts"]?.[0]).toBe("generated");
    expect(kinds(plain)["src/assert.ts"]?.[0]).toBe("test");
    expect(categoryOf(plain, "docs").metrics.exportedSymbols).toBe(1);
    const configured = await scanFixture("core/classify-wins", {
      classify: { source: ["src/schema.ts", "src/assert.ts"] },
    });
    expect(kinds(configured)["src/schema.ts"]).toEqual(["source", "config classify.source"]);
    expect(kinds(configured)["src/assert.ts"]).toEqual(["source", "config classify.source"]);
    // next, SCHEMA_VERSION and assertPositive.
    expect(categoryOf(configured, "docs").metrics.exportedSymbols).toBe(3);
  });
});
