import { describe, expect, it } from "vitest";
import type { ScanResult } from "../../../src/contract/result.js";
import { categoryOf, findingsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "context/feedback-loop";

describe(RULE, () => {
  it("reports each missing step, naming a linter configured only in package.json", async () => {
    // fixtures/context/feedback-loop/missing: only a start script, eslintConfig in package.json, no lockfile,
    // an empty workflow file, strict: false, and main pointing at dist/ (so TypeScript is built).
    const result = await scanFixture("context/feedback-loop/missing");
    expect(findingsOf(result, RULE).map((finding) => `${finding.file}:${finding.line} ${finding.message}`)).toEqual([
      ".github/workflows/ci.yml:1 .github/workflows/ci.yml is empty",
      "package.json:1 There is no lockfile",
      // Same place: ordered by what each is about (build, lint, test, typecheck).
      "package.json:4 TypeScript is compiled but no script builds it",
      "package.json:4 No script runs a linter (eslint is configured)",
      "package.json:4 No script runs the tests",
      "package.json:4 No script type-checks the TypeScript",
      "tsconfig.json:1 TypeScript is not in strict mode",
    ]);
    expect(categoryOf(result, "context").checks.find((check) => check.ruleId === RULE)).toMatchObject({
      examined: 7,
      failed: 7,
      score: 0,
    });
  });

  it("accepts conventional prefixes, a linter run by its package.json key and script, and a lockfile turned off on purpose", async () => {
    // fixtures/context/feedback-loop/complete: build:esm runs tsc (which type-checks, so it is the type-check step
    // too), test:unit runs ava, "style" runs xo (configured under "xo"), .npmrc says package-lock=false, a CI
    // workflow, strict TypeScript.
    const result = await scanFixture("context/feedback-loop/complete");
    expect(findingsOf(result, RULE)).toEqual([]);
    expect(categoryOf(result, "context").metrics.feedbackLoop).toEqual({
      test: "package.json: test:unit",
      build: "package.json: build:esm",
      lint: "package.json: style",
      typecheck: "package.json: build:esm",
      lockfile: "disabled in .npmrc",
      ci: [".github/workflows/ci.yml"],
      strictTypescript: true,
    });
  });

  describe("the root package's scripts first", () => {
    // fixtures/context/feedback-loop/root-first: the root lints with test:eslint and type-checks with `check`
    // (`tsc --noEmit`), and has test:unit but no test; packages/web has lint, typecheck and test scripts of its own.
    it("takes the root's lint and type-check scripts, by name or by tool, before a sub-package's", async () => {
      const result = await scanFixture("context/feedback-loop/root-first");
      expect(findingsOf(result, RULE)).toEqual([]);
      expect(categoryOf(result, "context").metrics.feedbackLoop).toMatchObject({
        test: "package.json: test:unit",
        lint: "package.json: test:eslint",
        typecheck: "package.json: check",
      });
    });

    // fixtures/context/feedback-loop/sub-package-fallback: the root only tests; packages/web has lint and typecheck.
    it("falls back on a sub-package's script, named with its package", async () => {
      const result = await scanFixture("context/feedback-loop/sub-package-fallback");
      expect(findingsOf(result, RULE)).toEqual([]);
      expect(categoryOf(result, "context").metrics.feedbackLoop).toMatchObject({
        test: "package.json: test",
        lint: "packages/web/package.json: lint",
        typecheck: "packages/web/package.json: typecheck",
      });
    });
  });

  describe("type-check steps a script name does not show", () => {
    // fixtures/context/feedback-loop/vitest-typecheck: "test" runs `vitest run`, and vitest.config.ts enables
    // `typecheck` (its include globs hold `/*`, which is not a comment); the build runs tsup, not tsc.
    it("counts vitest with typecheck enabled in its config", async () => {
      const result = await scanFixture("context/feedback-loop/vitest-typecheck");
      expect(findingsOf(result, RULE)).toEqual([]);
      expect(categoryOf(result, "context").metrics.feedbackLoop.typecheck).toBe("package.json: test");
    });

    // fixtures/context/feedback-loop/vitest-no-typecheck: the same, with `typecheck: { enabled: false }` and the
    // enabled form only in a comment.
    it("does not count a vitest config whose typecheck is off or commented out", async () => {
      const result = await scanFixture("context/feedback-loop/vitest-no-typecheck");
      expect(messagesOf(result)).toEqual(["package.json:4 No script type-checks the TypeScript"]);
      expect(categoryOf(result, "context").metrics.feedbackLoop.typecheck).toBeNull();
    });

    // fixtures/context/feedback-loop/test-runs-tsc: "test" is `tsc && node --test` (tsconfig.json emits), the build
    // runs esbuild.
    it("counts tsc inside the test script", async () => {
      const result = await scanFixture("context/feedback-loop/test-runs-tsc");
      expect(findingsOf(result, RULE)).toEqual([]);
      expect(categoryOf(result, "context").metrics.feedbackLoop.typecheck).toBe("package.json: test");
    });
  });

  describe("watch mode", () => {
    // fixtures/context/feedback-loop/watch: scripts in this order: test:watch (`vitest --watch`), test:dev (a bare
    // `vitest`), test (`vitest run`), typecheck:watch (`tsc --noEmit -w`), typecheck (`tsc --noEmit`). AGENTS.md
    // lists test:watch (line 3), test (4), test:dev (5), typecheck:watch (6) and `npx vitest run <file>` (7);
    // README.md names test:watch too, for people.
    it("records the run-once scripts as the steps, and reports the watchers an agent file tells agents to run", async () => {
      const result = await scanFixture("context/feedback-loop/watch");
      expect(categoryOf(result, "context").metrics.feedbackLoop).toMatchObject({
        test: "package.json: test",
        typecheck: "package.json: typecheck",
      });
      const watching = findingsOf(result, RULE).map((finding) => [
        `${finding.file}:${finding.line}:${finding.column}`,
        finding.message,
        finding.fix,
      ]);
      const fix = (command: string): string =>
        `Tell agents to run \`${command}\` instead: an agent waits for its command to finish, and a watcher never does.`;
      expect(watching).toEqual([
        [
          "AGENTS.md:3:4",
          "AGENTS.md tells agents to run `npm run test:watch`, which watches for changes and never exits",
          fix("npm test"),
        ],
        [
          "AGENTS.md:5:4",
          "AGENTS.md tells agents to run `npm run test:dev`, which runs vitest in watch mode in a terminal",
          fix("npm test"),
        ],
        [
          "AGENTS.md:6:4",
          "AGENTS.md tells agents to run `npm run typecheck:watch`, which watches for changes and never exits",
          fix("npm run typecheck"),
        ],
      ]);
      // One step (the agent files' commands), failed once across its three findings.
      expect(categoryOf(result, "context").checks.find((check) => check.ruleId === RULE)).toMatchObject({
        examined: 8,
        failed: 1,
      });
    });

    // fixtures/context/feedback-loop/watch-dashes: pnpm (packageManager), "test" is a bare `vitest`. AGENTS.md lines 5-10
    // turn watch mode off: with and without pnpm's `--`, with a file filter, `--no-watch`, and with npm.
    it("reads `--watch false` as no watch, and reports it where the `--` pnpm passes on (or npm's own option parsing) keeps it from vitest", async () => {
      const result = await scanFixture("context/feedback-loop/watch-dashes");
      const fix = (command: string): string =>
        `Tell agents to run \`${command}\` instead: an agent waits for its command to finish, and a watcher never does.`;
      expect(
        findingsOf(result, RULE).map((finding) => [`${finding.line}:${finding.column}`, finding.message, finding.fix]),
      ).toEqual([
        [
          "5:4",
          "AGENTS.md tells agents to run `pnpm test -- --watch false`, which runs vitest in watch mode in a terminal: pnpm passes the `--` on, and vitest ignores `--watch false` after it",
          fix("pnpm test --watch false"),
        ],
        [
          "7:4",
          "AGENTS.md tells agents to run `pnpm test -- --watch false src/sum.test.js`, which runs vitest in watch mode in a terminal: pnpm passes the `--` on, and vitest ignores `--watch false` after it",
          fix("pnpm test --watch false src/sum.test.js"),
        ],
        [
          "9:4",
          "AGENTS.md tells agents to run `npm test --watch false`, which runs vitest in watch mode in a terminal: npm reads `--watch false` as its own option, and the script never gets it",
          fix("npm test -- --watch false"),
        ],
      ]);
    });

    // fixtures/context/feedback-loop/watch-bun: bun (packageManager), test is `vitest run`, test:watch `vitest --watch`;
    // AGENTS.md runs test:watch (line 3) and test (line 4).
    it("offers a bun project its run-once script with `bun run`: `bun test` is bun's own test runner", async () => {
      const result = await scanFixture("context/feedback-loop/watch-bun");
      expect(findingsOf(result, RULE).map((finding) => `${finding.line} ${finding.message} | ${finding.fix}`)).toEqual([
        "3 AGENTS.md tells agents to run `bun run test:watch`, which watches for changes and never exits | Tell agents to run `bun run test` instead: an agent waits for its command to finish, and a watcher never does.",
      ]);
    });

    // fixtures/context/feedback-loop/watch-only: the one test script is `jest --watchAll`.
    it("does not take a watcher as the test step", async () => {
      const result = await scanFixture("context/feedback-loop/watch-only");
      expect(messagesOf(result)).toEqual([
        "package.json:4 The only test scripts watch (test): none runs the tests once",
      ]);
      expect(categoryOf(result, "context").metrics.feedbackLoop.test).toBeNull();
    });

    // fixtures/context/feedback-loop/bare-vitest: "test:e2e" (playwright) comes first, "test" is a bare `vitest`,
    // which watches only in an interactive terminal; AGENTS.md tells agents to run `npm test`.
    it("takes a bare vitest over an end-to-end suite, and does not report it when nothing runs vitest once", async () => {
      const result = await scanFixture("context/feedback-loop/bare-vitest");
      expect(findingsOf(result, RULE)).toEqual([]);
      expect(categoryOf(result, "context").metrics.feedbackLoop.test).toBe("package.json: test");
    });
  });

  describe("lockfiles of independent apps", () => {
    // fixtures/context/feedback-loop/app-lockfiles: no root lockfile and no root dependencies; apps/web has
    // package-lock.json, apps/api yarn.lock.
    it("passes when every package with dependencies has its own lockfile", async () => {
      const result = await scanFixture("context/feedback-loop/app-lockfiles");
      expect(findingsOf(result, RULE)).toEqual([]);
      expect(categoryOf(result, "context").metrics.feedbackLoop.lockfile).toBe(
        "apps/api/yarn.lock, apps/web/package-lock.json",
      );
    });

    // fixtures/context/feedback-loop/app-lockfile-missing: the same, without apps/api/yarn.lock.
    it("reports when one of them has none", async () => {
      const result = await scanFixture("context/feedback-loop/app-lockfile-missing");
      expect(messagesOf(result)).toEqual(["package.json:1 There is no lockfile"]);
      expect(categoryOf(result, "context").metrics.feedbackLoop.lockfile).toBeNull();
    });
  });

  describe("the packageManager field", () => {
    // fixtures/context/feedback-loop/manager-declared: "packageManager": "pnpm@10.33.1+sha512.…" and no lockfile.
    it("names the package manager, though no lockfile is committed", async () => {
      const result = await scanFixture("context/feedback-loop/manager-declared");
      expect(categoryOf(result, "context").metrics.packageManager).toBe("pnpm");
      expect(messagesOf(result)).toEqual(["package.json:1 There is no lockfile"]);
    });

    // fixtures/context/feedback-loop/manager-mismatch: "packageManager": "yarn@4.5.0" on line 3, and package-lock.json.
    it("reports a lockfile another manager writes, at the field", async () => {
      const result = await scanFixture("context/feedback-loop/manager-mismatch");
      expect(categoryOf(result, "context").metrics.packageManager).toBe("yarn");
      const [finding, ...rest] = findingsOf(result, RULE);
      expect(rest).toEqual([]);
      expect(`${finding?.file}:${finding?.line}:${finding?.column} ${finding?.message}`).toBe(
        "package.json:3:1 package.json names `yarn@4.5.0` as the package manager, but the lockfile is package-lock.json, which npm writes",
      );
      expect(finding?.fix).toBe(
        "Make them agree: commit yarn's lockfile (yarn.lock, from `yarn install`) and delete package-lock.json, or set packageManager to the npm version that wrote it. Corepack runs yarn, which ignores package-lock.json, so an agent would install versions nobody tested.",
      );
    });

    // fixtures/context/feedback-loop/manager-second-lockfile: "pnpm@11.3.0", pnpm-lock.yaml and package-lock.json.
    it("takes the named manager's lockfile when another's sits beside it", async () => {
      const result = await scanFixture("context/feedback-loop/manager-second-lockfile");
      expect(findingsOf(result, RULE)).toEqual([]);
      expect(categoryOf(result, "context").metrics).toMatchObject({
        packageManager: "pnpm",
        feedbackLoop: { lockfile: "pnpm-lock.yaml" },
      });
    });

    // fixtures/context/feedback-loop/manager-malformed: "packageManager": "pnpm@latest" (a tag Corepack rejects) on
    // line 4, and yarn.lock.
    it("warns about a value Corepack rejects, and lets the lockfile decide", async () => {
      const result = await scanFixture("context/feedback-loop/manager-malformed");
      expect(result.warnings).toContain(
        'package.json:4: packageManager "pnpm@latest" is not name@version of npm, pnpm, yarn or bun; the lockfile decides the package manager',
      );
      expect(categoryOf(result, "context").metrics.packageManager).toBe("yarn");
      expect(findingsOf(result, RULE)).toEqual([]);
    });
  });
});

function messagesOf(result: ScanResult): string[] {
  return findingsOf(result, RULE).map((finding) => `${finding.file}:${finding.line} ${finding.message}`);
}
