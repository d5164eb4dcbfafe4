/** The data a fix is made of: plain text edits in character offsets, so the CLI and the editor apply them alike. */
import type { Span } from '../types';

/** Replace the text at `span` with `newText` (an insertion when the span is empty). */
export interface TextEdit {
  span: Span;
  newText: string;
}

export interface Fix {
  ruleId: string;
  /** What the fix does, as a menu entry: `Set privileged: false`. */
  title: string;
  /** The fix that resolves the finding without changing what the workload is for; fix-all applies only these. */
  isPreferred: boolean;
  /** Non-overlapping edits against the text the finding was computed from. */
  edits: TextEdit[];
}

/** Settings that change what a fix writes. */
export interface FixOptions {
  /** UID the runAsUser fix puts in place of 0 (default 1000). */
  nonRootUserId?: number;
  /** Values the `resources` fix writes for what a container lacks (Kubernetes quantities; invalid ones are ignored). */
  resourceDefaults?: Partial<ResourceDefaults>;
}

export const DEFAULT_NON_ROOT_USER_ID = 1000;

/** What the `resources` fix writes: guesses, so the fix is never preferred and its title says so. */
export interface ResourceDefaults {
  cpuRequest: string;
  memoryRequest: string;
  memoryLimit: string;
  /** Written only when the `requireCpuLimits` hardening setting makes the finding ask for a CPU limit. */
  cpuLimit: string;
}

export const DEFAULT_RESOURCE_DEFAULTS: Readonly<ResourceDefaults> = { cpuRequest: '100m', memoryRequest: '128Mi', memoryLimit: '256Mi', cpuLimit: '500m' };

/**
 * A value a fix writes, rendered in the style of the place it goes to (block YAML, flow YAML or JSON).
 * Object keys keep their insertion order.
 */
export type FixValue = string | number | boolean | FixValue[] | { [key: string]: FixValue };
