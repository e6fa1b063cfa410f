import { describe, expect, it } from "vitest";
import { nodeTestGlobs, readTestRunners, withoutExtglobs } from "../../src/discover/runners.js";
import { temporaryDir } from "../helpers/fixtures.js";
import { writeFiles } from "../helpers/git.js";

async function runnersOf(files: Record<string, string>) {
  const root = await temporaryDir();
  await writeFiles(root, files);
  return readTestRunners(root, Object.keys(files));
}

describe("test runners' own configuration", () => {
  it("reads jest testMatch with <rootDir> and testRegex, in a config file and in package.json", async () => {
    const runners = await runnersOf({
      "packages/api/jest.config.js": `module.exports = { testMatch: ["<rootDir>/checks/**/*.check.js"], collectCoverageFrom: ["src/**"] };`,
      "packages/web/package.json": JSON.stringify({ name: "web", jest: { testRegex: "/specs/.*\\.js$" } }),
    });
    expect(runners.match("packages/api/checks/db/pool.check.js")).toBe(
      "jest runs it: packages/api/checks/**/*.check.js (packages/api/jest.config.js)",
    );
    expect(runners.match("packages/api/src/pool.js")).toBeNull();
    expect(runners.match("packages/web/specs/button.js")).toBe(
      "jest runs it: testRegex /specs/.*\\.js$ (packages/web/package.json#jest)",
    );
    // A package's testRegex covers that package only.
    expect(runners.match("packages/api/specs/pool.js")).toBeNull();
  });

  it("reads mocha spec, ava files with negations, playwright testDir and testMatch, node --test arguments", async () => {
    const runners = await runnersOf({
      ".mocharc.json": JSON.stringify({ spec: ["checks/**/*.js"] }),
      "package.json": JSON.stringify({
        name: "root",
        ava: { files: ["verify/**/*", "!verify/helpers/**"] },
        scripts: { "test:node": "node --test 'unit/**/*.mjs' && echo done" },
      }),
      "e2e/playwright.config.ts": `export default { testDir: "./flows", testMatch: "*.flow.ts" };`,
    });
    expect(runners.match("checks/a/b.js")).toBe("mocha runs it: checks/**/*.js (.mocharc.json)");
    expect(runners.match("verify/sum.js")).toBe("ava runs it: verify/**/* (package.json#ava)");
    expect(runners.match("verify/helpers/make.js")).toBeNull();
    expect(runners.match("e2e/flows/login/sign-in.flow.ts")).toBe(
      "playwright runs it: e2e/flows/**/*.flow.ts (e2e/playwright.config.ts)",
    );
    expect(runners.match("e2e/pages/login.ts")).toBeNull();
    expect(runners.match("unit/x/y.mjs")).toBe("node runs it: unit/**/*.mjs (package.json#scripts.test:node)");
  });

  it("takes only literal values: a computed include leaves the conventions in charge", async () => {
    const runners = await runnersOf({
      "vitest.config.ts": `const dirs = ["src"]; export default { test: { include: dirs.map((d) => d + "/**/t.ts") } };`,
    });
    expect(runners.patterns).toEqual([]);
    expect(runners.match("src/a/t.ts")).toBeNull();
  });

  it("reads vitest globs only under test (not coverage), relative to the config's folder and root", async () => {
    const runners = await runnersOf({
      "packages/core/vitest.config.mts": `export default defineConfig({ test: { root: "lib", include: ["**/check.ts"], exclude: ["**/slow/**"], coverage: { include: ["**/*.ts"] } } });`,
    });
    expect(runners.match("packages/core/lib/a/check.ts")).toBe(
      "vitest runs it: packages/core/lib/**/check.ts (packages/core/vitest.config.mts)",
    );
    expect(runners.match("packages/core/lib/slow/check.ts")).toBeNull();
    expect(runners.match("packages/core/lib/a/index.ts")).toBeNull();
  });

  it("refuses globs and expressions from the repository that could take minutes to match", async () => {
    const runners = await runnersOf({
      "jest.config.json": JSON.stringify({ testMatch: ["**/*a*a*a*a*b.js"], testRegex: "(a+)+$" }),
    });
    expect(runners.patterns).toEqual([]);
    expect(runners.warnings).toEqual([
      'jest.config.json: test glob "**/*a*a*a*a*b.js" left out: more than 3 "*" in one path segment ("*a*a*a*a*b.js") can take minutes to match a long file name; use fewer wildcards',
    ]);
  });

  it.each([
    ["**/*.?(c|m)[jt]s?(x)", "**/*.{,c,m}[jt]s{,x}"],
    ["**/?(*.)+(spec|test).[jt]s?(x)", "**/{,*.}{spec,test}.[jt]s{,x}"],
    ["**/!(helpers)/*.js", null],
  ])("extglob %s → %s", (glob, expected) => {
    expect(withoutExtglobs(glob)).toBe(expected);
  });

  it.each([
    ["node --test", [[]]],
    ["node --experimental-strip-types --test test/*.test.ts", [["test/*.test.ts"]]],
    ["tsc && node --test dist/", [["dist/"]]],
    ["vitest run", []],
  ])("node --test in %j → %j", (script, expected) => {
    expect(nodeTestGlobs(script)).toEqual(expected);
  });
});

describe("runner setup files", () => {
  it("reads jest setupFilesAfterEnv with <rootDir> and a name without extension as test support", async () => {
    const runners = await runnersOf({
      "packages/ui/jest.config.cjs": `module.exports = { setupFilesAfterEnv: ["<rootDir>/support/matchers"], setupFiles: ["jest-canvas-mock"] };`,
    });
    expect(runners.match("packages/ui/support/matchers.ts")).toBe(
      "jest loads it before the tests: packages/ui/support/matchers (packages/ui/jest.config.cjs)",
    );
    // A package name (jest-canvas-mock) is not a file of the repository.
    expect(runners.match("packages/ui/jest-canvas-mock.js")).toBeNull();
  });
});

describe("the runner cache", () => {
  it("reads configs whose blob ids it knows from the cache, and rereads when one has no blob id", async () => {
    const root = await temporaryDir();
    await writeFiles(root, { "vitest.config.ts": `export default { test: { include: ["checks/**/*.ts"] } };` });
    const stored = new Map<string, unknown>();
    const cache = {
      get: (key: string) => stored.get(key),
      set: (key: string, value: unknown) => stored.set(key, value),
    };
    const blobs = new Map([["vitest.config.ts", "a".repeat(40)]]);
    const first = await readTestRunners(root, ["vitest.config.ts"], { blobs, cache });
    expect(first.match("checks/a.ts")).not.toBeNull();
    expect(stored.size).toBe(1);
    // The file now says something else, but its blob id is the same: the cached patterns are used.
    await writeFiles(root, { "vitest.config.ts": `export default { test: { include: ["other/**/*.ts"] } };` });
    const second = await readTestRunners(root, ["vitest.config.ts"], { blobs, cache });
    expect(second.match("checks/a.ts")).toBe("vitest runs it: checks/**/*.ts (vitest.config.ts)");
    // Without a blob id (modified or untracked), the file is read again.
    const third = await readTestRunners(root, ["vitest.config.ts"], {
      blobs: new Map([["vitest.config.ts", null]]),
      cache,
    });
    expect(third.match("checks/a.ts")).toBeNull();
    expect(third.match("other/a.ts")).toBe("vitest runs it: other/**/*.ts (vitest.config.ts)");
  });
});
