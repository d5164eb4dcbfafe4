/**
 * The shape of a Pod Security check, after the controller's `policy/checks.go`: an id, a level, and one
 * implementation per policy version at which its behaviour changes. A check returns one violation per offending
 * place; `format` words any set of them the way the controller would (`reason` + `detail`), so a finding can
 * speak for its own place and an object summary for all of them.
 */
import type { PodTarget } from '../parse/pod-specs';
import type { Span } from '../types';

export interface Violation<T = unknown> {
  /** The most specific offending node, or the documented anchor for a missing required field. */
  span: Span;
  item: T;
}

export interface Forbidden {
  reason: string;
  detail?: string;
}

export interface VersionedCheck<T = unknown> {
  /** Policy minor from which this implementation applies (v1.<minimumVersion>). */
  minimumVersion: number;
  /** Checks of the other level that this one replaces when both are active (restricted overrides baseline). */
  overrides?: string[];
  check(pod: PodTarget): Violation<T>[];
  format(items: T[]): Forbidden;
}

export interface RuleDocs {
  title: string;
  /** What it forbids, in one or two sentences. */
  summary: string;
  /** Why it matters: the attack it prevents. */
  why: string;
  /** The allowed values, per version where they differ. */
  allowed: string;
  /** How to fix a violation. */
  fix: string;
  /** Documentation on kubernetes.io. */
  url: string;
  /** Field names this rule inspects (for hover). */
  fields: string[];
}

export interface PssRule {
  id: string;
  level: 'baseline' | 'restricted';
  versions: VersionedCheck<any>[];
  docs: RuleDocs;
}

/** Keeps the item type of a versioned check while the list holds many kinds. */
export function versioned<T>(check: VersionedCheck<T>): VersionedCheck<T> {
  return check;
}

export function renderForbidden(f: Forbidden): string {
  return f.detail ? `${f.reason} (${f.detail})` : f.reason;
}

export const PSS_DOCS_URL = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/';
export const BASELINE_URL = `${PSS_DOCS_URL}#baseline`;
export const RESTRICTED_URL = `${PSS_DOCS_URL}#restricted`;
