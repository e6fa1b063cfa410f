/**
 * Robustness: bad config. Every key of the published config schema is given a
 * value of the wrong type, and each must be a ConfigError (exit 2) with one
 * line naming the file and the key, from the config loader the scan calls;
 * runs of the CLI show such an error is exit 2 with that one line. Unknown
 * keys, invalid JSON, a missing config file and a glob that would backtrack for
 * minutes get the same treatment.
 */
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/index.js";
import { ConfigError, EXIT, GroundworkError } from "../../src/errors.js";
import { runCliAsync, runCliInProcess } from "../helpers/cli.js";
import { REPO_ROOT, temporaryDir } from "../helpers/fixtures.js";
import { baseRepo, changesDuringAsync, expectError } from "./harness.js";

interface SchemaNode {
  type?: string;
  enum?: unknown[];
  anyOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
}

interface Leaf {
  path: string[];
  /** A value of another type than the key accepts. */
  wrong: unknown;
}

/** Every settable key of the schema, each with a value of the wrong type. */
function leavesOf(node: SchemaNode, path: string[] = []): Leaf[] {
  if (node.anyOf) {
    // A rule entry: a severity string or an object; 42 is neither.
    const objects = node.anyOf.filter((option) => option.properties);
    return [{ path, wrong: 42 }, ...objects.flatMap((option) => leavesOf(option, path))];
  }
  if (node.properties) {
    return Object.entries(node.properties).flatMap(([key, child]) => leavesOf(child, [...path, key]));
  }
  const wrong = node.type === "string" ? 42 : node.type === "boolean" ? "yes" : node.type === "array" ? "a,b" : "five";
  return [{ path, wrong }];
}

function configWith(leaf: Leaf): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  let cursor = root;
  for (const key of leaf.path.slice(0, -1)) {
    const next: Record<string, unknown> = {};
    cursor[key] = next;
    cursor = next;
  }
  cursor[leaf.path.at(-1) ?? ""] = leaf.wrong;
  return root;
}

/** The error loading `path` as the scan's config gives (`scan root --config path`, run from `root`), or null. */
async function loadError(root: string, path: string): Promise<unknown> {
  try {
    await loadConfig({ root, path, cwd: root });
  } catch (error) {
    return error;
  }
  return null;
}

/** What `expectError` asserts of a run, asserted of the error that ends it: exit 2, one line containing each of `parts`. */
function expectConfigError(error: unknown, ...parts: string[]): void {
  expect(error).toBeInstanceOf(ConfigError);
  // A GroundworkError is printed by the CLI as `groundwork: error: <message>` and exits with its exitCode.
  expect(error).toBeInstanceOf(GroundworkError);
  const { exitCode, message } = error as ConfigError;
  expect(exitCode).toBe(EXIT.usage);
  expect(exitCode).toBe(2);
  expect(message.split("\n")).toHaveLength(1);
  for (const part of parts) expect(message).toContain(part);
}

const schema = JSON.parse(readFileSync(join(REPO_ROOT, "schema", "config.schema.json"), "utf8")) as SchemaNode;
const leaves = leavesOf(schema);

