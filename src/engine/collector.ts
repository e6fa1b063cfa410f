import { createHash } from "node:crypto";
import type { FindingCategory } from "../contract/categories.js";
import type { RuleSetting } from "../config/index.js";
import type { ReportSink, Rule, RuleMessage, RuleReport, RuleTally, Severity } from "../../rules/define-rule.js";
import type { Finding } from "../contract/result.js";
import { fill } from "../template.js";

/** A finding before scoring: its cost is turned into a gain once scores are known. */
export type CollectedFinding = Omit<Finding, "gain" | "effort" | "rank" | "status"> & { cost: number };

interface Pending {
  rule: Rule;
  report: RuleReport<string>;
}

/**
 * The one place findings are made: it renders messages, applies the configured
 * severity, fingerprints, de-duplicates and sorts what rules report.
 */
export class FindingCollector {
  private readonly pending: Pending[] = [];
  private readonly tallies = new Map<string, RuleTally>();

  constructor(private readonly settings: ReadonlyMap<string, RuleSetting>) {}

  /** The sink a rule reports into. */
  sinkFor(rule: Rule): ReportSink {
    const tally: RuleTally = { examined: 0, failed: 0, findings: 0, byMessage: new Map() };
    this.tallies.set(rule.id, tally);
    return {
      examine: (amount) => {
        tally.examined += amount;
      },
      charge: (amount) => {
        tally.failed += amount;
      },
      report: (report) => {
        tally.failed += report.cost ?? 1;
        tally.findings += 1;
        tally.byMessage.set(report.messageId, (tally.byMessage.get(report.messageId) ?? 0) + 1);
        this.pending.push({ rule, report });
      },
    };
  }

  /** Tallies of the rules that ran, by rule id. */
  ruleTallies(): ReadonlyMap<string, RuleTally> {
    return this.tallies;
  }

  /** The findings, fingerprinted, de-duplicated and sorted by file, line, column and rule id. */
  findings(): CollectedFinding[] {
    const seen = new Set<string>();
    const occurrences = new Map<string, number>();
    const findings: CollectedFinding[] = [];
    for (const { rule, report } of [...this.pending].sort(byLocation)) {
      const message = rule.messages[report.messageId];
      if (!message) throw new Error(`rule ${rule.id} reported unknown message id ${report.messageId}`);
      const text = fill(message.message, report.data);
      const key = `${rule.id}\0${report.file}\0${report.line}\0${report.column}\0${text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const identity = `${rule.id}\n${report.file}\n${report.anchor}\n${report.messageId}`;
      const occurrence = (occurrences.get(identity) ?? 0) + 1;
      occurrences.set(identity, occurrence);
      const setting = this.settings.get(rule.id);
      findings.push({
        ruleId: rule.id,
        category: rule.category satisfies FindingCategory,
        severity: severityOf(rule, message, setting),
        message: text,
        file: report.file,
        line: report.line,
        column: report.column,
        ...(report.endLine !== undefined ? { endLine: report.endLine } : {}),
        fix: fill(message.fix, report.data),
        ...(report.related && report.related.length > 0 ? { related: [...report.related] } : {}),
        fingerprint: fingerprint(occurrence === 1 ? identity : `${identity}\n#${occurrence}`),
        cost: report.cost ?? 1,
      });
    }
    return findings;
  }
}

/** A severity set in config wins; then the message's own; then the rule's default. */
function severityOf(rule: Rule, message: RuleMessage, setting: RuleSetting | undefined): Severity {
  if (setting && setting.isSeverityConfigured && setting.severity !== "off") return setting.severity;
  return message.severity ?? rule.severity;
}

function byLocation(a: Pending, b: Pending): number {
  return (
    compare(a.report.file, b.report.file) ||
    a.report.line - b.report.line ||
    a.report.column - b.report.column ||
    compare(a.rule.id, b.rule.id) ||
    compare(a.report.anchor, b.report.anchor)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fingerprint(identity: string): string {
  return createHash("sha256").update(identity).digest("hex").slice(0, 16);
}
