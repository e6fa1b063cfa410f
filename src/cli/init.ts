import { join } from "node:path";
import type { Command } from "commander";
import { generateSections, scaffold, updateMarked } from "../agents-md/index.js";
import { scan } from "../engine/index.js";
import { InputError, UsageError } from "../errors.js";
import { productPackages } from "../facts/context/tooling.js";
import { describeReadProblem, READ_LIMITS, readBoundedText } from "../read.js";
import { escapeControl } from "../report/printable.js";
import type { Facts } from "../facts/index.js";
import { writeFileAtomic, type CliIO } from "./io.js";
import { withCacheOptions } from "./scan.js";

interface InitFlags {
  force?: boolean;
  update?: boolean;
  stdout?: boolean;
  dryRun?: boolean;
  nested?: boolean;
  maxLines: number;
  config?: string;
  cache: boolean;
  cacheDir?: string;
}

/** Registers `groundwork init [dir]`. */
export function registerInit(program: Command, io: CliIO, setExitCode: (code: number) => void): void {
  const command = program
    .command("init")
    .description("write an AGENTS.md built from facts Groundwork verified in the repository")
    .argument("[dir]", "repository directory", ".")
    .option("--force", "replace an existing AGENTS.md")
    .option(
      "--update",
      "regenerate only Groundwork's marked sections of an existing AGENTS.md, keeping every other line",
    )
    .option("--stdout", "print the file instead of writing it")
    .option("--dry-run", "same as --stdout")
    .option("--nested", "also write one AGENTS.md per workspace package")
    .option("--max-lines <n>", "keep each file under this many lines", parseLines, 150)
    .option("-c, --config <file>", "config file (default: groundwork.config.json in the directory, if present)");
  withCacheOptions(command).action(async (dir: string, flags: InitFlags) => {
    setExitCode(await init(dir, flags, io));
  });
}

function parseLines(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 20)
    throw new UsageError(`--max-lines ${value}: expected a whole number of at least 20`);
  return Number(value);
}

async function init(dir: string, flags: InitFlags, io: CliIO): Promise<number> {
  if (flags.force && flags.update)
    throw new UsageError(
      "--force and --update exclude each other: --update keeps your lines, --force replaces the file",
    );
  const { facts } = await scan({
    root: dir,
    configPath: flags.config,
    cwd: io.cwd,
    jscpdPath: io.env.GROUNDWORK_JSCPD,
    cache: flags.cache,
    cacheDir: flags.cacheDir,
  });
  const targets = [
    "",
    ...(flags.nested
      ? productPackages(facts.packages)
          .map((pkg) => pkg.dir)
          .filter((pkgDir) => pkgDir !== "")
      : []),
  ];
  const toStdout = Boolean(flags.stdout || flags.dryRun);
  for (const target of targets) {
    const relativePath = writablePath(facts, target === "" ? "AGENTS.md" : `${target}/AGENTS.md`);
    const path = join(facts.inventory.root, relativePath);
    const read = readBoundedText(facts.inventory.root, relativePath, READ_LIMITS.document);
    // A FIFO or a device where AGENTS.md should be is neither read nor written.
    if (!read.ok && read.reason !== "missing") throw new InputError(`${relativePath}: ${describeReadProblem(read)}`);
    const existing = read.ok ? read.text : null;
    const content = contentFor(facts, target, flags, existing, relativePath);
    if (toStdout) {
      if (targets.length > 1) io.stdout.write(`==> ${relativePath} <==\n`);
      io.stdout.write(content);
      continue;
    }
    await writeFileAtomic(path, content, relativePath);
    const lines = content.split("\n").length - 1;
    io.stderr.write(
      `groundwork: ${existing !== null && flags.update ? "updated" : "wrote"} ${relativePath} (${lines} lines)\n`,
    );
  }
  for (const note of notes(facts)) io.stderr.write(`groundwork: note: ${escapeControl(note)}\n`);
  return 0;
}

/**
 * Where AGENTS.md is written: through a symbolic link to the file it leads to
 * inside the repository (the link is kept); never through a link that leads
 * outside it or nowhere.
 */
function writablePath(facts: Facts, relativePath: string): string {
  const link = facts.inventory.skipped.find((file) => file.path === relativePath && file.reason === "symlink");
  if (!link) return relativePath;
  if (link.linkedTo === undefined)
    throw new InputError(
      `${relativePath} is a symbolic link that leads outside the repository or to nothing: not written`,
    );
  return link.linkedTo;
}

function contentFor(
  facts: Facts,
  dir: string,
  flags: InitFlags,
  existing: string | null,
  relativePath: string,
): string {
  const options = { dir, maxLines: flags.maxLines };
  if (existing === null || flags.force || flags.stdout || flags.dryRun) {
    return existing !== null && flags.update
      ? updateMarked(existing, generateSections(facts, options))
      : scaffold(facts, options);
  }
  if (flags.update) return updateMarked(existing, generateSections(facts, options));
  throw new InputError(
    `${relativePath} already exists: use --update to regenerate Groundwork's sections and keep every other line, or --force to replace it`,
  );
}

function notes(facts: Facts): string[] {
  return facts.context.documents
    .filter((document) => document.kind === "claude" && document.linkedTo === null && !document.isEmpty)
    .map(
      (document) =>
        `${document.path} also holds agent instructions: move what every agent needs into AGENTS.md and keep in ${document.path} only what is specific to its agent (never a symbolic link: agents write through links)`,
    );
}
