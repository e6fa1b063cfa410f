import { describe, expect, it } from "vitest";
import { categoryOf, locationsOf, scanFixture } from "../helpers/fixtures.js";

/** Each file's kind and why, as the scan's inventory holds them. */
function kinds(result: Awaited<ReturnType<typeof scanFixture>>): Record<string, [string, string]> {
  const entries = result.files.scopes.flatMap((scope) => scope.files.map((path) => [path, [scope.kind, scope.why]]));
  return Object.fromEntries(entries.filter(([path]) => String(path).startsWith("src/")));
}

const PRODUCT = "product code (no other scope applies)";

describe("vendored by its header", () => {
  // fixtures/discover/vendored-header: src/copied-pairs.ts opens with "Based on <url>", a copyright line and a
  // LICENSE link in one comment; src/own-banner.ts opens with the repository's own copyright line and no source;
  // src/retry-delay.ts says "based on the approach in <url>" with no copyright or licence. Each exports one
  // undocumented function; src/app.ts imports all three and documents its own.
  it("calls a file vendored when its leading comment names where it came from and its copyright or licence", async () => {
    const result = await scanFixture("discover/vendored-header");
    expect(kinds(result)).toEqual({
      "src/app.ts": ["source", PRODUCT],
      "src/copied-pairs.ts": [
        "vendored",
        "header: based on https://github.com/example-org/tiny-pairs/tree/v1.4.0 (line 2)",
      ],
      "src/own-banner.ts": ["source", PRODUCT],
      "src/retry-delay.ts": ["source", PRODUCT],
    });
    // copied-pairs.ts:7 parsePairs (an `any` parameter at 7:35, no return type, no doc comment) is not examined.
    expect(result.findings.filter((finding) => finding.file === "src/copied-pairs.ts")).toEqual([]);
    expect(locationsOf(result, "docs/exported-symbol-doc")).toEqual([
      "src/own-banner.ts:3:17",
      "src/retry-delay.ts:3:17",
    ]);
  });

  it("keeps the import of a vendored file out of the unresolved imports, as a generated file's", async () => {
    const result = await scanFixture("discover/vendored-header");
    expect(categoryOf(result, "cycles").metrics).toMatchObject({
      modules: 3,
      edges: 2,
      unresolvedImports: 0,
      filesInCycles: 0,
    });
  });

  it("keeps a kind the config gives", async () => {
    const result = await scanFixture("discover/vendored-header", { classify: { source: ["src/copied-pairs.ts"] } });
    expect(kinds(result)["src/copied-pairs.ts"]).toEqual(["source", "config classify.source"]);
    expect(locationsOf(result, "docs/exported-symbol-doc")).toEqual([
      "src/copied-pairs.ts:7:17",
      "src/own-banner.ts:3:17",
      "src/retry-delay.ts:3:17",
    ]);
    expect(locationsOf(result, "interfaces/no-any-in-signature")).toEqual(["src/copied-pairs.ts:7:35"]);
  });
});
