import { describe, expect, it } from "vitest";
import { discover } from "../../../src/discover/index.js";
import type { PackageFact } from "../../../src/facts/context/packages.js";
import { readPackages } from "../../../src/facts/context/packages.js";
import { readProject, type VitestConfig } from "../../../src/facts/context/project.js";
import {
  argsForScript,
  findScriptFor,
  findTestScript,
  readWatch,
  runOnceAlternative,
  watchModeOf,
  watchModeOfCommand,
} from "../../../src/facts/context/tooling.js";
import { copyFixture } from "../../helpers/fixtures.js";

const DEFAULTS = { ignore: [], classify: {}, maxFileSize: 1024 * 1024 };

function manifest(scripts: Record<string, string>, dir = ""): PackageFact {
  return {
    dir,
    name: "example",
    description: null,
    type: null,
    isPrivate: true,
    exports: null,
    entryPoints: [],
    scripts,
    dependencies: [],
    bins: [],
    binFiles: {},
    keys: ["scripts"],
    scriptsLine: 1,
    packageManager: null,
  };
}

describe("watch mode of a script", () => {
  it.each([
    ["vitest --watch", "always"],
    ["vitest watch", "always"],
    ["vitest dev", "always"],
    ["vitest --ui", "always"],
    ["jest --watch", "always"],
    ["jest --watchAll", "always"],
    ["tsc --noEmit -w", "always"],
    ["tsc -b --watch", "always"],
    ["mocha -w", "always"],
    ["node --test --watch", "always"],
    ["tsx watch src/index.ts", "always"],
    ["cross-env NODE_ENV=test vitest --watch", "always"],
    ["vitest", "terminal"],
    ["vitest --coverage", "terminal"],
    ["npx vitest src/", "terminal"],
    ["vitest run", null],
    ["vitest --run", null],
    ["vitest --watch=false", null],
    ["vitest --watch false", null],
    ["vitest --no-watch", null],
    ["vitest --watch true", "always"],
    ["vitest -- --watch false", "terminal"],
    ["jest --watch false", null],
    ["jest -- --watch", null],
    ["vitest list", null],
    ["jest", null],
    ["jest --watchAll=false", null],
    ["tsc --noEmit", null],
    ["prettier -w .", null],
    ["pnpm -w run build", null],
  ])("`%s` is %s", (script, mode) => {
    expect(watchModeOf(manifest({ test: script }), "test")).toBe(mode);
  });

  it("follows the scripts a script runs, with the arguments passed on", () => {
    const pkg = manifest({
      "test:app": "vitest",
      test: "yarn test:app",
      "test:all": "yarn lint && yarn test:app --watch=false",
      "test:live": "npm run test:app -- --watch",
      lint: "eslint .",
    });
    expect(watchModeOf(pkg, "test")).toBe("terminal");
    expect(watchModeOf(pkg, "test:all")).toBeNull();
    expect(watchModeOf(pkg, "test:live")).toBe("always");
    expect(watchModeOfCommand(pkg, "$ pnpm vitest run src/a.test.ts")).toBeNull();
    expect(watchModeOfCommand(pkg, "cd app && yarn test")).toBe("terminal");
  });

  describe("what each package manager passes on after a script's name", () => {
    it.each([
      ["npm", ["--watch", "false", "src/a.test.ts"], ["src/a.test.ts"]],
      ["npm", ["--", "--watch", "false"], ["--watch", "false"]],
      ["pnpm", ["--", "--watch", "false"], ["--", "--watch", "false"]],
      ["pnpm", ["--watch", "false"], ["--watch", "false"]],
      ["yarn", ["--", "--watch", "false"], ["--watch", "false"]],
      ["bun", ["--", "--watch", "false"], ["--watch", "false"]],
    ])("%s given %j passes %j", (manager, words, passed) => {
      expect(argsForScript(manager, words)).toEqual(passed);
    });

    it("passes the `--` on under yarn 2 and later", () => {
      expect(argsForScript("yarn", ["--", "--watch", "false"], true)).toEqual(["--", "--watch", "false"]);
    });

    // test is a bare vitest: it watches in a terminal unless `--watch false` reaches it as an option.
    const pkg = manifest({ test: "vitest" });
    it.each([
      ["pnpm test -- --watch false", "terminal", ["--watch", "false"], []],
      ["pnpm run test -- --watch=false", "terminal", ["--watch=false"], []],
      ["pnpm test --watch false", null, [], []],
      ["npm test -- --watch false", null, [], []],
      ["npm test --watch false", "terminal", [], ["--watch", "false"]],
      ["yarn test -- --watch false", null, [], []],
      ["bun run test -- --no-watch", null, [], []],
      // Whether npx hands vitest the `--` is not known: taken as not.
      ["npx vitest -- --watch false", null, [], []],
    ])("`%s` is %s", (command, mode, ignored, consumed) => {
      expect(readWatch(pkg, command)).toEqual({ mode, ignored, consumed });
    });

    it("reads `yarn test -- --watch false` as a watcher under yarn 2 and later", () => {
      expect(readWatch(pkg, "yarn test -- --watch false", [], true)).toEqual({
        mode: "terminal",
        ignored: ["--watch", "false"],
        consumed: [],
      });
    });
  });

  it("takes a bare vitest as running once when the package's vitest config sets watch: false", () => {
    const configs: VitestConfig[] = [
      { path: "packages/a/vitest.config.ts", dir: "packages/a", isTypecheckEnabled: false, isWatchOff: true },
    ];
    expect(watchModeOf(manifest({ test: "vitest" }, "packages/a"), "test", configs)).toBeNull();
    expect(watchModeOf(manifest({ test: "vitest" }, "packages/b"), "test", configs)).toBe("terminal");
  });
});

