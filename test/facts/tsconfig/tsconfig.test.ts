import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze } from "../../../src/engine/index.js";
import { TsconfigReader } from "../../../src/facts/tsconfig/index.js";
import { runCliInProcess } from "../../helpers/cli.js";
import { categoryOf, copyFixture, findingsOf, REPO_ROOT } from "../../helpers/fixtures.js";

const FIXTURES = "context/feedback-loop";
const strictFinding = (result: Awaited<ReturnType<typeof analyze>>) =>
  findingsOf(result, "context/feedback-loop").filter((finding) => finding.message.includes("strict"));

describe("tsconfig strictness, read as tsc reads it", () => {
  // extends "@acme/tsconfig", a package that is not installed: strict is unknown, not off.
  it("says unknown for an extends that is neither in the repository nor installed: no finding, one warning", async () => {
    const root = await copyFixture(`${FIXTURES}/extends-unknown`);
    const result = await analyze({ root, config: {} });
    expect(categoryOf(result, "context").metrics.feedbackLoop.strictTypescript).toBeNull();
    expect(strictFinding(result)).toEqual([]);
    expect(result.warnings.filter((warning) => warning.includes("tsconfig"))).toEqual([
      "tsconfig extends not found in the repository or node_modules: @acme/tsconfig (tsconfig.json); options they set are unknown in 1 config (install the dependencies to read them)",
    ]);
    const init = await runCliInProcess(["init", root, "--stdout"], REPO_ROOT);
    expect(init.status).toBe(0);
    expect(init.stdout).not.toContain("strict mode");
  });

  it("reads the base once it is installed", async () => {
    const root = await copyFixture(`${FIXTURES}/extends-unknown`);
    const { mkdir } = await import("node:fs/promises");
    await mkdir(join(root, "node_modules/@acme/tsconfig"), { recursive: true });
    await writeFile(join(root, "node_modules/@acme/tsconfig/package.json"), '{"name":"@acme/tsconfig"}');
    await writeFile(join(root, "node_modules/@acme/tsconfig/tsconfig.json"), '{"compilerOptions":{"strict":false}}');
    const result = await analyze({ root, config: {} });
    expect(categoryOf(result, "context").metrics.feedbackLoop.strictTypescript).toBe(false);
    expect(strictFinding(result).map((finding) => finding.file)).toEqual(["tsconfig.json"]);
    expect(result.warnings.filter((warning) => warning.includes("tsconfig"))).toEqual([]);
  });

  // tsconfig.json is a solution file: files [] and references to tsconfig.build.json and test/, both strict by their base.
  it("follows a solution file's references", async () => {
    const root = await copyFixture(`${FIXTURES}/solution`);
    const result = await analyze({ root, config: {} });
    expect(categoryOf(result, "context").metrics.feedbackLoop.strictTypescript).toBe(true);
    expect(strictFinding(result)).toEqual([]);
    const reader = new TsconfigReader(root, []);
    expect(reader.strictness("tsconfig.json")).toEqual({
      isStrict: true,
      from: ["tsconfig.build.json", "test/tsconfig.json"],
    });
    // One referenced project that turns strict off makes the answer "off", naming it.
    await writeFile(
      join(root, "test/tsconfig.json"),
      '{"extends":"../tsconfig.base.json","compilerOptions":{"strict":false}}',
    );
    expect(new TsconfigReader(root, []).strictness("tsconfig.json")).toEqual({
      isStrict: false,
      from: ["test/tsconfig.json"],
    });
  });

  // extends "@repo/tsconfig/base": a workspace package at packages/config/tsconfig, not installed.
  it("resolves an extends of a workspace package without an install, with and without .json", async () => {
    const root = await copyFixture(`${FIXTURES}/workspace-extends`);
    const result = await analyze({ root, config: {} });
    expect(categoryOf(result, "context").metrics.feedbackLoop.strictTypescript).toBe(true);
    expect(result.warnings.filter((warning) => warning.includes("tsconfig"))).toEqual([]);
    const reader = new TsconfigReader(root, [
      { dir: "packages/config/tsconfig", name: "@repo/tsconfig" },
    ] as unknown as ConstructorParameters<typeof TsconfigReader>[1]);
    expect(reader.read("packages/app/tsconfig.json")).toMatchObject({ unknownBases: [], error: null });
    expect(reader.read("packages/app/tsconfig.json").options.strict).toBe(true);
    expect(reader.read("tsconfig.json").options.strict).toBe(true);
  });
});

describe("scripts that type-check through their tsconfig", () => {
  // "test" runs `tsc -p tsconfig.spec.json` (noEmit: true) then vitest; "build" runs tsup. No script has
  // --noEmit on its command line or a type-check name, and the build does not run tsc.
  it("counts `tsc -p <config with noEmit>` as a type-check", async () => {
    const result = await analyze({ root: await copyFixture(`${FIXTURES}/tsc-project`), config: {} });
    expect(categoryOf(result, "context").metrics.feedbackLoop).toMatchObject({
      test: "package.json: test",
      build: "package.json: build",
      typecheck: "package.json: test",
    });
    // The fixture has no CI workflow: that is the one step missing.
    expect(findingsOf(result, "context/feedback-loop").map((finding) => finding.message)).toEqual([
      "No CI workflow runs the checks",
    ]);
  });
});
