/**
 * The rule contract. Rules read prepared facts and report through a sink.
 *
 * May: read `Facts`, call `examine` and `report`.
 * May not: touch the file system, run git or child processes, print, exit,
 * decide severity, fingerprints or ordering (the engine's collector does).
 */
import type { z } from "zod";
import type { FindingCategory } from "../src/contract/categories.js";
import type { Facts } from "../src/facts/index.js";
import type { Effort, Severity } from "../src/contract/vocabulary.js";

/** How serious a finding is; `off` in config disables a rule. */
export type { Severity } from "../src/contract/vocabulary.js";

export type { Effort } from "../src/contract/vocabulary.js";

/** What one rule examined and failed, as its sink counted them: what the scores are computed from. */
export interface RuleTally {
  examined: number;
  /** Sum of finding costs. */
  failed: number;
  findings: number;
  /** Findings per message id. */
  byMessage: Map<string, number>;
}

/** One message of a rule: what is wrong, and the concrete fix. `{{name}}` placeholders are filled from report data. */
export interface RuleMessage {
  message: string;
  fix: string;
  /** A severity for this message only, when it is less (or more) serious than the rule's default. */
  severity?: Severity;
}

/** What a rule hands to `report`. */
export interface RuleReport<MessageId extends string> {
  messageId: MessageId;
  data?: Readonly<Record<string, string | number>>;
  file: string;
  line: number;
  column: number;
  /** The last line of the code it points at, when it spans several (a clone). */
  endLine?: number;
  /** Identifies the code the finding is about, independent of its line (a symbol's qualified name). */
  anchor: string;
  /** Share of examined units this finding fails (default 1; a README section may cost 0.5). */
  cost?: number;
  /** Other places that belong to the finding: the second copy of a clone, the rest of a cycle. */
  related?: readonly RelatedLocation[];
}

/** A secondary location of a finding. */
export interface RelatedLocation {
  file: string;
  line: number;
  column: number;
  /** The last line, when the place spans several (the other copy of a clone). */
  endLine?: number;
  message: string;
}

/** What a rule's `check` receives. */
export interface RuleContext<Options, MessageId extends string> {
  options: Options;
  facts: Facts;
  /** Counts units the rule looked at (files, symbols, lines): the denominator of its score. */
  examine: (amount?: number) => void;
  report: (report: RuleReport<MessageId>) => void;
  /**
   * Counts failed units that no single finding owns, so the score reflects the
   * whole measure while findings list only what is worth acting on (coverage
   * gaps in files above the threshold, risk in files below the hotspot cut).
   */
  charge: (amount: number) => void;
}

/** Where a running rule's output goes. */
export interface ReportSink {
  examine(amount: number): void;
  report(report: RuleReport<string>): void;
  charge(amount: number): void;
}

/** How a rule's findings group into actions, and the action's title. */
export interface ActionSpec {
  /**
   * `folder`: the findings of one folder (many small edits of one kind, such as
   * doc comments); `file`: of one file; `finding`: each finding alone (a cycle
   * to cut, a coupling to explain); `repository`: all of them together.
   */
  scope: "folder" | "file" | "finding" | "repository";
  /** An imperative sentence; `{{count}}` findings, `{{s}}` ("s" unless one), `{{scope}}` the path. */
  title: string;
  /**
   * Rules whose findings in the same file join this rule's action there (a hotspot's file-length and function
   * findings: one change, not three slots of the plan naming the same functions).
   */
  absorbs?: readonly string[];
}

/** Everything needed to declare a rule. */
export interface RuleDefinition<Options, MessageId extends string> {
  /** `<category>/<name>`, equal to the file path under `rules/`. */
  id: string;
  category: FindingCategory;
  severity: Severity;
  /** One line: what the rule checks. */
  description: string;
  /** One sentence: what an agent loses when the rule fails. */
  why: string;
  /** Share of the category score; 0 means the rule does not affect the score. */
  weight: number;
  effort: Effort;
  /** How its findings group into the fix plan's actions. */
  action: ActionSpec;
  messages: Record<MessageId, RuleMessage>;
  /** Strict schema of the options, with every default. */
  options: z.ZodType<Options>;
  check(context: RuleContext<Options, MessageId>): void;
}

/** A registered rule, with its option types erased. */
export interface Rule {
  readonly id: string;
  readonly category: FindingCategory;
  readonly severity: Severity;
  readonly description: string;
  readonly why: string;
  readonly weight: number;
  readonly effort: Effort;
  readonly action: ActionSpec;
  readonly messages: Readonly<Record<string, RuleMessage>>;
  readonly optionsSchema: z.ZodType;
  /** Repo-relative path of the rule's documentation page. */
  readonly docsPath: string;
  /** Validates `options` (throws on invalid input) and runs the rule. */
  run(facts: Facts, options: unknown, sink: ReportSink): void;
}

/** Declares a rule. */
export function defineRule<Options, const MessageId extends string>(
  definition: RuleDefinition<Options, MessageId>,
): Rule {
  return {
    id: definition.id,
    category: definition.category,
    severity: definition.severity,
    description: definition.description,
    why: definition.why,
    weight: definition.weight,
    effort: definition.effort,
    action: definition.action,
    messages: definition.messages,
    optionsSchema: definition.options,
    docsPath: `docs/rules/${definition.id}.md`,
    run(facts, options, sink) {
      const parsed = definition.options.parse(options ?? {});
      definition.check({
        options: parsed,
        facts,
        examine: (amount = 1) => sink.examine(amount),
        report: (report) => sink.report(report),
        charge: (amount) => sink.charge(amount),
      });
    },
  };
}
