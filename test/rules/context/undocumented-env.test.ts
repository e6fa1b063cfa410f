import { describe, expect, it } from "vitest";
import type { ScanResult } from "../../../src/contract/result.js";
import { categoryOf, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "context/undocumented-env";

/** The rule's score inputs: how many variables it examined, how many it reported. */
function tally(result: ScanResult): { examined: number; failed: number } | undefined {
  const check = categoryOf(result, "context").checks.find((candidate) => candidate.ruleId === RULE);
  return check ? { examined: check.examined, failed: check.failed } : undefined;
}

describe(RULE, () => {
  // fixtures/context/undocumented-env: src/config.ts reads PORT (in .env.example), API_KEY (named in AGENTS.md),
  // SECRET_TOKEN (nowhere) and NODE_ENV (built in); PORT is read twice.
  it("reports only the variable documented nowhere, at its first read", async () => {
    const result = await scanFixture("context/undocumented-env");
    expect(locationsOf(result, RULE)).toEqual(["src/config.ts:5:10"]);
    expect(findingsOf(result, RULE)[0]?.message).toBe(
      "SECRET_TOKEN is read here but documented nowhere an agent looks",
    );
    expect(categoryOf(result, "context").metrics.undocumentedEnvVars).toEqual(["SECRET_TOKEN"]);
    expect(tally(result)).toEqual({ examined: 3, failed: 1 });
  });

  // fixtures/context/env-provided: src/release.ts reads what CI, GitHub Actions, npm, Node, the shell and vitest
  // set (CI, GITHUB_OUTPUT, GITHUB_REPOSITORY, GITHUB_EVENT_NAME, RUNNER_OS, npm_package_version, NODE_OPTIONS,
  // HOME, VITEST_WORKER_ID), DATABASE_URL (in .env.example) and DEPLOY_TOKEN (nowhere).
  it("does not ask for variables the CI system, Node, npm, the shell or the test runner sets", async () => {
    const result = await scanFixture("context/env-provided");
    expect(locationsOf(result, RULE)).toEqual(["src/release.ts:13:16"]);
    expect(categoryOf(result, "context").metrics.undocumentedEnvVars).toEqual(["DEPLOY_TOKEN"]);
    expect(tally(result)).toEqual({ examined: 2, failed: 1 });
  });

  // fixtures/context/env-files: .env.development assigns VITE_APP_BACKEND_URL and names VITE_APP_DEBUG_LAYOUT in a
  // commented-out line, .env.production assigns VITE_APP_SENTRY_DSN, .env.test VITE_APP_FIXED_SEED;
  // VITE_APP_LIBRARY_URL is in none of them.
  it("reads every env file, not only .env.example", async () => {
    const result = await scanFixture("context/env-files");
    expect(locationsOf(result, RULE)).toEqual(["src/settings.ts:7:12"]);
    expect(categoryOf(result, "context").metrics.undocumentedEnvVars).toEqual(["VITE_APP_LIBRARY_URL"]);
    expect(tally(result)).toEqual({ examined: 5, failed: 1 });
  });

  // fixtures/context/env-docs: CONTRIBUTING.md names RELEASE_TOKEN in a code span; docs/configuration.md has
  // API_BASE in a table, LOG_LEVEL in a code block, CACHE_DIR in prose (an underscore makes it a name), TIMEOUT
  // in prose only (a capitalised word, not a name); SECRET_KEY is only in docs/CHANGELOG.md, which is not a doc.
  it("takes the names CONTRIBUTING and the docs give in code, tables or with an underscore", async () => {
    const result = await scanFixture("context/env-docs");
    expect(categoryOf(result, "context").metrics.undocumentedEnvVars).toEqual(["TIMEOUT", "SECRET_KEY"]);
    expect(locationsOf(result, RULE)).toEqual(["src/config.ts:7:12", "src/config.ts:8:14"]);
    expect(tally(result)).toEqual({ examined: 6, failed: 2 });
  });

  // fixtures/context/env-set-by-code: src/cli.ts sets CHILD_MODE and hands WORKER_INDEX to the child it spawns,
  // src/build-env.ts sets PKG_VERSION on the object of variables the build defines; LOG_LEVEL is only given a
  // default (`X = X ?? "info"`) and API_KEY only passed on from the parent's environment: both stay inputs.
  it("does not ask for variables the code sets itself, for its own reads or a child process", async () => {
    const result = await scanFixture("context/env-set-by-code");
    expect(categoryOf(result, "context").metrics.undocumentedEnvVars).toEqual(["LOG_LEVEL", "API_KEY"]);
    expect(locationsOf(result, RULE)).toEqual(["src/cli.ts:6:27", "src/cli.ts:7:61"]);
    expect(tally(result)).toEqual({ examined: 2, failed: 2 });
  });

  // fixtures/context/env-test-hook: the test starts the server with _APP_TEST_MODE (named for tests) and
  // DATABASE_URL (a real setting the test happens to give), and reads TEST_ONLY_TIMEOUT itself.
  it("leaves out a test switch a test sets, and variables only tests read", async () => {
    const result = await scanFixture("context/env-test-hook");
    expect(categoryOf(result, "context").metrics.undocumentedEnvVars).toEqual(["DATABASE_URL"]);
    expect(locationsOf(result, RULE)).toEqual(["src/server.ts:4:13"]);
    expect(tally(result)).toEqual({ examined: 1, failed: 1 });
  });

  // fixtures/context/env-script-set: the build script sets BUILD_SHA (`cross-env BUILD_SHA=…`), the start script
  // PORT (`PORT=3000 node …`); BUILD_TARGET is set by neither.
  it("does not ask for variables a package.json script sets for its command", async () => {
    const result = await scanFixture("context/env-script-set");
    expect(categoryOf(result, "context").metrics.undocumentedEnvVars).toEqual(["BUILD_TARGET"]);
    expect(locationsOf(result, RULE)).toEqual(["src/server.ts:5:11"]);
    expect(tally(result)).toEqual({ examined: 1, failed: 1 });
  });

  // fixtures/context/env-ci-set: the GitHub workflow sets TEST_RETRIES (job `env:`) and MUTE_WARNINGS (`X=1 npm test`
  // in a step), GitLab's `variables:` DEPLOY_REGION; API_TOKEN (src/settings.ts:6) is set nowhere.
  it("does not ask for variables the CI configuration sets", async () => {
    const result = await scanFixture("context/env-ci-set");
    expect(categoryOf(result, "context").metrics.undocumentedEnvVars).toEqual(["API_TOKEN"]);
    expect(locationsOf(result, RULE)).toEqual(["src/settings.ts:6:10"]);
    expect(tally(result)).toEqual({ examined: 1, failed: 1 });
  });

  // fixtures/context/env-writes: src/child.ts deletes INSPECTOR_PORT and CHILD_DEBUG (and a variable by a name it is
  // given), sets RENDER_MODE with Object.assign and gives LOG_LEVEL a default there; then reads all of them and API_BASE.
  it("takes delete process.env.X and Object.assign(process.env, …) as the code's own variables, not reads", async () => {
    const result = await scanFixture("context/env-writes");
    expect(categoryOf(result, "context").metrics.undocumentedEnvVars).toEqual(["LOG_LEVEL", "API_BASE"]);
    expect(locationsOf(result, RULE)).toEqual(["src/child.ts:6:66", "src/child.ts:13:12"]);
    expect(tally(result)).toEqual({ examined: 2, failed: 2 });
  });

  // fixtures/context/env-tools: src/build-info.ts reads what vitest (VITEST_MODE), npm (npm_lifecycle_event,
  // npm_package_name), jest, Vercel (VERCEL_ENV, VERCEL_URL, NEXT_PUBLIC_VERCEL_URL), GitHub Actions (GITHUB_SHA,
  // RUNNER_OS, ACTIONS_STEP_DEBUG), Node (NODE_ICU_DATA), the proxy convention, Cloudflare Pages and Netlify (NETLIFY)
  // set; GITHUB_TOKEN, which a workflow passes in from its secrets, and CONTEXT, Netlify's only where it deploys.
  it("does not ask for what the tools set, but does for GITHUB_TOKEN and, without Netlify, CONTEXT", async () => {
    const result = await scanFixture("context/env-tools");
    expect(categoryOf(result, "context").metrics.undocumentedEnvVars).toEqual(["GITHUB_TOKEN", "CONTEXT"]);
    expect(locationsOf(result, RULE)).toEqual(["src/build-info.ts:17:10", "src/build-info.ts:18:12"]);
    expect(tally(result)).toEqual({ examined: 2, failed: 2 });
  });

  // fixtures/context/env-netlify: netlify.toml at the root; src/site.ts reads Netlify's CONTEXT, DEPLOY_PRIME_URL,
  // URL and BRANCH, and FORMS_SECRET, which Netlify does not set.
  it("does not ask for Netlify's build variables in a repository that deploys to Netlify", async () => {
    const result = await scanFixture("context/env-netlify");
    expect(categoryOf(result, "context").metrics.undocumentedEnvVars).toEqual(["FORMS_SECRET"]);
    expect(locationsOf(result, RULE)).toEqual(["src/site.ts:6:16"]);
    expect(tally(result)).toEqual({ examined: 1, failed: 1 });
  });

  // fixtures/context/env-doc-places: RELEASE_CHANNEL is named in .github/contributing.md (lower case),
  // FEATURE_FLAGS_URL in an MDX page outside any docs folder, DEPLOY_REGION in a docs site's page (website/);
  // SECRET_SALT only in notes/ideas.md, which is no doc.
  it("takes CONTRIBUTING in any case and place, MDX pages and a docs site's pages as docs", async () => {
    const result = await scanFixture("context/env-doc-places");
    expect(categoryOf(result, "context").metrics.undocumentedEnvVars).toEqual(["SECRET_SALT"]);
    expect(locationsOf(result, RULE)).toEqual(["src/config.ts:6:9"]);
    expect(tally(result)).toEqual({ examined: 4, failed: 1 });
  });

  // fixtures/context/env-scope: only src/server.ts (SERVICE_URL) is product code; src/test-helpers.ts imports vitest
  // (test support), and the script, example, fixture, test and benchmark read variables of their own.
  it("reads only product code: not test support, scripts, examples, fixtures, tests or benchmarks", async () => {
    const result = await scanFixture("context/env-scope");
    expect(categoryOf(result, "context").metrics.undocumentedEnvVars).toEqual(["SERVICE_URL"]);
    expect(locationsOf(result, RULE)).toEqual(["src/server.ts:2:27"]);
    expect(tally(result)).toEqual({ examined: 1, failed: 1 });
  });
});
