import { describe, expect, it } from "vitest";
import {
  commandLines,
  isPlaceholderName,
  isPlaceholderScope,
  recogniseCommands,
  runsScriptByName,
  userSetup,
  type Selection,
} from "../../../src/facts/context/commands.js";

function line(
  text: string,
  cwd: string | null = "",
): { text: string; line: number; column: number } & {
  isAtRoot: boolean;
  subject: null;
  cwd: string | null;
} {
  return { text, line: 1, column: 1, isAtRoot: false, subject: null, cwd };
}

function needs(text: string): unknown[] {
  return recogniseCommands(line(text)).map(({ need, cwd, isAtRoot }) => ({ ...need, cwd, isAtRoot }));
}

/** A package manager's own command, in a form a script of its name could be meant by (see verify's shadowing check). */
function builtin(manager: string, command: string): unknown {
  return { kind: "builtin", manager, command, cwd: "", isAtRoot: false };
}

function script(manager: string, name: string, extra: Partial<Record<string, unknown>> = {}): unknown {
  return {
    kind: "script",
    manager,
    script: name,
    selection: null,
    ifPresent: false,
    cwd: "",
    isAtRoot: false,
    ...extra,
  };
}

function selection(selectors: string[], syntax: Selection["syntax"], extra: Partial<Selection> = {}): Selection {
  return { selectors, syntax, all: false, withRoot: false, each: syntax === "plain", ...extra };
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
      { text: "npm run build", line: 1, column: 13, isAtRoot: false, subject: null, cwd: "" },
      { text: "npm ci", line: 4, column: 1, isAtRoot: false, subject: null, cwd: "" },
      { text: "pnpm test", line: 7, column: 3, isAtRoot: false, subject: null, cwd: "" },
    ]);
  });

  it("drops a trailing comment and carries a bare cd to the block's next lines", () => {
    const lines = [
      "```sh", // 1
      "cd apps/web    # or apps/admin", // 2
      "pnpm test:unit              # Run unit tests only", // 3
      "cd ..", // 4
      "pnpm lint", // 5
      "cd ~/elsewhere", // 6
      "pnpm dev", // 7
      "```", // 8
      "```sh", // 9
      "pnpm build", // 10
      "```", // 11
    ];
    expect(commandLines(lines).map(({ text, cwd }) => [text, cwd])).toEqual([
      ["cd apps/web", ""],
      ["pnpm test:unit", "apps/web"],
      ["cd ..", "apps/web"],
      ["pnpm lint", "apps"],
      ["cd ~/elsewhere", "apps"],
      ["pnpm dev", null],
      ["pnpm build", ""],
    ]);
  });

  it("marks commands the text says run from the repository root: heading, sentence, list item, block intro, comment, repo-wide", () => {
    const lines = [
      "# Package", // 1
      "", // 2
      "Run `pnpm a` here.", // 3
      "", // 4
      "Run `pnpm b` from the repo root,", // 5
      "and `pnpm c` too.", // 6
      "", // 7
      "- `pnpm d` at the monorepo root", // 8
      "- `pnpm e` here", // 9
      "", // 10
      "It is part of the repo-wide `pnpm f`, unlike `pnpm g`.", // 11
      "", // 12
      "Run these from the root of the repository:", // 13
      "", // 14
      "```sh", // 15
      "pnpm h", // 16
      "```", // 17
      "", // 18
      "```sh", // 19
      "# build first (from repository root)", // 20
      "pnpm i", // 21
      "# then here", // 22
      "pnpm j", // 23
      "pnpm k   # in the repo root", // 24
      "```", // 25
      "", // 26
      "## From the workspace root", // 27
      "", // 28
      "`pnpm l`", // 29
      "", // 30
      "### Still there", // 31
      "", // 32
      "`pnpm m`", // 33
      "", // 34
      "## Back in the package", // 35
      "", // 36
      "`pnpm n`", // 37
      "", // 38
      "Run `pnpm o` here (see `docs/a.md`). Then `pnpm p` from the repo root.", // 39
    ];
    expect(commandLines(lines).map(({ text, isAtRoot }) => `${text}${isAtRoot ? " (root)" : ""}`)).toEqual([
      "pnpm a",
      "pnpm b (root)",
      "pnpm c (root)",
      "pnpm d (root)",
      "pnpm e",
      "pnpm f (root)",
      "pnpm g",
      "pnpm h (root)",
      "pnpm i (root)",
      "pnpm j",
      "pnpm k (root)",
      "pnpm l (root)",
      "pnpm m (root)",
      "pnpm n",
      "pnpm o",
      "pnpm p (root)",
    ]);
  });

  it("takes the folder a list item opens with as the item's subject", () => {
    const lines = [
      "- `examples/demo` — run `pnpm dev` and edit `src/app.ts`.", // 1
      "- [the site](./apps/site) — `pnpm build`", // 2
      "- Run `pnpm test`.", // 3
    ];
    expect(commandLines(lines).map(({ text, subject }) => [text, subject])).toEqual([
      ["pnpm dev", "examples/demo"],
      ["pnpm build", "./apps/site"],
      ["pnpm test", null],
    ]);
  });
});

