import { InputError } from "../errors.js";
import { describeReadProblem, READ_LIMITS, readGivenText } from "../read.js";
import { scanResultSchema, type ScanResult } from "../contract/result.js";

/**
 * Reads a saved `--format json` result (a baseline, or a result to render).
 * A file that is missing, not JSON, or not a result of this version is an
 * input error naming `role` and the path as the user gave it (`shown`).
 */
export async function readResultFile(path: string, shown: string, role: string): Promise<ScanResult> {
  const read = readGivenText(path, READ_LIMITS.result);
  if (!read.ok) throw new InputError(`${role} ${shown}: ${describeReadProblem(read)}`);
  const text = read.text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new InputError(
      `${role} ${shown}: not JSON (save a result with \`groundwork scan --format json --output FILE\`)`,
    );
  }
  const parsed = scanResultSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue ? `${issue.path.join(".") || "(top level)"}: ${issue.message}` : "invalid";
    throw new InputError(`${role} ${shown}: not a Groundwork \`--format json\` result of this version (${at})`);
  }
  return parsed.data;
}
