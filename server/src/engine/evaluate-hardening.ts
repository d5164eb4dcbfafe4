/**
 * Runs the hardening, network and RBAC rules on every object of a parsed manifest. Their findings carry the rule's
 * category and default severity, never a PSS policy. A throwing rule is reported through onRuleError and skipped.
 */
import { NamespaceIndex } from './namespace-index';
import type { ParsedManifest } from './parse/documents';
import { podTarget } from './parse/pod-specs';
import { HARDENING_RULES } from './rules/hardening';
import { DEFAULT_HARDENING_SETTINGS, HardeningSettings } from './rules/hardening/rule';
import type { Finding } from './types';

export interface HardeningOptions {
  /** Facts from every input; without it, cross-file rules see only this file. */
  workspace?: NamespaceIndex;
  /** This file's name in the workspace index. */
  file?: string;
  defaultNamespace?: string;
  settings?: Partial<HardeningSettings>;
  /** Rule ids not to run at all (e.g. turned off in settings), to save work. */
  disabled?: ReadonlySet<string>;
  onRuleError?: (ruleId: string, error: unknown) => void;
}

export function evaluateHardening(parsed: ParsedManifest, options: HardeningOptions = {}): Finding[] {
  const file = options.file ?? '<input>';
  let workspace = options.workspace;
  if (!workspace) {
    workspace = new NamespaceIndex();
    workspace.update(file, parsed);
  }
  const defaultNamespace = options.defaultNamespace || 'default';
  const settings = { ...DEFAULT_HARDENING_SETTINGS, ...options.settings };
  const rules = HARDENING_RULES.filter((r) => !options.disabled?.has(r.id));
  const out: Finding[] = [];
  for (const document of parsed.documents) {
    for (const object of document.objects) {
      const pod = podTarget(document.reader, object);
      const ctx = { object, document, pod, namespace: object.namespace || defaultNamespace, defaultNamespace, workspace, file, settings };
      for (const rule of rules) {
        let violations;
        try {
          violations = rule.check(ctx);
        } catch (error) {
          options.onRuleError?.(rule.id, error);
          continue;
        }
        for (const v of violations) {
          out.push({
            ruleId: rule.id,
            category: rule.category,
            severity: rule.defaultSeverity,
            message: v.message,
            span: v.span,
            documentIndex: document.index,
            object: { apiVersion: object.apiVersion, kind: object.kind, name: object.name, namespace: object.namespace },
          });
        }
      }
    }
  }
  return out;
}