describe("what commands set up in the reader's own project", () => {
  it.each([
    ["npm create vite@latest", { scaffold: "here", installs: [] }],
    ["npm create vite@latest my-app -- --template react", { scaffold: "folder", installs: [] }],
    ["npm create vite@latest -- --template react", { scaffold: "here", installs: [] }],
    ["npm init -y", { scaffold: "here", installs: [] }],
    ["npm init @scope/app my-app", { scaffold: "folder", installs: [] }],
    ["npx create-next-app", { scaffold: "here", installs: [] }],
    ["npx --yes @vitejs/create-app@2 site", { scaffold: "folder", installs: [] }],
    ["npx degit user/template", { scaffold: "here", installs: [] }],
    ["npx tiged user/template my-app", { scaffold: "folder", installs: [] }],
    ["pnpm create astro", { scaffold: "here", installs: [] }],
    ["pnpm dlx create-vite my-app", { scaffold: "folder", installs: [] }],
    ["yarn create vite", { scaffold: "here", installs: [] }],
    ["bun create vite app", { scaffold: "folder", installs: [] }],
    ["npm install zod@next --save", { scaffold: null, installs: ["zod"] }],
    ["npm i -g @acme/cli npm:left-pad@1", { scaffold: null, installs: ["@acme/cli", "left-pad"] }],
    ["pnpm add -D @acme/kit", { scaffold: null, installs: ["@acme/kit"] }],
    ["yarn add react react-dom", { scaffold: null, installs: ["react", "react-dom"] }],
    ["yarn global add @acme/cli", { scaffold: null, installs: ["@acme/cli"] }],
    ["bun add hono", { scaffold: null, installs: ["hono"] }],
    ["deno add jsr:@hono/hono@4", { scaffold: null, installs: ["jsr:@hono/hono"] }],
    ["npx jsr add @luca/flag", { scaffold: null, installs: ["jsr:@luca/flag"] }],
    ["npm install", null],
    ["npm install ./packages/kit github:user/repo https://example.com/kit.tgz", null],
    ["pnpm add @acme/kit --filter web", null],
    ["npm install @acme/kit -w web", null],
    ["yarn workspace web add @acme/kit", null],
    ["npm run build", null],
    ["npx tsc --noEmit", null],
  ])("%s", (text, expected) => {
    expect(userSetup(text.split(" "))).toEqual(expected);
  });

  it("puts what follows a scaffolder in the reader's project: the block or paragraph, the section when it is made where the reader stands", () => {
    const lines = [
      "## Start", // 1
      "```sh", // 2
      "npx create-app my-app", // 3
      "npm run dev", // 4
      "```", // 5
      "Then `npm run lint`.", // 6
      "```sh", // 7
      "npm create app@latest && npm run a", // 8
      "```", // 9
      "And `npm run b`.", // 10
      "## Develop", // 11
      "`npm run c`", // 12
    ];
    expect(
      commandLines(lines)
        .flatMap(recogniseCommands)
        .map(({ text, cwd }) => [text, cwd]),
    ).toEqual([
      ["npx create-app my-app", ""],
      ["npm run dev", null],
      ["npm run lint", ""],
      ["npm create app@latest && npm run a", null],
      ["npm run b", null],
      ["npm run c", ""],
    ]);
  });

  it("marks a code span the sentence says not to run", () => {
    const lines = [
      "Use `pnpm run deploy` (not `pnpm deploy`), and `npm ci` instead of `npm i`.", // 1
      "Never run `npm publish` by hand; do not", // 2
      "`npm run release` either. If it does not pass, run `npm run fix`.", // 3
    ];
    expect(commandLines(lines).map(({ text, isNegated }) => [text, isNegated ?? false])).toEqual([
      ["pnpm run deploy", false],
      ["pnpm deploy", true],
      ["npm ci", false],
      ["npm i", true],
      ["npm publish", true],
      ["npm run release", true],
      ["npm run fix", false],
    ]);
  });

  it("marks a command the text introduces as an example: its sentence, the block's intro, a comment, a heading", () => {
    const lines = [
      "Build one package, e.g. `pnpm --filter web build`, or all with `pnpm build`.", // 1
      "Tools such as `pnpm lint` run here. Then `pnpm test`.", // 2
      "- Example: `pnpm --filter api dev`", // 3
      "", // 4
      "To check one package, for example:", // 5
      "", // 6
      "```sh", // 7
      "pnpm --filter api typecheck", // 8
      "```", // 9
      "", // 10
      "For instance. Then run:", // 11
      "", // 12
      "```sh", // 13
      "pnpm typecheck", // 14
      "# e.g. for one package", // 15
      "pnpm --filter api test", // 16
      "# then all", // 17
      "pnpm -r test", // 18
      "```", // 19
      "", // 20
      "## Example", // 21
      "", // 22
      "`pnpm --filter docs build`", // 23
      "", // 24
      "## Examples", // 25
      "", // 26
      "`pnpm --filter example-next dev`", // 27
    ];
    expect(commandLines(lines).map(({ text, isExample }) => [text, isExample ?? false])).toEqual([
      ["pnpm --filter web build", true],
      ["pnpm build", true],
      ["pnpm lint", true],
      ["pnpm test", false],
      ["pnpm --filter api dev", true],
      ["pnpm --filter api typecheck", true],
      ["pnpm typecheck", false],
      ["pnpm --filter api test", true],
      ["pnpm -r test", false],
      ["pnpm --filter docs build", true],
      ["pnpm --filter example-next dev", false],
    ]);
  });

  it("records the packages a section installed into the reader's project on the commands after them", () => {
    const lines = [
      "## Use it", // 1
      "Run `npm run before`, then `pnpm add @acme/kit` and `npx acme init`.", // 2
      "With Deno: `deno add jsr:@acme/kit`, then `npm run serve`.", // 3
      "## Develop", // 4
      "`npm run build`", // 5
    ];
    expect(commandLines(lines).map(({ text, usersPackages }) => [text, usersPackages])).toEqual([
      ["npm run before", undefined],
      ["pnpm add @acme/kit", undefined],
      ["npx acme init", ["@acme/kit"]],
      ["npm run serve", ["@acme/kit", "jsr:@acme/kit"]],
      ["npm run build", undefined],
    ]);
  });
});