describe("the feedback loop's test step", () => {
  it("prefers `test` that runs once, then other run-once scripts, then a bare vitest, then an end-to-end suite", () => {
    expect(findScriptFor("test", [manifest({ "test:watch": "vitest --watch", test: "vitest run" })])).toEqual({
      dir: "",
      name: "test",
    });
    expect(
      findScriptFor("test", [manifest({ test: "yarn test:app", "test:app": "vitest", "test:all": "vitest run" })]),
    ).toEqual({
      dir: "",
      name: "test:all",
    });
    expect(findScriptFor("test", [manifest({ "test:e2e": "playwright test", test: "vitest" })])).toEqual({
      dir: "",
      name: "test",
    });
    expect(findScriptFor("test", [manifest({ "test:e2e": "playwright test", test: "jest --watch" })])).toEqual({
      dir: "",
      name: "test:e2e",
    });
    expect(findScriptFor("test", [manifest({ test: "jest --watch" })])).toBeNull();
  });

  it("offers a run-once script of the same tool in place of a watcher", () => {
    const pkg = manifest({
      "test:e2e": "playwright test",
      "test:watch": "vitest --watch",
      "typecheck:watch": "tsc --noEmit -w",
      check: "tsc --noEmit",
      "test:once": "vitest run",
    });
    expect(runOnceAlternative(pkg, "vitest")).toBe("test:once");
    expect(runOnceAlternative(pkg, "tsc")).toBe("check");
    expect(runOnceAlternative(pkg, "jest")).toBeNull();
  });
});

describe("a package's test script, as the tests category takes it", () => {
  it("reads names as the test step does, and counts a watcher and an end-to-end suite", () => {
    expect(findTestScript(manifest({ "test:lint": "eslint .", "test:types": "tsc --noEmit" }))).toBeNull();
    expect(findTestScript(manifest({ "test:lint": "eslint .", "test:unit": "vitest run" }))).toBe("test:unit");
    expect(findTestScript(manifest({ "test:watch": "vitest --watch", test: "vitest run" }))).toBe("test");
    expect(findTestScript(manifest({ test: 'echo "Error: no test specified" && exit 1', check: "vitest run" }))).toBe(
      "check",
    );
    // The test step wants a script that runs once; the package's tests are there all the same.
    expect(findTestScript(manifest({ "test:watch": "jest --watch" }))).toBe("test:watch");
    expect(findScriptFor("test", [manifest({ "test:watch": "jest --watch" })])).toBeNull();
    expect(findTestScript(manifest({ "test:e2e": "playwright test" }))).toBe("test:e2e");
  });
});

