/** Shared data types of the engine. The engine works in character offsets; editors convert at their edge. */

export type Level = 'privileged' | 'baseline' | 'restricted';
export type Mode = 'enforce' | 'warn' | 'audit';
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type RuleCategory = 'pss' | 'syntax' | 'hardening' | 'network' | 'rbac';

/** A half-open range of character offsets into the file text. */
export interface Span {
  start: number;
  end: number;
}

export interface ObjectRef {
  apiVersion?: string;
  kind: string;
  name?: string;
  namespace?: string;
}

export interface Finding {
  ruleId: string;
  category: RuleCategory;
  severity: Severity;
  /** The controller's wording: `reason (detail)`. */
  message: string;
  span: Span;
  /** Index of the `---` document the finding belongs to. */
  documentIndex: number;
  object?: ObjectRef;
  /** The policy the finding was evaluated against, as written: `restricted:latest`, `baseline:v1.30`. */
  policy?: string;
  mode?: Mode;
  /** Extra context, e.g. that enforce rejects the Pods a workload creates rather than the workload itself. */
  note?: string;
  /** `unnecessary` marks e.g. a suppression directive that suppresses nothing (shown faded by editors). */
  tags?: 'unnecessary'[];
}
