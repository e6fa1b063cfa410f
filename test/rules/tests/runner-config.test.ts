import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, scanFixture } from "../../helpers/fixtures.js";

// fixtures/tests/runner-config: vitest.config.ts includes src/**/test.ts (a test.ts beside each module, as
// date-fns has), vitest.config.e2e.ts includes ./playground/**/*.spec.[tj]s (a playground the e2e runner
// serves, as vite has; a helper beside its spec). src/addDays has a test.ts, src/subDays has none. The playground page, a benchmark
// and a release script each read an environment variable; so does src/subDays (TZ_NAME).
describe("tests named by the test runner's configuration, and scopes apart from product code", () => {
  it("measures a test.ts beside each module as a test, from vitest's include", async () => {
    const result = await scanFixture("tests/runner-config");
    expect(categoryOf(result, "tests").metrics).toMatchObject({
      sourceFiles: 2,
      testFiles: 3,
      directlyTested: 1,
      untested: ["src/subDays/index.ts"],
    });
  });

  it("gives every code file a scope with its reason in the JSON", async () => {
    const result = await scanFixture("tests/runner-config");
    expect(result.files.scopes).toEqual([
      { kind: "benchmark", why: "under benchmarks/", files: ["benchmarks/add-days.ts"] },
      { kind: "config", why: "tool config file name", files: ["vitest.config.e2e.ts", "vitest.config.ts"] },
      { kind: "fixture", why: "under playground/", files: ["playground/alias/main.ts"] },
      { kind: "script", why: "under scripts/", files: ["scripts/release.ts"] },
      {
        kind: "source",
        why: "product code (no other scope applies)",
        files: ["src/addDays/index.ts", "src/subDays/index.ts"],
      },
      {
        kind: "test",
        why: "test support beside tests the runner runs",
        files: ["playground/alias/__tests__/serve.ts"],
      },
      {
        kind: "test",
        why: "vitest runs it: playground/**/*.spec.[tj]s (vitest.config.e2e.ts)",
        files: ["playground/alias/__tests__/alias.spec.ts"],
      },
      {
        kind: "test",
        why: "vitest runs it: src/**/test.ts (vitest.config.ts)",
        files: ["src/addDays/test.ts"],
      },
    ]);
    expect(result.files.byKind).toMatchObject({ benchmark: 1, fixture: 1, script: 1, source: 2, test: 3 });
    expect(result.files.parsed).toBe(5);
  });

  it("leaves environment variables read only outside product code out of undocumented-env", async () => {
    const result = await scanFixture("tests/runner-config");
    expect(findingsOf(result, "context/undocumented-env").map((finding) => finding.message)).toEqual([
      expect.stringContaining("TZ_NAME"),
    ]);
  });

  it("lets the config's classify override the scope", async () => {
    const result = await scanFixture("tests/runner-config", { classify: { source: ["scripts/**"] } });
    expect(result.files.scopes.find((scope) => scope.files.includes("scripts/release.ts"))).toEqual({
      kind: "source",
      why: "config classify.source",
      files: ["scripts/release.ts"],
    });
  });
});

// fixtures/tests/cli-run: test/cli.test.js spawns bin/ledger.js, whose path it imports from test/paths.js (a helper
// that starts no process, as vite's playground/vitestSetup.ts names packages/vite/bin/vite.js).
// fixtures/tests/cli-run-join: the same, but the test spawns join(…, "bin", "ledger.js") itself (Groundwork's shape).
// In both, bin/ledger.js imports ../dist/cli.js, built from src/cli.ts (tsconfig outDir dist, rootDir src), which
// imports src/report/sarif.ts. src/report/orphan.ts is imported by nothing; test/git.test.js spawns only git.
describe("tests that run the built CLI", () => {
  it.each([
    ["tests/cli-run", 3],
    ["tests/cli-run-join", 2],
  ])(
    "%s: reach the CLI's modules through the package's bin, as an indirect (transitive) edge",
    async (fixture, testFiles) => {
      const result = await scanFixture(fixture);
      expect(categoryOf(result, "tests").metrics).toMatchObject({
        sourceFiles: 3,
        testFiles,
        directlyTested: 0,
        transitivelyTested: 2,
        untested: ["src/report/orphan.ts"],
      });
      expect(categoryOf(result, "cycles").metrics.unresolvedImports).toBe(0);
    },
  );
});

// fixtures/tests/indirect-reach: vitest's setupFiles names src/setup-tests.ts; src/test-utils.ts imports vitest and
// src/matchers.ts jest-diff, src/mock-handlers.ts msw;
// test/worker.test.ts hands "./src/worker/index.ts" to a dev server (no import); src/__tests__/plugins/terser.spec.ts
// imports only a type from src/plugins/terser.ts; src/untested.ts is reached by nothing.
describe("tests that reach modules without a runtime import", () => {
  it("reads setup files and test helpers as tests, follows paths handed to loaders, and counts a namesake spec", async () => {
    const result = await scanFixture("tests/indirect-reach");
    expect(categoryOf(result, "tests").metrics).toMatchObject({
      sourceFiles: 3,
      testFiles: 6,
      directlyTested: 1,
      transitivelyTested: 1,
      untested: ["src/untested.ts"],
    });
    const scopes = Object.fromEntries(
      result.files.scopes.flatMap((scope) => scope.files.map((file) => [file, scope.why])),
    );
    expect(scopes["src/setup-tests.ts"]).toBe(
      "vitest loads it before the tests: src/setup-tests.ts (vitest.config.ts)",
    );
    expect(scopes["src/test-utils.ts"]).toBe("test support: it imports vitest");
    expect(scopes["src/matchers.ts"]).toBe("test support: it imports jest-diff");
    expect(scopes["src/mock-handlers.ts"]).toBe("test support: it imports msw");
    expect(findingsOf(result, "docs/exported-symbol-doc")).toEqual([]);
    expect(categoryOf(result, "docs").metrics).toMatchObject({ exportedSymbols: 4 });
  });
});

// fixtures/tests/path-loads: transforms/__tests__/rename-import-test.js calls jscodeshift's
// defineTest(__dirname, "rename-import"), which loads transforms/rename-import.js; test/rules.test.js loads
// src/tokens.js through a helper load(name) = require(path.join(__dirname, "..", "src", name)) and
// src/rules/{max-lines,no-any}.js in a loop over their names, and mocks src/network.js by require.resolve.
// transforms/unused-transform.js and src/orphan.js are loaded by nothing.
describe("tests that load modules by a path they build", () => {
  it("reach them directly, as imports; a mocked module and an unnamed one stay untested", async () => {
    const result = await scanFixture("tests/path-loads");
    expect(categoryOf(result, "tests").metrics).toMatchObject({
      sourceFiles: 7,
      testFiles: 2,
      directlyTested: 4,
      transitivelyTested: 0,
      untested: ["src/network.js", "src/orphan.js", "transforms/unused-transform.js"],
    });
    expect(categoryOf(result, "cycles").metrics.unresolvedImports).toBe(0);
  });
});
