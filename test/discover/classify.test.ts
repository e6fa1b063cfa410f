import { describe, expect, it } from "vitest";
import { createClassifier } from "../../src/discover/classify.js";

const classifier = createClassifier({
  packageRoots: ["", "packages/web"],
  ignore: ["legacy/**"],
  overrides: { source: ["fixtures/real/**"] },
});

describe("classify", () => {
  it.each([
    ["src/app.ts", { kind: "source" }],
    ["src/app.mjs", { kind: "source" }],
    ["src/build/index.ts", { kind: "source" }],
    ["src/test/utils.ts", { kind: "source" }],
    ["src/app.test.ts", { kind: "test" }],
    ["src/app.spec.tsx", { kind: "test" }],
    ["src/app.e2e-spec.ts", { kind: "test" }],
    ["src/__tests__/app.ts", { kind: "test" }],
    ["src/__mocks__/fs.ts", { kind: "test" }],
    ["test/helpers.ts", { kind: "test" }],
    ["tests/e2e.js", { kind: "test" }],
    ["packages/web/test/render.ts", { kind: "test" }],
    ["fixtures/app/index.ts", { kind: "fixture" }],
    ["fixtures/app/index.test.ts", { kind: "fixture" }],
    ["test/fixtures/repo/src/a.ts", { kind: "fixture" }],
    ["playground/alias/main.ts", { kind: "fixture" }],
    ["playground/alias/__tests__/alias.spec.ts", { kind: "fixture" }],
    ["benchmarks/handle-event/index.ts", { kind: "benchmark" }],
    ["perf-measures/type-check/generated.ts", { kind: "benchmark" }],
    ["src/router.bench.ts", { kind: "benchmark" }],
    ["scripts/release.mjs", { kind: "script" }],
    ["packages/web/scripts/build.ts", { kind: "script" }],
    ["src/scripts/loader.ts", { kind: "source" }],
    [".github/actions/label.js", { kind: "script" }],
    ["demo/app.tsx", { kind: "example" }],
    ["fixtures/real/index.ts", { kind: "source" }],
    ["src/types.d.ts", { kind: "declaration" }],
    ["src/api.generated.ts", { kind: "generated" }],
    ["src/__generated__/schema.ts", { kind: "generated" }],
    ["vendor/jquery.js", { kind: "vendored" }],
    ["examples/demo.ts", { kind: "example" }],
    ["vite.config.ts", { kind: "config" }],
    [".eslintrc.cjs", { kind: "config" }],
    ["package.json", { kind: "config" }],
    ["tsconfig.base.json", { kind: "config" }],
    [".gitignore", { kind: "config" }],
    ["README.md", { kind: "docs" }],
    ["docs/guide.mdx", { kind: "docs" }],
    ["LICENSE", { kind: "other" }],
    ["styles/app.css", { kind: "other" }],
    ["node_modules/left-pad/index.js", { skip: "node_modules" }],
    ["dist/index.js", { skip: "build-output" }],
    ["packages/web/dist/index.js", { skip: "build-output" }],
    ["coverage/lcov-report/index.js", { skip: "build-output" }],
    ["public/app.min.js", { skip: "minified" }],
    ["assets/logo.png", { skip: "binary" }],
    ["legacy/old.ts", { skip: "ignored-by-config" }],
  ])("%s → %o", (path, expected) => {
    expect(classifier.classify(path)).toMatchObject(expected);
  });

  it("treats test/ as a test folder only at the root or a package root", () => {
    expect(classifier.classify("packages/other/test/x.ts")).toMatchObject({ kind: "source" });
  });

  it("says why each code file got its scope", () => {
    expect(classifier.classify("src/app.ts")).toEqual({ kind: "source", why: "product code (no other scope applies)" });
    expect(classifier.classify("src/app.test.ts")).toEqual({
      kind: "test",
      why: "test file name (*.test.*, *.spec.*)",
    });
    expect(classifier.classify("packages/web/test/render.ts")).toEqual({ kind: "test", why: "under test/" });
    expect(classifier.classify("fixtures/app/index.test.ts")).toEqual({ kind: "fixture", why: "under fixtures/" });
    expect(classifier.classify("fixtures/real/index.ts")).toEqual({ kind: "source", why: "config classify.source" });
    expect(classifier.classify("perf-measures/a.ts")).toEqual({ kind: "benchmark", why: "under perf-measures/" });
  });

  it("lets a test runner's own include globs name tests, before fixtures and conventions", () => {
    const withRunner = createClassifier({
      packageRoots: [""],
      ignore: [],
      overrides: {},
      runnerTest: (path) =>
        /^src\/[^/]+\/test\.ts$|^playground\/.*\.spec\.ts$/.test(path)
          ? { kind: "test", why: "vitest runs it: (test)" }
          : null,
    });
    expect(withRunner.classify("src/addDays/test.ts")).toEqual({ kind: "test", why: "vitest runs it: (test)" });
    expect(withRunner.classify("src/addDays/index.ts")).toMatchObject({ kind: "source" });
    expect(withRunner.classify("playground/alias/__tests__/alias.spec.ts")).toMatchObject({ kind: "test" });
    expect(withRunner.classify("playground/alias/main.ts")).toMatchObject({ kind: "fixture" });
  });

  it("takes a harness app's code, which the runner's e2e tests drive, as their fixture", () => {
    const harness = "an app e2e tests drive: playwright serves it (playwright.config.ts: pnpm start)";
    const withHarness = createClassifier({
      packageRoots: ["", "app"],
      ignore: [],
      overrides: {},
      runnerTest: (path) => (path.startsWith("app/") ? { kind: "fixture", why: harness } : null),
    });
    expect(withHarness.classify("app/src/useFieldArray.tsx")).toEqual({ kind: "fixture", why: harness });
    expect(withHarness.classify("src/useFieldArray.ts")).toMatchObject({ kind: "source" });
  });
});

