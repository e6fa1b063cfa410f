import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { HistoryFact } from "../../../src/facts/history/index.js";
import { rankHotspots } from "../../../src/facts/history/hotspots.js";
import { parseModule } from "../../../src/facts/modules/parse.js";
import type { TestMapFact } from "../../../src/facts/tests/index.js";
import { fixturePath } from "../../helpers/fixtures.js";

const PATHS = ["src/feature-flags.ts", "src/resolve-port.ts"];
const modules = PATHS.map((path) =>
  parseModule(path, "source", readFileSync(fixturePath(`interfaces/complexity-iife/${path}`), "utf8")),
);
const history: HistoryFact = {
  status: "ok",
  window: { since: "2025-01-01", until: "2026-01-01", length: "12 months" },
  commits: 5,
  isShallow: false,
  files: new Map(PATHS.map((path) => [path, { commits: 5, authors: 1, lastChange: "2025-12-01" }])),
  changeSets: [],
};
const tests: TestMapFact = {
  mode: "mapped",
  testable: PATHS,
  direct: new Set(PATHS),
  transitive: new Set(),
  e2e: new Map(),
  runners: [],
  coverage: null,
  lineCoverage: null,
};

// The complexity-iife fixture (see test/rules/interfaces/complexity-iife.test.ts).
describe("hotspots fact: immediately invoked function expressions", () => {
  it("names the functions an IIFE holds as the ones to split, and counts a nested IIFE's branches in its host", () => {
    const hotspots = rankHotspots(history, modules, tests);
    expect(
      hotspots.map(({ file, complexity, isComplex, complexFunctions }) => [
        file,
        complexity,
        isComplex,
        complexFunctions,
      ]),
    ).toEqual([
      // The file's complexity is every function's, the IIFE's 16 with isOn's 16.
      ["src/feature-flags.ts", 32, true, ["isOn (16)"]],
      ["src/resolve-port.ts", 18, true, ["resolvePort (17)"]],
    ]);
  });

  it("takes a long module of code for complex, and a long module of literal data with a helper for not", () => {
    const codes = Array.from({ length: 600 }, (_, index) => `  | "code-${index}"`);
    const dataModule = parseModule(
      "src/codes.ts",
      "source",
      [
        "export type Code =",
        ...codes,
        "  | (string & {});",
        "export const isCode = (value: string): boolean => value !== '';",
      ].join("\n"),
    );
    const router = parseModule(
      "src/router.ts",
      "source",
      readFileSync(fixturePath("interfaces/max-file-lines-data/src/router.ts"), "utf8"),
    );
    const files = new Map(
      [dataModule, router].map((module) => [module.path, { commits: 5, authors: 1, lastChange: "2025-12-01" }]),
    );
    const hotspots = rankHotspots({ ...history, files }, [dataModule, router], tests);
    // codes.ts: 602 lines, 600 of them literal; router.ts: 583 lines, 302 of 563 non-blank literal.
    expect(hotspots.map(({ file, isComplex }) => [file, isComplex])).toEqual([
      ["src/router.ts", true],
      ["src/codes.ts", false],
    ]);
  });
});
