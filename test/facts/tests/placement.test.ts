import { describe, expect, it } from "vitest";
import { createPlacement, learnTemplates, nextRouted } from "../../../src/facts/tests/placement.js";

describe("Next.js routes, read exactly", () => {
  it.each([
    // Pages Router: every file of pages/, or of src/pages/ when the root has none.
    ["src/pages/about.tsx", [], true],
    ["src/pages/__tests__/about.test.tsx", [], true],
    ["pages/about.tsx", ["pages"], true],
    ["src/pages/legacy.tsx", ["pages"], false],
    // App Router: only page.* and route.* are routes; components and tests beside them are not.
    ["src/app/dashboard/page.tsx", [], true],
    ["src/app/api/route.ts", [], true],
    ["src/app/dashboard/__tests__/page.test.tsx", [], false],
    ["src/app/pages/dashboard.tsx", [], false],
    ["src/app/page.tsx", ["app"], false],
    ["app/page.tsx", ["app"], true],
  ])("%s (root folders %j): %s", (path, roots, expected) => {
    expect(nextRouted(path, (folder) => roots.includes(folder))).toBe(expected);
  });
});

describe("a package's mirror templates", () => {
  const isTestOf = (test: string, source: string) => `${test}>${source}` !== "test/index.test.ts>lib/index.ts";
  it("ranks each namesake pair's relation by the sources it maps to a test that imports them", () => {
    const sources = ["src/utils/deepEqual.ts", "src/utils/json.ts", "src/logic/merge.ts", "src/useForm.ts"];
    const tests = [
      "src/__tests__/utils/deepEqual.test.ts",
      "src/__tests__/logic/merge.test.ts",
      "src/__tests__/useForm.test.ts",
    ];
    expect(learnTemplates(sources, tests, isTestOf)).toEqual([
      { from: "src", to: "src/__tests__", child: "", mapped: 3, folders: ["src/utils", "src/logic", "src"] },
      { from: "", to: "", child: "__tests__", mapped: 1, folders: ["src"] },
    ]);
  });

  it("leaves out a namesake that does not import its source", () => {
    expect(learnTemplates(["lib/index.ts"], ["test/index.test.ts"], isTestOf)).toEqual([]);
  });
});

describe("the proposed test file", () => {
  it("takes the habit of the code nearest to the module, not the template that maps most files", () => {
    // zod's shape: locales mirrored into core/tests/locales/ (2 files), core's own tests in core/tests/ (1 file).
    const modules = [
      ...["src/locales/en.ts", "src/locales/fr.ts", "src/core/parse.ts", "src/core/config.ts"].map((path) => ({
        path,
        kind: "source",
      })),
      ...["src/core/tests/locales/en.test.ts", "src/core/tests/locales/fr.test.ts", "src/core/tests/parse.test.ts"].map(
        (path) => ({ path, kind: "test" }),
      ),
    ];
    const edges = [
      { from: "src/core/tests/locales/en.test.ts", to: "src/locales/en.ts" },
      { from: "src/core/tests/locales/fr.test.ts", to: "src/locales/fr.ts" },
      { from: "src/core/tests/parse.test.ts", to: "src/core/parse.ts" },
    ];
    const placement = createPlacement({
      modules,
      packages: [{ dir: "", dependencies: [] }],
      paths: modules.map((module) => module.path),
      runners: [],
      edges,
    });
    expect(placement.propose("src/core/config.ts")).toEqual({
      testFile: "src/core/tests/config.test.ts",
      exists: false,
    });
    expect(placement.propose("src/locales/de.ts")).toEqual({
      testFile: "src/core/tests/locales/de.test.ts",
      exists: false,
    });
    // Its namesake test is there: the test goes in it.
    expect(placement.propose("src/core/parse.ts")).toEqual({ testFile: "src/core/tests/parse.test.ts", exists: true });
  });

  it("names a runner's literal file name for a folder's index module (date-fns's src/**/test.ts)", () => {
    const placement = createPlacement({
      modules: [{ path: "src/addDays/index.ts", kind: "source" }],
      packages: [{ dir: "", dependencies: [] }],
      paths: ["src/addDays/index.ts", "vitest.config.ts"],
      runners: [
        {
          runner: "vitest",
          config: "vitest.config.ts",
          dir: "",
          include: ["src/**/test.ts"],
          exclude: [],
          regexes: [],
          scope: [""],
        },
      ],
      edges: [],
    });
    expect(placement.propose("src/addDays/index.ts")).toEqual({ testFile: "src/addDays/test.ts", exists: false });
  });
});
