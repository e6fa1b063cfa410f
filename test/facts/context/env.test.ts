import { describe, expect, it } from "vitest";
import { isProvidedEnv } from "../../../src/facts/context/env.js";
import { namesInDoc } from "../../../src/facts/context/project.js";
import { parseModule } from "../../../src/facts/modules/parse.js";

function envOf(source: string): { reads: string[]; writes: string[] } {
  const facts = parseModule("src/run.ts", "source", source);
  return {
    reads: facts.envReads.map(({ name, line, column }) => `${name}@${line}:${column}`),
    writes: facts.envWrites ?? [],
  };
}

describe("environment variables a file sets", () => {
  it("records assignments to process.env, not their targets as reads; a value that reads the variable is a default", () => {
    const source = [
      'process.env.CHILD_MODE = "worker";', // 1
      'process.env["OUTPUT_DIR"] = "out";', // 2
      'process.env.LEVEL = process.env.LEVEL ?? "info";', // 3
      'process.env.FLAG ??= "1";', // 4
      "const name = 'DYNAMIC';", // 5
      'process.env[name] = "x";', // 6
    ].join("\n");
    expect(envOf(source)).toEqual({
      reads: ["LEVEL@3:21", "FLAG@4:1"],
      writes: ["CHILD_MODE", "OUTPUT_DIR"],
    });
  });

  it("records a child's environment and objects named for the environment, not other objects", () => {
    const source = [
      'spawn("node", [], { env: { ...process.env, WORKER_INDEX: "1", API_KEY: process.env.API_KEY } });', // 1
      'const childEnv = { ...process.env, PORT: "0" };', // 2
      "const envVars: Record<string, string> = {};", // 3
      'envVars.PKG_VERSION = "1.0.0";', // 4
      'settings.DEFAULT_PORT = "80";', // 5
      'const options = { retries: 1, TIMEOUT: "5" };', // 6
      'envVars.lowercase = "no";', // 7
    ].join("\n");
    expect(envOf(source)).toEqual({
      reads: ["API_KEY@1:72"],
      writes: ["WORKER_INDEX", "PORT", "PKG_VERSION"],
    });
  });

  it("records what delete removes and Object.assign sets on process.env, not as reads", () => {
    const source = [
      "delete process.env.NODE_INSPECT_PORT;", // 1
      'delete process.env["CHILD_FLAG"];', // 2
      "delete process.env[key];", // 3
      'Object.assign(process.env, { MODE: "ssr", LEVEL: process.env.LEVEL ?? "info" }, defaults);', // 4
      'Object.assign(settings, { TIMEOUT: "5" });', // 5
    ].join("\n");
    expect(envOf(source)).toEqual({
      reads: ["LEVEL@4:50"],
      writes: ["NODE_INSPECT_PORT", "CHILD_FLAG", "MODE"],
    });
  });

  it("has no writes field when nothing is set", () => {
    expect(parseModule("src/read.ts", "source", "export const port = process.env.PORT;").envWrites).toBeUndefined();
  });
});

describe("variables the environment provides", () => {
  it.each([
    ["CI", true],
    ["GITHUB_OUTPUT", true],
    ["RUNNER_TEMP", true],
    ["CI_COMMIT_SHA", true],
    ["npm_package_version", true],
    ["NODE_OPTIONS", true],
    ["HOME", true],
    ["XDG_CONFIG_HOME", true],
    ["TEST", true],
    ["VITEST", true],
    ["JEST_WORKER_ID", true],
    ["VERCEL_GIT_COMMIT_SHA", true],
    ["VERCEL_ENV", true],
    ["NEXT_PUBLIC_VERCEL_URL", true],
    ["VITE_VERCEL_ENV", true],
    ["VITEST_MODE", true],
    ["npm_lifecycle_event", true],
    ["ACTIONS_RUNNER_DEBUG", true],
    ["NODE_USE_SYSTEM_CA", true],
    ["CF_PAGES_URL", true],
    ["BITBUCKET_COMMIT", true],
    ["NETLIFY", true],
    ["GITHUB_TOKEN", false],
    ["CONTEXT", false],
    ["NEXT_PUBLIC_VERCEL_TOKEN", false],
    ["DATABASE_URL", false],
    ["GITHUB", false],
    ["CIRCLE", false],
    ["NODE_APP_PORT", false],
  ])("%s is provided: %s", (name, isProvided) => {
    expect(isProvidedEnv(name)).toBe(isProvided);
  });
});

describe("names a doc gives", () => {
  it("takes code spans, code blocks, tables and underscored names; not capitalised prose words", () => {
    const text = [
      "Set `RELEASE_TOKEN` and `PORT` first.", // code spans
      "NOTE: the API reads CACHE_DIR and TIMEOUT.", // prose: only the underscored name
      "| Variable | Meaning |",
      "| HOST | where it listens |",
      "```sh",
      "LOG_LEVEL=debug DEBUG_MODE=1 npm start",
      "```",
      "After the block, URL is a word again.",
    ].join("\n");
    expect(namesInDoc(text)).toEqual(["RELEASE_TOKEN", "PORT", "CACHE_DIR", "HOST", "LOG_LEVEL", "DEBUG_MODE"]);
  });
});
