/**
 * CLI: argv → options → engine → report → exit code.
 *
 * May: parse arguments, write to the streams it is given, write files the user named.
 * May not: call process.exit (it returns the exit code), analyse anything itself.
 */
import { Command, CommanderError } from "commander";
import { EXIT, GroundworkError } from "../errors.js";
import { runWithGitEnv } from "../git.js";
import { escapeControl } from "../report/printable.js";
import { TOOL_VERSION } from "../version.js";
import { ClosedPipe, isClosedPipe, reasonOf, watchErrors, type CliIO, type Output } from "./io.js";
import { registerFixes } from "./fixes.js";
import { registerInit } from "./init.js";
import { registerReport } from "./report.js";
import { registerRules } from "./rules.js";
import { registerScan } from "./scan.js";
import { registerTrend } from "./trend.js";

export type { CliIO, Output } from "./io.js";

/** Runs the CLI with `argv` (without `node` and the script) and returns the exit code. */
export async function run(argv: readonly string[], partialIo: Partial<CliIO> = {}): Promise<number> {
  const io: CliIO = {
    stdout: partialIo.stdout ?? process.stdout,
    stderr: partialIo.stderr ?? process.stderr,
    cwd: partialIo.cwd ?? process.cwd(),
    env: partialIo.env ?? process.env,
  };
  // A write error on stdout or stderr is an event Node would throw as a crash: it is kept, and judged below.
  const stdoutError = watchErrors(io.stdout);
  watchErrors(io.stderr);
  let exitCode: number = EXIT.ok;
  const program = buildProgram(io, (code) => {
    exitCode = code;
  });
  if (argv.length === 0) {
    io.stderr.write(program.helpInformation());
    return EXIT.usage;
  }
  try {
    // Git's settings (GROUNDWORK_GIT_TIMEOUT) come from the environment given, as every other variable does.
    await runWithGitEnv(io.env, () => program.parseAsync([...argv], { from: "user" }));
  } catch (error) {
    exitCode = handleError(error, io);
  }
  // Errors of the last writes arrive on the next turn of the event loop.
  await new Promise((resolve) => setImmediate(resolve));
  const failure = stdoutError();
  if (failure === null || exitCode === EXIT.closedPipe) return exitCode;
  if (isClosedPipe(failure)) return EXIT.closedPipe;
  if (exitCode !== EXIT.ok && exitCode !== EXIT.gateFailed) return exitCode;
  io.stderr.write(`groundwork: error: cannot write to stdout: ${reasonOf(failure)}\n`);
  return EXIT.usage;
}

function buildProgram(io: CliIO, setExitCode: (code: number) => void): Command {
  const program = new Command("groundwork")
    .description("Scores how ready a repository is for AI coding agents, and says what to fix first.")
    .version(TOOL_VERSION, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      // Commander's defaults read process.stdout, process.stderr and process.env: the streams and environment given.
      getOutHelpWidth: () => helpWidth(io.stdout),
      getErrHelpWidth: () => helpWidth(io.stderr),
      getOutHasColors: () => hasColors(io.stdout, io.env),
      getErrHasColors: () => hasColors(io.stderr, io.env),
      outputError: (text, write) => write(`groundwork: ${text.trim().replace(/^error: /, "error: ")}\n`),
    });
  registerScan(program, io, setExitCode);
  registerInit(program, io, setExitCode);
  registerFixes(program, io, setExitCode);
  registerReport(program, io, setExitCode);
  registerTrend(program, io, setExitCode);
  registerRules(program, io, setExitCode);
  for (const command of program.commands) {
    command.exitOverride().configureOutput(program.configureOutput());
  }
  return program;
}

/** Commander's own help width: the terminal's, else its default of 80 columns. */
function helpWidth(stream: Output): number {
  return (stream.isTTY ? stream.columns : undefined) ?? 80;
}

/** Commander's own colour test (its useColor, then the stream's hasColors), on the stream and environment given. */
function hasColors(stream: Output & { hasColors?: () => boolean }, env: CliIO["env"]): boolean {
  if (env.NO_COLOR || env.FORCE_COLOR === "0" || env.FORCE_COLOR === "false") return false;
  if (env.FORCE_COLOR || env.CLICOLOR_FORCE !== undefined) return true;
  return Boolean(stream.isTTY) && stream.hasColors?.() === true;
}

function handleError(error: unknown, io: CliIO): number {
  // The reader of stdout went away: nothing more is wanted, and there is nothing to say.
  if (error instanceof ClosedPipe) return EXIT.closedPipe;
  if (error instanceof CommanderError) {
    const isInformational = error.code === "commander.helpDisplayed" || error.code === "commander.version";
    return isInformational ? EXIT.ok : EXIT.usage;
  }
  if (error instanceof GroundworkError) {
    io.stderr.write(`groundwork: error: ${escapeControl(error.message)}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(
    `groundwork: internal error: ${escapeControl(message.split("\n")[0] ?? "")} (this is a bug; rerun with GROUNDWORK_DEBUG=1 for the stack trace)\n`,
  );
  if (io.env.GROUNDWORK_DEBUG && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return EXIT.internal;
}
