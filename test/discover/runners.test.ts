import { describe, expect, it } from "vitest";
import { nodeTestGlobs, readTestRunners, withoutExtglobs, type RunnerTests } from "../../src/discover/runners.js";
import { temporaryDir } from "../helpers/fixtures.js";
import { writeFiles } from "../helpers/git.js";

/** Why a runner's configuration makes `path` a test, or null. */
function why(runners: RunnerTests, path: string): string | null {
  const found = runners.match(path);
  return found?.kind === "test" ? found.why : null;
}

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
    expect(why(runners, "packages/api/checks/db/pool.check.js")).toBe(
      "jest runs it: packages/api/checks/**/*.check.js (packages/api/jest.config.js)",
    );
    expect(why(runners, "packages/api/src/pool.js")).toBeNull();
    expect(why(runners, "packages/web/specs/button.js")).toBe(
      "jest runs it: testRegex /specs/.*\\.js$ (packages/web/package.json#jest)",
    );
    // A package's testRegex covers that package only.
    expect(why(runners, "packages/api/specs/pool.js")).toBeNull();
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
    expect(why(runners, "checks/a/b.js")).toBe("mocha runs it: checks/**/*.js (.mocharc.json)");
    expect(why(runners, "verify/sum.js")).toBe("ava runs it: verify/**/* (package.json#ava)");
    expect(why(runners, "verify/helpers/make.js")).toBeNull();
    expect(why(runners, "e2e/flows/login/sign-in.flow.ts")).toBe(
      "playwright runs it: e2e/flows/**/*.flow.ts (e2e/playwright.config.ts)",
    );
    expect(why(runners, "e2e/pages/login.ts")).toBeNull();
    expect(why(runners, "unit/x/y.mjs")).toBe("node runs it: unit/**/*.mjs (package.json#scripts.test:node)");
  });

  it("takes only literal values: a computed include leaves the conventions in charge", async () => {
    const runners = await runnersOf({
      "vitest.config.ts": `const dirs = ["src"]; export default { test: { include: dirs.map((d) => d + "/**/t.ts") } };`,
    });
    expect(runners.patterns).toEqual([]);
    expect(why(runners, "src/a/t.ts")).toBeNull();
  });

  it("reads vitest globs only under test (not coverage), relative to the config's folder and root", async () => {
    const runners = await runnersOf({
      "packages/core/vitest.config.mts": `export default defineConfig({ test: { root: "lib", include: ["**/check.ts"], exclude: ["**/slow/**"], coverage: { include: ["**/*.ts"] } } });`,
    });
    expect(why(runners, "packages/core/lib/a/check.ts")).toBe(
      "vitest runs it: packages/core/lib/**/check.ts (packages/core/vitest.config.mts)",
    );
    expect(why(runners, "packages/core/lib/slow/check.ts")).toBeNull();
    expect(why(runners, "packages/core/lib/a/index.ts")).toBeNull();
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
    expect(why(runners, "packages/ui/support/matchers.ts")).toBe(
      "jest loads it before the tests: packages/ui/support/matchers (packages/ui/jest.config.cjs)",
    );
    // A package name (jest-canvas-mock) is not a file of the repository.
    expect(why(runners, "packages/ui/jest-canvas-mock.js")).toBeNull();
  });
});

describe("setup files named by a path built from the config's folder", () => {
  // trpc's vitest.config.ts: setupFiles: [__dirname + '/packages/tests/suppressActWarnings.ts']. The other shapes of
  // the same path, and a path built from a variable (not read), beside it.
  it("reads __dirname + '/x', a template, and path.join/resolve(__dirname, …) as files beside the config", async () => {
    const runners = await runnersOf({
      "vitest.config.ts": [
        'import path, { resolve } from "node:path";',
        "const elsewhere = process.cwd();",
        "export default {",
        "  test: {",
        "    setupFiles: [",
        "      __dirname + '/packages/tests/suppress.ts',",
        "      `${__dirname}/packages/tests/clock.ts`,",
        "      path.join(__dirname, 'packages', 'tests', 'fetch.ts'),",
        "      resolve(import.meta.dirname, 'packages/tests/dom.ts'),",
        "      elsewhere + '/packages/tests/unknown.ts',",
        "    ],",
        "  },",
        "};",
      ].join("\n"),
    });
    for (const name of ["suppress", "clock", "fetch", "dom"]) {
      expect(why(runners, `packages/tests/${name}.ts`)).toBe(
        `vitest loads it before the tests: packages/tests/${name}.ts (vitest.config.ts)`,
      );
    }
    expect(why(runners, "packages/tests/unknown.ts")).toBeNull();
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
    expect(why(first, "checks/a.ts")).not.toBeNull();
    expect(stored.size).toBe(1);
    // The file now says something else, but its blob id is the same: the cached patterns are used.
    await writeFiles(root, { "vitest.config.ts": `export default { test: { include: ["other/**/*.ts"] } };` });
    const second = await readTestRunners(root, ["vitest.config.ts"], { blobs, cache });
    expect(why(second, "checks/a.ts")).toBe("vitest runs it: checks/**/*.ts (vitest.config.ts)");
    // Without a blob id (modified or untracked), the file is read again.
    const third = await readTestRunners(root, ["vitest.config.ts"], {
      blobs: new Map([["vitest.config.ts", null]]),
      cache,
    });
    expect(why(third, "checks/a.ts")).toBeNull();
    expect(why(third, "other/a.ts")).toBe("vitest runs it: other/**/*.ts (vitest.config.ts)");
  });
});