describe("stand-in package names", () => {
  it("takes the names examples use for any package as stand-ins, and real-looking names as names", () => {
    const names = [
      "package-b",
      "@internal/package-a",
      "pkg-b",
      "lib1",
      "package-name",
      "my-package",
      "your-package",
      "some-lib",
      "example-app",
      "foo",
      "x",
      "<name>",
      "$PKG",
      "./packages/your-package",
      "@internal/cli",
      "web",
      "package",
      "core-package-b",
      "examples",
      "mypackage",
    ];
    expect(names.filter((name) => isPlaceholderName(name))).toEqual([
      "package-b",
      "@internal/package-a",
      "pkg-b",
      "lib1",
      "package-name",
      "my-package",
      "your-package",
      "some-lib",
      "example-app",
      "foo",
      "x",
      "<name>",
      "$PKG",
      "./packages/your-package",
      "package",
    ]);
    expect(["@scope/ui", "@my-org/ui", "@acme/ui", "@acmecorp/ui", "@internal/ui"].filter(isPlaceholderScope)).toEqual([
      "@scope/ui",
      "@my-org/ui",
      "@acme/ui",
    ]);
  });
});

describe("how a fix runs a script", () => {
  it.each([
    ["npm", "test", false, true],
    ["npm", "lint", false, false],
    ["pnpm", "test:unit", false, true],
    ["pnpm", "deploy", false, false],
    ["yarn", "check", false, false],
    ["yarn", "check", true, true],
    ["yarn", "rebuild", true, false],
    ["bun", "test", false, false],
  ])("`%s %s` (yarn 2+: %s) runs the script: %s", (manager, script, isYarnBerry, expected) => {
    expect(runsScriptByName(manager, script, isYarnBerry)).toBe(expected);
  });
});

