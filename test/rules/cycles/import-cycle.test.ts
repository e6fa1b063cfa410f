import { describe, expect, it } from "vitest";
import { categoryOf, copyFixture, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";
import { analyze } from "../../../src/engine/index.js";
import { madgeGroups } from "../../helpers/madge.js";

const RULE = "cycles/import-cycle";

describe(RULE, () => {
  it.each([
    ["cycles/three-file-loop", [["src/customers.ts", "src/invoices.ts", "src/orders.ts"]]],
    ["cycles/two-file-loop", [["src/session.ts", "src/user.ts"]]],
    ["cycles/type-only-loop", []],
    ["cycles/paths-alias-loop", [["src/api.ts", "src/store.ts"]]],
    ["cycles/barrel-loop", [["src/widgets/index.ts", "src/widgets/panel.ts"]]],
    ["cycles/esm-js-specifiers-loop", [["src/lexer.ts", "src/parser.ts"]]],
    ["cycles/dynamic-import-loop", [["src/pages.ts", "src/router.ts"]]],
    [
      "cycles/directory-import-loop",
      [
        ["src/menu/index.ts", "src/menu/items/label.ts"],
        ["src/stream/index.ts", "src/stream/text.ts"],
      ],
    ],
  ])(
    "%s: runtime cycle groups are %j, as madge finds, and the acyclic neighbours are not in any",
    async (fixture, expected) => {
      const root = await copyFixture(fixture);
      const result = await analyze({ root, config: {} });
      const groups = categoryOf(result, "cycles").metrics.cycles;
      expect(groups).toEqual(expected);
      expect(groups).toEqual(await madgeGroups(root));
      expect(groups.flat().some((file) => file.includes("acyclic") || file.includes("forms/"))).toBe(false);
    },
  );

  it("reports a group at the import to cut, with the loop and a fix naming the import", async () => {
    const result = await scanFixture("cycles/three-file-loop");
    expect(locationsOf(result, RULE)).toEqual(["src/customers.ts:1:1"]);
    const [finding] = findingsOf(result, RULE);
    expect(finding?.message).toBe(
      "Import cycle of 3 files: src/customers.ts → src/orders.ts → src/invoices.ts → src/customers.ts",
    );
    expect(finding?.fix).toBe(
      "Cut the import of './orders' in src/customers.ts (line 1, imports placeOrder): it closes 1 of the 1 loops in this group. Move what customers.ts uses from orders.ts into a module both can import (for example a new file under src/), or invert the dependency by passing it in as a parameter or callback.",
    );
    expect(finding?.related).toEqual([
      { file: "src/orders.ts", line: 1, column: 1, message: "imports src/invoices.ts here" },
      { file: "src/invoices.ts", line: 1, column: 1, message: "imports src/customers.ts here" },
    ]);
  });

  it("prefers cutting the import with the fewest names: a barrel's `export *` is kept", async () => {
    const result = await scanFixture("cycles/barrel-loop");
    expect(locationsOf(result, RULE)).toEqual(["src/widgets/panel.ts:1:1"]);
  });

  it("counts files in cycles against the modules of the graph", async () => {
    const result = await scanFixture("cycles/three-file-loop");
    const cycles = categoryOf(result, "cycles");
    expect(cycles.metrics).toEqual({
      cycles: [["src/customers.ts", "src/invoices.ts", "src/orders.ts"]],
      filesInCycles: 3,
      largestCycle: 3,
      typeOnlyCycles: 0,
      modules: 6,
      edges: 5,
      unresolvedImports: 0,
      unresolvedByReason: { missingFile: 0, workspaceOutput: 0, alias: 0 },
      externalImports: 0,
    });
    // Files in cycles count double: 2 × 3 of 6 modules fails the check entirely.
    expect(cycles.checks).toEqual([{ ruleId: RULE, weight: 1, examined: 6, failed: 6, score: 0 }]);
  });

  it("counts a type-only loop separately, and includes it on request", async () => {
    const result = await scanFixture("cycles/type-only-loop");
    expect(categoryOf(result, "cycles").metrics).toMatchObject({ cycles: [], typeOnlyCycles: 1 });
    expect(locationsOf(result, RULE)).toEqual([]);
    const included = await scanFixture("cycles/type-only-loop", { graph: { includeTypeOnly: true } });
    expect(categoryOf(included, "cycles").metrics.cycles).toEqual([["src/canvas.ts", "src/shape.ts"]]);
    expect(locationsOf(included, RULE)).toEqual(["src/canvas.ts:1:1"]);
  });

  // order ↔ invoice at runtime; invoice → customer → order by type imports only grows that group to 3 files;
  // theme ↔ palette exists only through type imports. Only the second is a type-only group.
  it("counts as type-only only a group with no runtime cycle inside, and none when type imports are included", async () => {
    const result = await scanFixture("cycles/mixed-type-loop");
    expect(categoryOf(result, "cycles").metrics).toMatchObject({
      cycles: [["src/invoice.ts", "src/order.ts"]],
      typeOnlyCycles: 1,
    });
    const included = await scanFixture("cycles/mixed-type-loop", { graph: { includeTypeOnly: true } });
    expect(categoryOf(included, "cycles").metrics).toMatchObject({
      cycles: [
        ["src/customer.ts", "src/invoice.ts", "src/order.ts"],
        ["src/palette.ts", "src/theme.ts"],
      ],
      typeOnlyCycles: 0,
    });
  });

  // `from "."`, `"./"` and `".."` name a folder: its index file. The test imports its folder's index by `"."`.
  it("resolves imports of a folder by '.', './' and '..' to its index, for cycles and for tests", async () => {
    const result = await scanFixture("cycles/directory-import-loop");
    const cycles = categoryOf(result, "cycles").metrics;
    expect(cycles).toMatchObject({ modules: 7, edges: 6, unresolvedImports: 0 });
    const tests = categoryOf(result, "tests").metrics;
    expect(tests).toMatchObject({ testFiles: 1, directlyTested: 1 });
    expect([...tests.untested].sort()).toEqual([
      "src/acyclic/store/reader.ts",
      "src/menu/index.ts",
      "src/menu/items/label.ts",
      "src/stream/index.ts",
      "src/stream/text.ts",
    ]);
  });

  it("leaves dynamic imports out on request", async () => {
    const result = await scanFixture("cycles/dynamic-import-loop", { graph: { includeDynamic: false } });
    expect(categoryOf(result, "cycles").metrics.cycles).toEqual([]);
  });

  it("tolerates groups up to maxComponentSize files", async () => {
    const result = await scanFixture("cycles/two-file-loop", {
      rules: { [RULE]: { options: { maxComponentSize: 2 } } },
    });
    expect(locationsOf(result, RULE)).toEqual([]);
    expect(categoryOf(result, "cycles").metrics.filesInCycles).toBe(2);
  });
});

describe("workspace packages", () => {
  // core imports @acme/utils (exports → dist/index.js → src/index.ts); utils imports @acme/core (main → dist → src).
  // logger imports @acme/utils and @acme/utils/strings but nothing imports logger; chalk is external.
  it("resolves package names through exports and main back to sources, without node_modules", async () => {
    const result = await scanFixture("cycles/workspace-packages-loop");
    const cycles = categoryOf(result, "cycles").metrics;
    expect(cycles.cycles).toEqual([["packages/core/src/index.ts", "packages/utils/src/index.ts"]]);
    expect(cycles).toMatchObject({ modules: 4, edges: 4, unresolvedImports: 0, externalImports: 1 });
  });
});

describe("workspace packages built to dist", () => {
  // @acme/codec exports ./dist/codec.mjs (tsdown entry src/exports/codec.ts), ./dist/types.mjs (the one
  // src/**/types.ts) and ./dist/shell.mjs (no source: built from elsewhere). @acme/runtime exports ./lib/index.js
  // (tsconfig outDir lib, rootDir source). runtime also imports ./generated/client (not committed), the alias
  // @/config (no paths entry) and zod (external).
  it("maps build output back to sources through bundler entries, outDir/rootDir and a unique name under src/", async () => {
    const result = await scanFixture("cycles/workspace-build-output-loop");
    const cycles = categoryOf(result, "cycles").metrics;
    expect(cycles.cycles).toEqual([["packages/codec/src/exports/codec.ts", "packages/runtime/source/index.ts"]]);
    expect(cycles).toMatchObject({
      modules: 3,
      edges: 3,
      unresolvedImports: 3,
      unresolvedByReason: { missingFile: 1, workspaceOutput: 1, alias: 1 },
      externalImports: 1,
    });
  });
});
