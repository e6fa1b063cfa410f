import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig, resolveConfig } from "../../src/config/index.js";
import { ConfigError } from "../../src/errors.js";
import { REPO_ROOT, temporaryDir } from "../helpers/fixtures.js";
import { writeFiles } from "../helpers/git.js";

function errorOf(value: unknown): string {
  try {
    resolveConfig(value, "groundwork.config.json");
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("config validation", () => {
  it("fills every default when the config is empty", () => {
    const config = resolveConfig({}, null);
    expect(config.maxFileSize).toBe(1024 * 1024);
    expect(config.ignore).toEqual([]);
    expect(config.categories.docs).toEqual({ weight: 15, isEnabled: true });
    expect(config.rules.get("interfaces/max-params")).toEqual({
      severity: "warning",
      options: {},
      isSeverityConfigured: false,
    });
  });

  it("reads severities and options", () => {
    const config = resolveConfig(
      {
        rules: { "interfaces/max-params": { severity: "error", options: { max: 6 } }, "docs/readme": "off" },
        categories: { docs: { weight: 30 } },
      },
      null,
    );
    expect(config.rules.get("interfaces/max-params")).toEqual({
      severity: "error",
      options: { max: 6 },
      isSeverityConfigured: true,
    });
    expect(config.rules.get("docs/readme")?.severity).toBe("off");
    expect(config.categories.docs.weight).toBe(30);
  });

  it.each([
    [{ colour: true }, "groundwork.config.json: colour: unknown key"],
    [{ rules: { "interfaces/nope": "off" } }, "groundwork.config.json: rules.interfaces/nope: unknown rule"],
    [
      { rules: { "interfaces/max-params": { options: { max: "5" } } } },
      'groundwork.config.json: rules.interfaces/max-params.options.max: expected number, got "5"',
    ],
    [
      { rules: { "interfaces/max-params": { options: { maximum: 5 } } } },
      "groundwork.config.json: rules.interfaces/max-params.options.maximum: unknown key",
    ],
    [
      { rules: { "docs/readme": "warn" } },
      'groundwork.config.json: rules.docs/readme: expected one of "off", "info", "warning", "error", got "warn"',
    ],
    [{ ignore: "src" }, 'groundwork.config.json: ignore: expected array, got "src"'],
    [{ ignore: ["ok/**", ""] }, 'groundwork.config.json: ignore[1]: must not be empty, got ""'],
    [
      { categories: { docs: { weight: -1 } } },
      "groundwork.config.json: categories.docs.weight: must be at least 0, got -1",
    ],
    [{ categories: { speed: { weight: 1 } } }, "groundwork.config.json: categories.speed: unknown key"],
    [{ maxFileSize: 1.5 }, "groundwork.config.json: maxFileSize: expected int, got 1.5"],
    [[], "groundwork.config.json: (top level): expected object, got []"],
  ])("rejects %j", (value, message) => {
    expect(errorOf(value)).toBe(message);
  });
});

describe("config files", () => {
  it("uses groundwork.config.json at the scanned root when present", async () => {
    const root = await temporaryDir();
    await writeFiles(root, { "groundwork.config.json": JSON.stringify({ maxFileSize: 2048 }) });
    const config = await loadConfig({ root });
    expect(config.maxFileSize).toBe(2048);
    expect(config.source).toBe(join(root, "groundwork.config.json"));
  });

  it("uses defaults when there is no config file at the root", async () => {
    const config = await loadConfig({ root: await temporaryDir() });
    expect(config.source).toBeNull();
  });

  it("requires an explicit config path to exist, named as given from the caller's directory", async () => {
    const root = await temporaryDir();
    await expect(loadConfig({ root, path: "missing.json", cwd: root })).rejects.toThrow(
      new ConfigError("config file missing.json: no such file"),
    );
    // Outside the caller's directory, the path is absolute.
    await expect(loadConfig({ root, path: join(root, "missing.json"), cwd: join(root, "elsewhere") })).rejects.toThrow(
      new ConfigError(`config file ${join(root, "missing.json")}: no such file`),
    );
  });

  it("names the line and column of invalid JSON", async () => {
    const root = await temporaryDir();
    await writeFiles(root, { "groundwork.config.json": '{\n  "ignore": [,]\n}\n' });
    await expect(loadConfig({ root })).rejects.toThrow(/groundwork\.config\.json: invalid JSON at line 2, column 14: /);
  });
});

describe("documented configs", () => {
  it.each([
    ["README.md", "## Configuration"],
    ["docs/ci.md", "The same gates can live in the config file"],
  ])("the example in %s is a valid config", async (file, heading) => {
    const text = await readFile(join(REPO_ROOT, file), "utf8");
    const after = text.slice(text.indexOf(heading));
    const example = /```json\n([^]*?)```/.exec(after)?.[1] ?? "";
    const { $schema: _schema, ...config } = JSON.parse(example) as Record<string, unknown>;
    expect(Object.keys(config).length).toBeGreaterThan(0);
    expect(() => resolveConfig(config, file)).not.toThrow();
  });
});
