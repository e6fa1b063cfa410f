import { describe, expect, it } from "vitest";
import { commandLines, recogniseCommands } from "../../../src/facts/context/commands.js";

function needs(text: string): unknown[] {
  return recogniseCommands({ text, line: 1, column: 1 }).map(({ need, cwd }) => ({ ...need, cwd }));
}

describe("command lines", () => {
  it("takes every line of shell fences, only prompted lines of console fences, and code spans that start with a tool", () => {
    const lines = [
      "Build with `npm run build`, then read `src/index.ts`.", // 1
      "```bash", // 2
      "# install first", // 3
      "npm ci", // 4
      "```", // 5
      "```console", // 6
      "$ pnpm test", // 7
      "ok 1 passed", // 8
      "```", // 9
      "```js", // 10
      "npm.run()", // 11
      "```", // 12
    ];
    expect(commandLines(lines)).toEqual([
      { text: "npm run build", line: 1, column: 13 },
      { text: "npm ci", line: 4, column: 1 },
      { text: "pnpm test", line: 7, column: 3 },
    ]);
  });
});

describe("recognised commands", () => {
  it.each([
    [
      "npm test",
      [
        {
          kind: "script",
          manager: "npm",
          script: "test",
          workspace: null,
          anyWorkspace: false,
          ifPresent: false,
          cwd: "",
        },
      ],
    ],
    [
      "npm run lint -- --fix",
      [
        {
          kind: "script",
          manager: "npm",
          script: "lint",
          workspace: null,
          anyWorkspace: false,
          ifPresent: false,
          cwd: "",
        },
      ],
    ],
    ["npm ci", []],
    [
      "CI=1 npm run e2e --if-present -ws",
      [
        {
          kind: "script",
          manager: "npm",
          script: "e2e",
          workspace: null,
          anyWorkspace: true,
          ifPresent: true,
          cwd: "",
        },
      ],
    ],
    [
      "pnpm --filter @acme/web dev",
      [
        {
          kind: "script",
          manager: "pnpm",
          script: "dev",
          workspace: "@acme/web",
          anyWorkspace: false,
          ifPresent: true,
          cwd: "",
        },
      ],
    ],
    ["pnpm install", []],
    [
      "yarn workspace api build",
      [
        {
          kind: "script",
          manager: "yarn",
          script: "build",
          workspace: "api",
          anyWorkspace: false,
          ifPresent: true,
          cwd: "",
        },
      ],
    ],
    ["yarn", []],
    ["bun run scripts/seed.ts", [{ kind: "file", manager: "bun", file: "scripts/seed.ts", cwd: "" }]],
    ["bun test", []],
    ["npx tsc --noEmit", [{ kind: "bin", manager: "npx", bin: "tsc", cwd: "" }]],
    ["npx create-app@latest my-app", []],
    ["make -C tools release", [{ kind: "make", target: "release", dir: "tools", cwd: "" }]],
    ["just", [{ kind: "just", recipe: null, cwd: "" }]],
    [
      "cd packages/api && npm run build && cd ../web && npm run dev",
      [
        {
          kind: "script",
          manager: "npm",
          script: "build",
          workspace: null,
          anyWorkspace: false,
          ifPresent: false,
          cwd: "packages/api",
        },
        {
          kind: "script",
          manager: "npm",
          script: "dev",
          workspace: null,
          anyWorkspace: false,
          ifPresent: false,
          cwd: "packages/web",
        },
      ],
    ],
    ["git status && docker compose up", []],
  ])("%s", (text, expected) => {
    expect(needs(text)).toEqual(expected);
  });
});
