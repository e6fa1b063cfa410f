import { describe, expect, it } from "vitest";
import { categoryOf, findingsOf, locationsOf, scanFixture } from "../../helpers/fixtures.js";

const RULE = "context/broken-command";

describe(RULE, () => {
  // fixtures/context/workspace-commands: AGENTS.md lists ten commands in a table; four are planted to fail.
  it("checks workspace flags, cd, make, just and npx against the right package", async () => {
    const result = await scanFixture("context/workspace-commands");
    expect(locationsOf(result, RULE)).toEqual([
      "AGENTS.md:6:4",
      "AGENTS.md:7:4",
      "AGENTS.md:10:4",
      "AGENTS.md:13:4",
      "AGENTS.md:14:4",
    ]);
    expect(findingsOf(result, RULE).map((finding) => finding.message)).toEqual([
      '`npm run build --workspace=@platform/web` in AGENTS.md does not run: packages/web/package.json has no "build" script',
      '`npm run dev -w @platform/nope` in AGENTS.md does not run: no workspace package matches "@platform/nope"',
      '`make release` in AGENTS.md does not run: the Makefile in the repository root has no target "release"',
      "`npx left-pad` in AGENTS.md does not run: left-pad is not a dependency of the repository, so npx would download it",
      '`npm test --workspaces` in AGENTS.md does not run: packages/web/package.json has no "test" script, and npm runs it in every workspace (add --if-present)',
    ]);
    expect(categoryOf(result, "context").metrics).toMatchObject({ commandsChecked: 10, brokenCommands: 5 });
  });

  // fixtures/context/commands-pnpm-selectors: web depends on ui, ui and demo on core; only core and ui build.
  it("selects pnpm packages as pnpm does: names, ..., ^, ./dir, {dir}, !, -r, -C, -w", async () => {
    const result = await scanFixture("context/commands-pnpm-selectors");
    expect(findingsOf(result, RULE).map((finding) => `${finding.file}:${finding.line} ${finding.message}`)).toEqual([
      'AGENTS.md:6 `pnpm --filter web build` in AGENTS.md does not run: apps/web/package.json has no "build" script',
      'AGENTS.md:8 `pnpm --filter "...^web" build` in AGENTS.md does not run: no workspace package matches "...^web"',
      'AGENTS.md:11 `pnpm -F "{apps/*}" emit` in AGENTS.md does not run: apps/web/package.json has no "emit" script',
      'AGENTS.md:13 `pnpm --filter nope test` in AGENTS.md does not run: no workspace package matches "nope"',
      'AGENTS.md:15 `pnpm -r --filter "!@shop/core" --filter "!@shop/ui" test` in AGENTS.md does not run: none of the 2 packages it selects ("!@shop/core", "!@shop/ui") has a "test" script',
      'AGENTS.md:17 `pnpm -r lint` in AGENTS.md does not run: no workspace package has a "lint" script',
      'AGENTS.md:19 `pnpm -C apps/web build` in AGENTS.md does not run: apps/web/package.json has no "build" script',
      'AGENTS.md:21 `pnpm test --filter demo` in AGENTS.md does not run: examples/demo/package.json has no "test" script',
      'examples/demo/README.md:5 `pnpm -w dev` in examples/demo/README.md does not run: package.json has no "dev" script',
    ]);
    // AGENTS.md's 18 rows and the demo README's 3 commands.
    expect(categoryOf(result, "context").metrics).toMatchObject({ commandsChecked: 21, brokenCommands: 9 });
  });

  it("reads npm's workspace flags, --prefix, exec and its command names", async () => {
    const result = await scanFixture("context/commands-npm");
    expect(findingsOf(result, RULE).map((finding) => `${finding.line} ${finding.message}`)).toEqual([
      '6 `npm test -w packages` in AGENTS.md does not run: packages/docs/package.json has no "test" script, and npm runs it in every workspace it selects (add --if-present)',
      '9 `npm run lint --prefix packages/cli` in AGENTS.md does not run: packages/cli/package.json has no "lint" script',
      "11 `npm exec prettier` in AGENTS.md does not run: prettier is not a dependency of the repository, so npx would download it",
      '13 `npm lint` in AGENTS.md does not run: npm has no "lint" command; the script runs with `npm run lint`',
    ]);
    // Ten rows; `npm uninstall` is npm's own command.
    expect(categoryOf(result, "context").metrics).toMatchObject({ commandsChecked: 10, brokenCommands: 4 });
  });

  it("reads yarn workspace, workspaces foreach (with --include) and --cwd", async () => {
    const result = await scanFixture("context/commands-yarn");
    expect(findingsOf(result, RULE).map((finding) => `${finding.line} ${finding.message}`)).toEqual([
      '6 `yarn workspace @studio/app test` in AGENTS.md does not run: packages/app/package.json has no "test" script',
      '8 `yarn workspace @studio/nope build` in AGENTS.md does not run: no workspace package matches "@studio/nope"',
      '10 `yarn workspaces foreach --all run lint` in AGENTS.md does not run: no workspace package has a "lint" script',
      '12 `yarn workspaces foreach --include "@studio/utils" run start` in AGENTS.md does not run: packages/utils/package.json has no "start" script',
      '14 `yarn --cwd packages/utils start` in AGENTS.md does not run: packages/utils/package.json has no "start" script',
    ]);
    expect(categoryOf(result, "context").metrics).toMatchObject({ commandsChecked: 10, brokenCommands: 5 });
  });

  it("reads bun's --filter, files and built-in commands", async () => {
    const result = await scanFixture("context/commands-bun");
    expect(findingsOf(result, RULE).map((finding) => `${finding.line} ${finding.message}`)).toEqual([
      '6 `bun --filter "@edge/*" deploy` in AGENTS.md does not run: none of the 2 packages it selects ("@edge/*") has a "deploy" script',
      '8 `bun run --filter ./packages/site build` in AGENTS.md does not run: packages/site/package.json has no "build" script',
      "10 `bun run scripts/migrate.ts` in AGENTS.md does not run: scripts/migrate.ts does not exist",
    ]);
    expect(categoryOf(result, "context").metrics).toMatchObject({ commandsChecked: 6, brokenCommands: 3 });
  });

  it("does not check a package manager's own commands (uninstall, dlx, pnpx, yarn npm, bun pm)", async () => {
    const result = await scanFixture("context/commands-builtins");
    expect(locationsOf(result, RULE)).toEqual(["README.md:32:1", "README.md:33:1", "README.md:34:1", "README.md:35:1"]);
    expect(categoryOf(result, "context").metrics).toMatchObject({ commandsChecked: 4, brokenCommands: 4 });
  });

  // fixtures/context/commands-shadowed: the root (pnpm) has scripts named like pnpm, npm and yarn commands (ci, deploy,
  // setup, audit running `pnpm audit --prod`, pack, check, up); packages/edge has test (vitest) and build (`bun build`).
  it("reports a package manager's own command where the package's script of that name is meant", async () => {
    const result = await scanFixture("context/commands-shadowed");
    expect(
      findingsOf(result, RULE).map((finding) => [`${finding.file}:${finding.line}`, finding.message, finding.fix]),
    ).toEqual([
      [
        "README.md:6",
        '`pnpm deploy` in README.md runs pnpm\'s own "deploy" command, not the "deploy" script of package.json',
        "Write `pnpm run deploy` in README.md: pnpm runs a script named like one of its own commands only through `run`.",
      ],
      [
        "README.md:8",
        '`pnpm setup` in README.md runs pnpm\'s own "setup" command, not the "setup" script of package.json',
        "Write `pnpm run setup` in README.md: pnpm runs a script named like one of its own commands only through `run`.",
      ],
      [
        "README.md:13",
        '`npm pack` in README.md runs npm\'s own "pack" command, not the "pack" script of package.json',
        "Write `npm run pack` in README.md: npm runs a script named like one of its own commands only through `run`.",
      ],
      [
        "README.md:14",
        '`yarn check` in README.md runs yarn\'s own "check" command, not the "check" script of package.json',
        "Write `yarn run check` in README.md: yarn runs a script named like one of its own commands only through `run`.",
      ],
      [
        "packages/edge/README.md:4",
        '`bun test` in packages/edge/README.md runs bun\'s own "test" command, not the "test" script of packages/edge/package.json',
        "Write `bun run test` in packages/edge/README.md: bun runs a script named like one of its own commands only through `run`.",
      ],
    ]);
    // Not checked: `pnpm install` and `npm ci` (they mean the install), `pnpm audit` (its script runs it too),
    // `pnpm why serverless` (an argument), `pnpm outdated` (no such script),
    // `bun build` (its script is `bun build …`), line 18's `pnpm deploy` (the sentence says not to run it).
    // Checked: `pnpm build`, `pnpm run deploy` (twice), `yarn up` (yarn 1 has no such command, so it runs the script),
    // `bun run test` and the five.
    expect(categoryOf(result, "context").metrics).toMatchObject({ commandsChecked: 10, brokenCommands: 5 });
  });

  // fixtures/context/commands-shadowed-yarn: yarn 4 (packageManager), scripts check and rebuild; AGENTS.md runs both,
  // and `yarn up` (a command of yarn 2 and later) and `yarn outdated` (yarn 1's only, so a script here, and missing).
  it("reads yarn's own commands as the yarn in use has them: `check` is yarn 1's only, `rebuild` yarn 2's", async () => {
    const result = await scanFixture("context/commands-shadowed-yarn");
    expect(findingsOf(result, RULE).map((finding) => `${finding.file}:${finding.line} ${finding.message}`)).toEqual([
      'AGENTS.md:4 `yarn rebuild` in AGENTS.md runs yarn\'s own "rebuild" command, not the "rebuild" script of package.json',
      'AGENTS.md:6 `yarn outdated` in AGENTS.md does not run: package.json has no "outdated" script',
    ]);
    expect(categoryOf(result, "context").metrics).toMatchObject({ commandsChecked: 3, brokenCommands: 2 });
  });

  it("resolves at the root what a heading, a sentence, a comment or 'repo-wide' says runs from the root", async () => {
    const result = await scanFixture("context/commands-root-hints");
    expect(findingsOf(result, RULE).map((finding) => `${finding.line} ${finding.message}`)).toEqual([
      '11 `pnpm docs:api` in packages/engine/README.md does not run: packages/engine/package.json has no "docs:api" script',
      '16 `pnpm fixtures:emit` in packages/engine/README.md does not run: packages/engine/package.json has no "fixtures:emit" script',
      '40 `pnpm test && pnpm docs:api` in packages/engine/README.md does not run: packages/engine/package.json has no "docs:api" script',
    ]);
    expect(categoryOf(result, "context").metrics).toMatchObject({ commandsChecked: 13, brokenCommands: 3 });
  });

  it("follows a cd line through its code block, a cd written from the root, and the folder a list item is about", async () => {
    const result = await scanFixture("context/commands-cd");
    expect(findingsOf(result, RULE).map((finding) => `${finding.file}:${finding.line} ${finding.message}`)).toEqual([
      'AGENTS.md:7 `npm test` in AGENTS.md does not run: apps/admin/package.json has no "test" script',
      'AGENTS.md:16 `cd apps/shop && npm run build` in AGENTS.md does not run: apps/shop/package.json has no "build" script',
      'AGENTS.md:19 `npm test` in AGENTS.md does not run: apps/admin/package.json has no "test" script',
    ]);
    // `npm run start` after `cd my-new-app` runs in a folder the repository does not have: not checked.
    expect(categoryOf(result, "context").metrics).toMatchObject({ commandsChecked: 9, brokenCommands: 3 });
  });

  it("reads a package README as addressed to the packages that use it, and npx in a README as a download on purpose", async () => {
    const result = await scanFixture("context/commands-readme-readers");
    expect(findingsOf(result, RULE).map((finding) => `${finding.file}:${finding.line} ${finding.message}`)).toEqual([
      "AGENTS.md:3 `npx degit toolchain/starter my-app` in AGENTS.md does not run: degit is not a dependency of the repository, so npx would download it",
      'packages/build-config/README.md:5 `pnpm test` in packages/build-config/README.md does not run: packages/build-config/package.json has no "test" script',
      'packages/build-config/README.md:7 `pnpm release` in packages/build-config/README.md does not run: packages/build-config/package.json has no "release" script',
    ]);
    // The lonely package's README `npx degit …` is not checked.
    expect(categoryOf(result, "context").metrics).toMatchObject({ commandsChecked: 4, brokenCommands: 3 });
  });

  // fixtures/context/commands-users: the README of the workspace package lantern-kit tells its readers to install it,
  // scaffold a project (npm create, npx degit, npx create-… into a folder), add it with deno, and add another
  // library; AGENTS.md scaffolds too (an unpinned download there, as npx in any context file).
  it("does not check what a text tells its readers to run in their own project, after a scaffolder or an install of this package", async () => {
    const result = await scanFixture("context/commands-users");
    expect(findingsOf(result, RULE).map((finding) => `${finding.file}:${finding.line} ${finding.message}`)).toEqual([
      "AGENTS.md:5 `npx create-lantern-app` in AGENTS.md does not run: create-lantern-app is not a dependency of the repository, so npx would download it",
      'AGENTS.md:9 `npm run lint` in AGENTS.md does not run: package.json has no "lint" script',
      'README.md:8 `npm run check-install` in README.md does not run: package.json has no "check-install" script',
      'README.md:36 `npm run docs` in README.md does not run: package.json has no "docs" script',
      'README.md:46 `pnpm run pad` in README.md does not run: package.json has no "pad" script',
      'README.md:53 `npm run no-such-script` in README.md does not run: package.json has no "no-such-script" script',
      'README.md:60 `npm run missing-here` in README.md does not run: package.json has no "missing-here" script',
    ]);
    // Not checked: `npm run lantern-try` (after the block's comment "in an app somewhere") and `npm run lantern-check`
    // (the paragraph says "in your own project"); `npm run lantern` (after `npm install lantern-kit`), `npm run dev` and `pnpm dev` (after
    // `npm create` and `npx degit`, which make the project where the reader is), `npm run dev` in the block of
    // `npx create-lantern-app my-lanterns` (but `npm run docs` after that block is the repository's),
    // `npm run serve` (after `deno add jsr:@lantern/lantern-kit`), AGENTS.md's `npm run dev` after its scaffolder;
    // checked and fine: `npm run build` (twice).
    expect(categoryOf(result, "context").metrics).toMatchObject({ commandsChecked: 9, brokenCommands: 7 });
  });

  // fixtures/context/commands-placeholder-packages: the workspace has @forge/cli and @forge/core. AGENTS.md's bash
  // example says `--filter @forge/package-b` (a stand-in, as prisma's cycle rule writes), line 12 lists six
  // stand-ins, lines 17 and 20 a package in an example ("for example:", "e.g."); the list at the end names a typo,
  // an old scope and a package that is gone.
  it("does not check a stand-in package name, nor a missing package in an example, unless a package has a close name", async () => {
    const result = await scanFixture("context/commands-placeholder-packages");
    expect(findingsOf(result, RULE).map((finding) => `${finding.file}:${finding.line} ${finding.message}`)).toEqual([
      'AGENTS.md:20 `pnpm --filter @forge/cor typecheck` in AGENTS.md does not run: no workspace package matches "@forge/cor" (there is "@forge/core")',
      'AGENTS.md:25 `pnpm --filter @forge/clii typecheck` in AGENTS.md does not run: no workspace package matches "@forge/clii" (there is "@forge/cli")',
      'AGENTS.md:26 `pnpm --filter @forge-old/core typecheck` in AGENTS.md does not run: no workspace package matches "@forge-old/core" (there is "@forge/core")',
      'AGENTS.md:27 `pnpm --filter @forge/server test` in AGENTS.md does not run: no workspace package matches "@forge/server"',
    ]);
    // Not checked: `pnpm install` (the install), line 9's package-b, line 12's six, @forge/server in line 17's
    // example and @forge/docs in line 20's. Checked: the four above and `pnpm --filter @forge/cli test`.
    expect(categoryOf(result, "context").metrics).toMatchObject({ commandsChecked: 5, brokenCommands: 4 });
  });

  it("finds nothing broken in the drift fixture's README", async () => {
    const result = await scanFixture("context/drift");
    expect(findingsOf(result, RULE).some((finding) => finding.file === "README.md")).toBe(false);
  });
});
