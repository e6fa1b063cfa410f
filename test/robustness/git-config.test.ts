/**
 * Robustness: a `.git/config` that names programs. Such a config arrives with
 * a tarball, a shared folder or a container volume; a scan must run none of
 * them. Each program here is a marker script that appends a line to a file
 * outside the repository: the marker file must never appear, and the
 * repository (its .git included) stays byte for byte as it was.
 */
import { execFileSync } from "node:child_process";
import { existsSync, utimesSync } from "node:fs";
import { chmod, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { temporaryDir } from "../helpers/fixtures.js";
import { commitAll, git } from "../helpers/git.js";
import { runCliInProcess, type CliRun } from "../helpers/cli.js";
import { BASE_DOCS, BASE_FILES, baseRepo, changesDuringAsync, docsOf, resultOf } from "./harness.js";

interface Marker {
  /** The script to name in the config. */
  script: string;
  /** The file the script appends to when it runs. */
  marker: string;
}

/**
 * A script that records each run in a marker file outside the repository, then (as a filter must)
 * passes its input through when `isFilter`.
 */
async function markerScript(isFilter = false): Promise<Marker> {
  const dir = await temporaryDir("gw-victim-");
  const marker = join(dir, "ran.txt");
  const script = join(dir, "program.sh");
  await writeFile(script, `#!/bin/sh\necho "$0 $*" >> '${marker}'\n${isFilter ? "cat\n" : ""}`);
  await chmod(script, 0o755);
  return { script, marker };
}

async function markerRuns(marker: string): Promise<string> {
  return existsSync(marker) ? readFile(marker, "utf8") : "";
}

/**
 * Makes every index entry racily clean (the index older than the files), so that
 * git hashes each tracked file again, through its clean filter, to tell whether it changed.
 */
function makeRacy(repo: string): void {
  const past = new Date("2000-01-01T00:00:00Z");
  utimesSync(join(repo, ".git", "index"), past, past);
}

/** A second commit on top of the base, with a PGP signature header (never checked here: only gpg would). */
function commitSigned(repo: string): string {
  const tree = git(repo, ["rev-parse", "HEAD^{tree}"]).trim();
  const parent = git(repo, ["rev-parse", "HEAD"]).trim();
  const body = [
    `tree ${tree}`,
    `parent ${parent}`,
    "author Fixture Author <author@example.com> 1767355200 +0000",
    "committer Fixture Author <author@example.com> 1767355200 +0000",
    "gpgsig -----BEGIN PGP SIGNATURE-----",
    " ",
    " iQEzBAABCAAdFiEE",
    " -----END PGP SIGNATURE-----",
    "",
    "signed",
    "",
  ].join("\n");
  const commit = execFileSync("git", ["hash-object", "-t", "commit", "-w", "--stdin"], { cwd: repo, input: body })
    .toString("utf8")
    .trim();
  git(repo, ["update-ref", "refs/heads/main", commit]);
  return commit;
}

/**
 * Runs `command` with a JSON report, the repository (.git included) compared byte for byte before
 * and after; `git status` is not compared, as it would itself run what the config names.
 */
async function runJson(repo: string, marker: string, args: readonly string[], command = "scan"): Promise<void> {
  let run: CliRun = { status: null, stdout: "", stderr: "" };
  const changed = await changesDuringAsync(repo, false, async () => {
    run = await runCliInProcess(
      [command, repo, "--format", "json", ...(command === "scan" ? ["--no-cache"] : []), ...args],
      repo,
    );
  });
  expect(await markerRuns(marker)).toBe("");
  expect(changed).toEqual([]);
  expect(run.stderr).not.toMatch(/error|warning/);
  expect(run.status).toBe(0);
  if (command === "scan") expect(docsOf(resultOf(run))).toMatchObject(BASE_DOCS);
}

describe("robustness: a .git/config that names programs", () => {
  it("core.fsmonitor: the hook is never run (it was run twice per scan, three times with --record)", async () => {
    const { script, marker } = await markerScript();
    const repo = await baseRepo();
    git(repo, ["config", "core.fsmonitor", script]);
    const history = join(await temporaryDir(), "history.jsonl");
    await runJson(repo, marker, ["--record", "--history-file", history]);
  });

  it.each(["clean", "process"])(
    "a filter driver's %s program is never run on a racily clean file (scan --record hashed it through the filter)",
    async (program) => {
      const { script, marker } = await markerScript(true);
      const repo = await baseRepo({ ".gitattributes": "*.ts filter=evil\n" });
      git(repo, ["config", `filter.evil.${program}`, script]);
      git(repo, ["config", "filter.evil.required", "true"]);
      makeRacy(repo);
      const history = join(await temporaryDir(), "history.jsonl");
      await runJson(repo, marker, ["--record", "--history-file", history]);
    },
  );

  it("a filter whose name holds a = (no `git -c` can name it): never run; the scan goes on", async () => {
    const { script, marker } = await markerScript(true);
    const repo = await baseRepo({ ".gitattributes": "*.ts filter=a=b\n" });
    await writeFile(join(repo, ".git", "config"), `[filter "a=b"]\n\tclean = ${script}\n`, { flag: "a" });
    makeRacy(repo);
    const history = join(await temporaryDir(), "history.jsonl");
    await runJson(repo, marker, ["--record", "--history-file", history]);
    // Whether the work tree matches the commit could not be asked: the point is kept apart as uncommitted.
    expect(JSON.parse(await readFile(history, "utf8"))).toMatchObject({ dirty: true });
  });

  describe("log.showSignature with gpg.program, on a signed commit", () => {
    async function signedRepo(): Promise<{ repo: string; marker: string }> {
      const { script, marker } = await markerScript();
      const repo = await baseRepo();
      await writeFile(
        join(repo, "src", "math.ts"),
        `${BASE_FILES["src/math.ts"]}// signed
`,
      );
      commitAll(repo, "before the signed commit", "2026-01-02T12:00:00Z");
      commitSigned(repo);
      git(repo, ["config", "log.showSignature", "true"]);
      git(repo, ["config", "gpg.program", script]);
      return { repo, marker };
    }

    it("scan and scan --record never run gpg.program", async () => {
      const { repo, marker } = await signedRepo();
      const history = join(await temporaryDir(), "history.jsonl");
      await runJson(repo, marker, ["--record", "--history-file", history]);
    });

    it("scan --baseline-ref never runs gpg.program", async () => {
      const { repo, marker } = await signedRepo();
      await runJson(repo, marker, ["--baseline-ref", "HEAD~1"]);
    });

    it("trend --backfill never runs gpg.program", async () => {
      const { repo, marker } = await signedRepo();
      await runJson(repo, marker, ["--backfill", "3", "--quiet"], "trend");
    });
  });
});