describe("the lint and type-check steps", () => {
  it("take the root's scripts, by name or by the tool they run, before a sub-package's", () => {
    const web = manifest({ lint: "eslint src", typecheck: "tsc --noEmit" }, "packages/web");
    const root = manifest({ check: "eslint . && prettier --check .", "check:ts": "tsc --noEmit -p ." });
    expect(findScriptFor("lint", [web, root])).toEqual({ dir: "", name: "check" });
    expect(findScriptFor("typecheck", [web, root])).toEqual({ dir: "", name: "check:ts" });
    expect(findScriptFor("lint", [web, manifest({ build: "tsc" })])).toEqual({ dir: "packages/web", name: "lint" });
  });

  it("read test:lint, test:eslint and check:lint as lint scripts, and neither they nor test:types as the tests", () => {
    const pkg = manifest({
      "test:eslint": "eslint .",
      "test:lint": "biome lint .",
      "test:types": "tsc --noEmit",
      "test:unit": "vitest run",
    });
    expect(findScriptFor("lint", [pkg])).toEqual({ dir: "", name: "test:eslint" });
    expect(findScriptFor("lint", [manifest({ "check:lint": "oxlint" })])).toEqual({ dir: "", name: "check:lint" });
    expect(findScriptFor("typecheck", [pkg])).toEqual({ dir: "", name: "test:types" });
    expect(findScriptFor("test", [pkg])).toEqual({ dir: "", name: "test:unit" });
  });
});

describe("scripts that type-check on the way", () => {
  // fixtures/context/feedback-loop/typecheck-scripts: root "check" runs tsc on a noEmit config; packages/flag runs
  // `vitest run --typecheck`; packages/config's vitest.config.ts sets `typecheck: true` (and `watch: false`), so its
  // test and test:watch type-check, not its `vitest bench`; packages/named-config's test:types names a config with
  // typecheck enabled, its default config has none; packages/off's vite.config.ts turns typecheck off (and on only
  // in a comment), and `--typecheck=false` is off; packages/tsc-test's test runs tsc, its test:types-watch `tsc -w`.
  it("finds tsc on a noEmit config, vitest with typecheck on, and tsc inside a test script", async () => {
    const root = await copyFixture("context/feedback-loop/typecheck-scripts");
    const inventory = await discover(root, DEFAULTS);
    const packages = await readPackages(
      root,
      inventory.packageRoots,
      new Set(inventory.files.map((file) => file.path)),
    );
    const project = await readProject(inventory, packages.packages);
    expect(project.vitestConfigs).toEqual([
      { path: "packages/config/vitest.config.ts", dir: "packages/config", isTypecheckEnabled: true, isWatchOff: true },
      {
        path: "packages/named-config/vitest.config.ts",
        dir: "packages/named-config",
        isTypecheckEnabled: false,
        isWatchOff: false,
      },
      {
        path: "packages/named-config/vitest.types.config.ts",
        dir: "packages/named-config",
        isTypecheckEnabled: true,
        isWatchOff: false,
      },
      { path: "packages/off/vite.config.ts", dir: "packages/off", isTypecheckEnabled: false, isWatchOff: false },
    ]);
    expect(project.typecheckScripts).toEqual([
      { dir: "", name: "check" },
      { dir: "packages/config", name: "test" },
      { dir: "packages/config", name: "test:watch" },
      { dir: "packages/flag", name: "test" },
      { dir: "packages/named-config", name: "test:types" },
      { dir: "packages/tsc-test", name: "test" },
    ]);
  });
});
