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
    ["fixtures/app/index.ts", { kind: "test" }],
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
    expect(classifier.classify(path)).toEqual(expected);
  });

  it("treats test/ as a test folder only at the root or a package root", () => {
    expect(classifier.classify("packages/other/test/x.ts")).toEqual({ kind: "source" });
  });
});
