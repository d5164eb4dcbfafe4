/**
 * Hardening rules: defense-in-depth checks that are NOT part of any Pod Security Standards profile. They never
 * carry a PSS level or policy; each has a category, a default severity and its own docs.
 */
import type { NamespaceIndex } from '../../namespace-index';
import type { ManifestDocument } from '../../parse/documents';
import type { K8sObject } from '../../parse/objects';
import type { PodTarget } from '../../parse/pod-specs';
import type { RuleCategory, Severity, Span } from '../../types';

export interface HardeningSettings {
  /** `resources` also requires a CPU limit. */
  requireCpuLimits: boolean;
  /** `imageTag` also requires images pinned by digest. */
  requireImageDigest: boolean;
}

export const DEFAULT_HARDENING_SETTINGS: HardeningSettings = { requireCpuLimits: false, requireImageDigest: false };

export interface HardeningContext {
  object: K8sObject;
  document: ManifestDocument;
  /** Present for objects that carry a pod spec. */
  pod?: PodTarget;
  /** The namespace the object lands in (metadata.namespace or the default namespace). */
  namespace: string;
  defaultNamespace: string;
  /** Facts from all inputs (other files included); empty when unknown. */
  workspace: NamespaceIndex;
  /** The file being checked, as the workspace index names it. */
  file: string;
  settings: HardeningSettings;
}

export interface HardeningViolation {
  span: Span;
  message: string;
}

export interface HardeningDocs {
  title: string;
  summary: string;
  why: string;
  fix: string;
  url: string;
  /** Field names this rule inspects (for hover). */
  fields: string[];
}

export interface HardeningRule {
  id: string;
  category: Exclude<RuleCategory, 'pss' | 'syntax'>;
  defaultSeverity: Severity;
  docs: HardeningDocs;
  check(ctx: HardeningContext): HardeningViolation[];
}
