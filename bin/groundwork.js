#!/usr/bin/env node
import { runCleanups } from "../dist/src/cleanup.js";
import { run } from "../dist/src/cli/index.js";

// Ctrl-C or a CI timeout: remove temporary files, stop child processes, exit as the signal would.
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
]) {
  process.once(signal, () => {
    runCleanups();
    process.exit(code);
  });
}

process.exitCode = await run(process.argv.slice(2));