describe("recognised commands", () => {
  it.each([
    ["npm test", [script("npm", "test")]],
    ["npm run lint -- --fix", [script("npm", "lint")]],
    ["npm ci", [builtin("npm", "ci")]],
    ["npm audit -- --json", [builtin("npm", "audit")]],
    ["npm audit --json", []],
    ["npm install -w web", []],
    ["npm uninstall left-pad", []],
    ["npm explain eslint", []],
    ["npm tes", [script("npm", "test")]],
    ["npm lint", [{ kind: "unknown-command", manager: "npm", command: "lint", cwd: "", isAtRoot: false }]],
    [
      "CI=1 npm run e2e --if-present -ws",
      [script("npm", "e2e", { ifPresent: true, selection: selection([], "plain", { all: true }) })],
    ],
    [
      "npm run build -w @acme/api --workspace=./packages/web",
      [script("npm", "build", { selection: selection(["@acme/api", "./packages/web"], "plain") })],
    ],
    ["npm run build --prefix packages/api", [script("npm", "build", { cwd: "packages/api" })]],
    [
      "npm exec -w @acme/api -- tsc --noEmit",
      [
        {
          kind: "bin",
          manager: "npm",
          bin: "tsc",
          selection: selection(["@acme/api"], "plain"),
          cwd: "",
          isAtRoot: false,
        },
      ],
    ],
    ["pnpm --filter @acme/web dev", [script("pnpm", "dev", { selection: selection(["@acme/web"], "pnpm") })]],
    [
      "pnpm -F web... -F '!@acme/legacy' run --if-present build --watch",
      [script("pnpm", "build", { ifPresent: true, selection: selection(["web...", "!@acme/legacy"], "pnpm") })],
    ],
    // pnpm passes everything after a script's name to the script: this filter is turbo's.
    ["pnpm test:examples --filter demo", [script("pnpm", "test:examples")]],
    // `test` is pnpm's own command, which reads its options anywhere.
    ["pnpm test --filter demo", [script("pnpm", "test", { selection: selection(["demo"], "pnpm") })]],
    ["pnpm -r lint", [script("pnpm", "lint", { selection: selection([], "pnpm", { all: true }) })]],
    ["pnpm -w build", [script("pnpm", "build", { isAtRoot: true })]],
    ["pnpm -C packages/api build", [script("pnpm", "build", { cwd: "packages/api" })]],
    ["pnpm --dir=packages/api build", [script("pnpm", "build", { cwd: "packages/api" })]],
    ["pnpm install", [builtin("pnpm", "install")]],
    ["pnpm deploy", [builtin("pnpm", "deploy")]],
    ["pnpm --filter api deploy", []],
    ["pnpm deploy out --prod", []],
    ["pnpm uninstall left-pad", []],
    ["pnpm dlx create-vite app", []],
    ["pnpx create-vite app", []],
    ["pnpm run /^watch:/", []],
    [
      "pnpm --filter integration-tests exec vitest run",
      [
        {
          kind: "bin",
          manager: "pnpm",
          bin: "vitest",
          selection: selection(["integration-tests"], "pnpm"),
          cwd: "",
          isAtRoot: false,
        },
      ],
    ],
    ["yarn workspace api build", [script("yarn", "build", { selection: selection(["api"], "plain") })]],
    ["yarn workspace api run build", [script("yarn", "build", { selection: selection(["api"], "plain") })]],
    ["yarn workspace api add zod", []],
    [
      "yarn workspaces foreach -A --parallel run build",
      [script("yarn", "build", { selection: selection([], "plain", { all: true, withRoot: true, each: false }) })],
    ],
    [
      "yarn workspaces foreach --include '@acme/*' --exclude @acme/legacy run test",
      [script("yarn", "test", { selection: selection(["@acme/*", "!@acme/legacy"], "plain", { each: false }) })],
    ],
    ["yarn workspaces run lint", [script("yarn", "lint", { selection: selection([], "plain", { all: true }) })]],
    ["yarn --cwd packages/api build", [script("yarn", "build", { cwd: "packages/api" })]],
    ["yarn dlx create-vite app", []],
    ["yarn", []],
    ["bun run scripts/seed.ts", [{ kind: "file", manager: "bun", file: "scripts/seed.ts", cwd: "", isAtRoot: false }]],
    ["bun test", [builtin("bun", "test")]],
    ["bun test src/a.test.ts", []],
    ["yarn pack", [builtin("yarn", "pack")]],
    ["bun --filter './packages/*' dev", [script("bun", "dev", { selection: selection(["./packages/*"], "pnpm") })]],
    ["npx tsc --noEmit", [{ kind: "bin", manager: "npx", bin: "tsc", selection: null, cwd: "", isAtRoot: false }]],
    ["npx create-app@latest my-app", []],
    ["npm run <script>", []],
    ["make -C tools release", [{ kind: "make", target: "release", dir: "tools", cwd: "", isAtRoot: false }]],
    ["just", [{ kind: "just", recipe: null, cwd: "", isAtRoot: false }]],
    [
      "cd packages/api && npm run build && cd ../web && npm run dev",
      [script("npm", "build", { cwd: "packages/api" }), script("npm", "dev", { cwd: "packages/web" })],
    ],
    ["cd .. && npm test", [script("npm", "test", { cwd: ".." })]],
    ["cd $ROOT && npm test", [script("npm", "test", { cwd: null })]],
    ["git status && docker compose up", []],
  ])("%s", (text, expected) => {
    expect(needs(text)).toEqual(expected);
  });
});
