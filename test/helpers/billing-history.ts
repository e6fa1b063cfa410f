import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { copyFixture } from "./fixtures.js";
import { commitAll, git, initRepo } from "./git.js";

/**
 * Builds fixtures/hotspots/billing-history into a repository with 16 commits,
 * one a day from 2026-01-01, so its history facts are known by construction:
 * - src/billing/invoice.ts changes in commits 1–15 (15 of 16), by alice (odd) and bob (even);
 * - src/billing/tax.ts and src/reports/tax-report.ts change together in commits 1, 3, 6, 9, 12 and 16,
 *   and neither imports the other;
 * - src/orders/status.ts changes in commit 5 and is renamed (same content) to order-status.ts in commit 8;
 * - every other file changes only in commit 1.
 */
export async function buildBillingHistory(): Promise<string> {
  const dir = await copyFixture("hotspots/billing-history");
  initRepo(dir);
  commitAll(dir, "initial", date(1), "alice");
  for (let commit = 2; commit <= 16; commit += 1) {
    if (commit <= 15) await bump(dir, "src/billing/invoice.ts", "INVOICE_REVISION", commit);
    if ([3, 6, 9, 12, 16].includes(commit)) {
      await bump(dir, "src/billing/tax.ts", "TAX_REVISION", commit);
      await bump(dir, "src/reports/tax-report.ts", "TAX_REPORT_REVISION", commit);
    }
    if (commit === 5) await bump(dir, "src/orders/status.ts", "STATUS_REVISION", commit);
    if (commit === 8) git(dir, ["mv", "src/orders/status.ts", "src/orders/order-status.ts"]);
    if (commit === 16) await writeFile(join(dir, "CHANGELOG.md"), "# Changes\n");
    commitAll(dir, `change ${commit}`, date(commit), commit % 2 === 1 ? "alice" : "bob");
  }
  return dir;
}

function date(day: number): string {
  return `2026-01-${String(day).padStart(2, "0")}T12:00:00Z`;
}

async function bump(dir: string, path: string, constant: string, revision: number): Promise<void> {
  const file = join(dir, path);
  const text = await readFile(file, "utf8");
  await writeFile(file, text.replace(new RegExp(`${constant} = \\d+`), `${constant} = ${revision}`));
}