describe("scopes of code that is not product code", () => {
  const monorepo = createClassifier({
    packageRoots: ["", "packages/docs", "packages/create-app", "packages/treeshake", "apps/lsp-playground"],
    ignore: [],
    overrides: {},
    packageNames: new Map([
      ["packages/treeshake", "@acme/treeshaking"],
      ["packages/create-app", "create-acme-app"],
    ]),
  });
  it.each([
    ["docs/.vitepress/theme/banner.ts", "docs", "a documentation site (under .vitepress/)"],
    ["docs/components/badge.tsx", "docs", "a documentation site (under docs/)"],
    ["packages/docs/components/platinum.tsx", "docs", "a documentation site (under docs/)"],
    ["packages/create-app/template-react/src/App.tsx", "example", "under template-react/"],
    ["apps/lsp-playground/src/server.ts", "example", "under lsp-playground/"],
    ["packages/treeshake/zod-mini-full.ts", "benchmark", "in the package @acme/treeshaking"],
    [".claude/hooks/check.ts", "script", "under .claude/"],
    ["skills/upgrade/run.ts", "script", "under skills/"],
    ["runtime-tests/workerd/index.ts", "test", "under runtime-tests/"],
    ["src/node/__tests_dts__/plugin.ts", "test", "under __tests_dts__/"],
    ["src/types.test-d.ts", "test", "test file name (*.test.*, *.spec.*)"],
    ["packages/create-app/src/index.ts", "source", "product code (no other scope applies)"],
    ["src/docs/render.ts", "source", "product code (no other scope applies)"],
    ["src/components/ui/dialog/dialog.stories.tsx", "example", "a Storybook story (*.stories.*)"],
    ["src/components/ui/dialog/dialog.tsx", "source", "product code (no other scope applies)"],
  ])("%s → %s (%s)", (path, kind, why) => {
    expect(monorepo.classify(path)).toEqual({ kind, why });
  });
});

describe("scopes that depend on a file's neighbours", () => {
  const paths = [
    "package.json",
    "transforms/rename-import.ts",
    "transforms/__tests__/rename-import-test.ts",
    "transforms/__testfixtures__/rename-import.input.ts",
    "transforms/__testfixtures__/rename-import.output.ts",
    "src/codemods/sort-keys.input.tsx",
    "src/codemods/sort-keys.output.tsx",
    "src/forms/date.input.tsx",
    "www/package.json",
    "www/next.config.mjs",
    "www/theme.config.tsx",
    "www/pages/index.tsx",
    "site/astro.config.mjs",
    "site/src/pages/index.astro",
    "site/src/components/Hero.tsx",
    "apps/docs/docusaurus.config.ts",
    "apps/docs/src/components/Feature.tsx",
    "apps/web/src/pages/home.tsx",
    "packages/www/src/server.ts",
  ];
  const neighbours = createClassifier({ packageRoots: ["", "www"], ignore: [], overrides: {}, paths });
  it.each([
    ["transforms/__testfixtures__/rename-import.input.ts", "fixture", "under __testfixtures__/"],
    [
      "src/codemods/sort-keys.input.tsx",
      "fixture",
      "a codemod test's input and output (sort-keys.input.tsx, sort-keys.output.tsx)",
    ],
    [
      "src/codemods/sort-keys.output.tsx",
      "fixture",
      "a codemod test's input and output (sort-keys.input.tsx, sort-keys.output.tsx)",
    ],
    // An input with no output beside it is a component like any other.
    ["src/forms/date.input.tsx", "source", "product code (no other scope applies)"],
    ["transforms/rename-import.ts", "source", "product code (no other scope applies)"],
    ["www/pages/index.tsx", "docs", "a documentation site (Nextra, under www/)"],
    ["site/src/components/Hero.tsx", "docs", "a documentation site (Astro, under site/)"],
    ["apps/docs/src/components/Feature.tsx", "docs", "a documentation site (Docusaurus, under docs/)"],
    // A web app with no site framework's config in a docs-like folder, and a www/ folder without one: product code.
    ["apps/web/src/pages/home.tsx", "source", "product code (no other scope applies)"],
    ["packages/www/src/server.ts", "source", "product code (no other scope applies)"],
  ])("%s → %s (%s)", (path, kind, why) => {
    expect(neighbours.classify(path)).toEqual({ kind, why });
  });
});

describe("code generators", () => {
  // apps/web has a plopfile and a generators/ folder beside it (bulletproof-react's component generator);
  // packages/yeoman's generators/ has no plopfile beside it: a Yeoman generator package ships it as its product.
  const paths = [
    "apps/web/plopfile.cjs",
    "apps/web/generators/component/index.cjs",
    "apps/web/src/app.tsx",
    "packages/yeoman/generators/app/index.js",
    "_templates/component/new/prompt.js",
  ];
  const generators = createClassifier({
    packageRoots: ["", "apps/web", "packages/yeoman"],
    ignore: [],
    overrides: {},
    paths,
  });
  it.each([
    ["apps/web/plopfile.cjs", { kind: "script", why: "a code generator's config (plop)" }],
    ["apps/web/generators/component/index.cjs", { kind: "script", why: "a code generator beside the plopfile (plop)" }],
    [
      "_templates/component/new/prompt.js",
      { kind: "script", why: "a code generator's templates (hygen's _templates/)" },
    ],
    ["apps/web/src/app.tsx", { kind: "source" }],
    ["packages/yeoman/generators/app/index.js", { kind: "source" }],
  ])("%s → %j", (path, expected) => {
    expect(generators.classify(path)).toMatchObject(expected);
  });
});