describe("jest's roots and inline projects", () => {
  it("reads an inline project's rootDir from the folder jest runs in, and collects under its roots only", async () => {
    // react-hook-form's shape: `jest --config ./scripts/jest/jest.config.js` from the root, projects built in the file.
    const runners = await runnersOf({
      "package.json": JSON.stringify({
        name: "forms",
        scripts: { test: "jest --config ./scripts/jest/jest.config.js" },
      }),
      "scripts/jest/jest.config.js": `const shared = { rootDir: ".", roots: ["<rootDir>/src"] };
const web = { ...shared, testMatch: ["**/__tests__/**/*.(spec|test).ts?(x)"], setupFilesAfterEnv: ["<rootDir>/scripts/jest/setup.ts"] };
module.exports = { projects: [web] };`,
    });
    expect(why(runners, "src/__tests__/utils/deepEqual.test.ts")).toBe(
      "jest runs it: src/**/__tests__/**/*.(spec|test).ts{,x} (scripts/jest/jest.config.js)",
    );
    expect(why(runners, "e2e/__tests__/flow.test.ts")).toBeNull();
    expect(why(runners, "scripts/jest/setup.ts")).toBe(
      "jest loads it before the tests: scripts/jest/setup.ts (scripts/jest/jest.config.js)",
    );
    expect(runners.facts.patterns).toEqual([
      {
        runner: "jest",
        config: "scripts/jest/jest.config.js",
        dir: "scripts/jest",
        include: ["src/**/__tests__/**/*.(spec|test).ts{,x}"],
        exclude: [],
        regexes: [],
        scope: ["src"],
      },
    ]);
  });

  it("reads a top-level rootDir from the config's folder, and gives a config naming no tests jest's defaults", async () => {
    const runners = await runnersOf({
      "config/jest.config.js": `module.exports = { rootDir: "..", roots: ["<rootDir>/lib"] };`,
    });
    expect(runners.facts.patterns).toEqual([
      {
        runner: "jest",
        config: "config/jest.config.js",
        dir: "config",
        include: ["lib/**/__tests__/**/*.{,[mc]}[jt]s{,x}", "lib/**/{,*.}{spec,test}.{,[mc]}[jt]s{,x}"],
        exclude: [],
        regexes: [],
        scope: ["lib"],
      },
    ]);
  });
});

describe("the apps e2e runners serve", () => {
  it("follows a playwright webServer list, with cwd and a template command, when the config has tests", async () => {
    const runners = await runnersOf({
      "package.json": JSON.stringify({ name: "forms", scripts: { start: "cd ./app && npm run dev" } }),
      "app/package.json": JSON.stringify({ name: "app", scripts: { dev: "vite" }, dependencies: { forms: "file:.." } }),
      "app/index.html": `<script type="module" src="/src/main.ts"></script>`,
      "app/src/main.ts": "",
      "site/package.json": JSON.stringify({ name: "site", scripts: { dev: "vite" } }),
      "site/src/page.ts": "",
      "e2e/form.spec.ts": "",
      "playwright.config.ts": `const PORT = 3000;
export default { testDir: "./e2e", webServer: [{ command: "npm start" }, { command: \`npm run dev -- --port \${PORT}\`, cwd: "site" }] };`,
      "empty/playwright.config.ts": `export default { testDir: "./specs", webServer: { command: "npm run dev" } };`,
    });
    expect(runners.facts.served).toEqual([
      {
        runner: "playwright",
        config: "playwright.config.ts",
        command: "npm start",
        cwd: "",
        dir: "app",
        harness: "it depends on forms by file:..",
        entries: ["app/src/main.ts"],
      },
      {
        runner: "playwright",
        config: "playwright.config.ts",
        command: "npm run dev -- --port ${PORT}",
        cwd: "site",
        dir: "site",
        harness: null,
        entries: ["site/src/page.ts"],
      },
    ]);
    expect(runners.match("app/src/main.ts")).toEqual({
      kind: "fixture",
      why: "an app e2e tests drive: playwright serves it (playwright.config.ts: npm start) and it depends on forms by file:..",
    });
    expect(runners.match("site/src/page.ts")).toBeNull();
  });

  it("reads cypress specs and support, and a local baseUrl served by the package's dev script", async () => {
    const runners = await runnersOf({
      "web/package.json": JSON.stringify({
        name: "web",
        scripts: { dev: "next dev", e2e: "cypress run" },
        dependencies: { next: "15.0.0" },
      }),
      "web/cypress.config.ts": `export default defineConfig({ e2e: { baseUrl: "http://localhost:3000", specPattern: "cypress/flows/**/*.cy.ts" } });`,
      "web/cypress/flows/login.cy.ts": "",
      "web/cypress/support/e2e.ts": "",
      "web/pages/index.tsx": "",
      "web/pages/api/user.ts": "",
      "web/components/header.tsx": "",
    });
    expect(why(runners, "web/cypress/flows/login.cy.ts")).toBe(
      "cypress runs it: web/cypress/flows/**/*.cy.ts (web/cypress.config.ts)",
    );
    expect(why(runners, "web/cypress/support/e2e.ts")).toBe(
      "cypress loads it before the tests: web/cypress/support/e2e.{js,jsx,ts,tsx} (web/cypress.config.ts)",
    );
    // A Next.js app's server loads its routes; a component is reached through them.
    expect(runners.facts.served).toEqual([
      {
        runner: "cypress",
        config: "web/cypress.config.ts",
        command: "npm run dev",
        cwd: "web",
        dir: "web",
        harness: null,
        entries: ["web/pages/api/user.ts", "web/pages/index.tsx"],
      },
    ]);
  });
});