describe("robustness: config", () => {
  it("the schema has the keys this test walks (a guard against walking nothing)", () => {
    const paths = leaves.map((leaf) => leaf.path.join("."));
    expect(paths).toContain("maxFileSize");
    expect(paths).toContain("clones.timeoutSeconds");
    expect(paths).toContain("rules.interfaces/max-params.options.max");
    expect(paths).toContain("rules.docs/readme");
    expect(leaves.length).toBeGreaterThan(100);
  });

  it("every key with a wrong type is a config error (exit 2) naming the file and the key, and the repository is unchanged", async () => {
    const repo = await baseRepo();
    const configs = await temporaryDir();
    const changed = await changesDuringAsync(repo, true, async () => {
      for (const leaf of leaves) {
        const name = `${leaf.path.join("_").replace(/\//g, "-")}.json`;
        await writeFile(join(configs, name), JSON.stringify(configWith(leaf)));
        expectConfigError(
          await loadError(repo, join(configs, name)),
          `${join(configs, name)}: ${leaf.path.join(".")}: expected `,
          `got ${JSON.stringify(leaf.wrong)}`,
        );
      }
    });
    expect(changed).toEqual([]);
  });

  it("end to end: a key with a wrong type is exit 2 with that one line on stderr, nothing on stdout, the repository unchanged", async () => {
    const repo = await baseRepo();
    const configs = await temporaryDir();
    const leaf = leaves.find((candidate) => candidate.path.join(".") === "clones.timeoutSeconds");
    if (!leaf) throw new Error("no such key in the schema");
    const path = join(configs, `${leaf.path.join("_")}.json`);
    await writeFile(path, JSON.stringify(configWith(leaf)));
    const changed = await changesDuringAsync(repo, true, async () => {
      expectError(
        await runCliAsync(["scan", repo, "--no-cache", "--config", path], repo),
        `${path}: ${leaf.path.join(".")}: expected `,
        `got ${JSON.stringify(leaf.wrong)}`,
      );
    });
    expect(changed).toEqual([]);
  });

  it.each([
    ["an unknown top-level key", { maxFileSise: 10 }, "maxFileSise: unknown key"],
    ["an unknown nested key", { clones: { minToken: 10 } }, "clones.minToken: unknown key"],
    ["an unknown rule", { rules: { "docs/no-such-rule": "off" } }, "rules.docs/no-such-rule: unknown rule"],
    [
      "an unknown rule option",
      { rules: { "interfaces/max-params": { options: { maximum: 3 } } } },
      "rules.interfaces/max-params.options.maximum: unknown key",
    ],
  ])("%s is exit 2 naming it", async (_case, config, message) => {
    const repo = await baseRepo({ "groundwork.config.json": JSON.stringify(config) });
    const changed = await changesDuringAsync(repo, true, async () => {
      // Run from the repository, the file is named as the user would type it (by a process: in this one, the
      // config loader names it from process.cwd(), the test runner's, so by its absolute path).
      expectError(await runCliInProcess(["scan", repo, "--no-cache"], repo), `groundwork.config.json: ${message}`);
    });
    expect(changed).toEqual([]);
  });

  it("invalid JSON is exit 2 with the line and column", async () => {
    const repo = await baseRepo({ "groundwork.config.json": '{\n  "maxFileSize": 10,\n  "ignore": [\n}\n' });
    const changed = await changesDuringAsync(repo, true, async () => {
      expectError(
        await runCliInProcess(["scan", repo, "--no-cache"], repo),
        "groundwork.config.json: invalid JSON at line 4, column 1",
      );
    });
    expect(changed).toEqual([]);
  });

  it("a config path that does not exist is exit 2 naming it", async () => {
    const repo = await baseRepo();
    expectError(
      await runCliInProcess(["scan", repo, "--no-cache", "--config", "missing.json"], repo),
      "missing.json: no such file",
    );
  });

  it.each([
    ["ignore", { ignore: ["**/*a*a*a*a*a*a*a*a*a*a*a*a*b"] }, "ignore[0]"],
    ["classify", { classify: { test: ["src/*-*-*-*.ts"] } }, "classify.test[0]"],
  ])(
    "a %s glob that would backtrack for minutes is refused in well under a second of matching",
    async (_key, config, where) => {
      // A process, killed at its time limit: were the glob matched, it would hold the test's thread for minutes.
      // The long name that makes such a glob backtrack: with it, the first glob takes minutes per match.
      const repo = await baseRepo({ [`src/${"a".repeat(200)}.ts`]: "export const a = 1;\n" });
      const path = join(await temporaryDir(), "config.json");
      await writeFile(path, JSON.stringify(config));
      const started = Date.now();
      const run = await runCliAsync(["scan", repo, "--no-cache", "--config", path], repo);
      expect(Date.now() - started).toBeLessThan(10_000);
      expectError(run, `${path}: ${where}: more than 3 "*" in one path segment`);
    },
  );

  it("three wildcards in a segment are accepted and still match", async () => {
    const repo = await baseRepo();
    const path = join(await temporaryDir(), "config.json");
    await writeFile(path, JSON.stringify({ ignore: ["src/*a*t*.ts"] }));
    const run = await runCliInProcess(["scan", repo, "--no-cache", "--config", path, "--format", "json"], repo);
    expect(run.status).toBe(0);
    const skipped = (JSON.parse(run.stdout) as { files: { skippedFiles: Array<{ path: string; reason: string }> } })
      .files.skippedFiles;
    expect(skipped).toEqual([{ path: "src/math.ts", reason: "ignored-by-config" }]);
  });
});
