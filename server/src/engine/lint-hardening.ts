/**
 * The hardening, network and RBAC findings of one file, for lintParsed. The caller's options (workspace, file name,
 * settings) win; the config file fills in the rest; rules turned off are not run. Evaluated document by document,
 * like the Pod Security checks in analyze.ts: a document whose evaluation throws gets one `internalError` finding
 * and the others are still checked; a rule that throws is reported once per file, with its own error, through
 * `onRuleError`.
 */
import { configHardeningOptions, disabledHardeningRules } from './config/hardening-options';
import { evaluateHardening, HardeningOptions } from './evaluate-hardening';
import type { LintOptions } from './lint';
import { NamespaceIndex } from './namespace-index';
import type { ManifestDocument, ParsedManifest } from './parse/documents';
import { errorMessage } from './parse/problems';
import { HARDENING_RULES } from './rules/hardening';
import type { Finding } from './types';

export const INTERNAL_ERROR = 'internalError';

/** The file name a lone file gets in its own index when the caller gives no workspace. */
const LONE_FILE = '<input>';

/** An error thrown by the caller's own `onRuleError`: passed through, not turned into a finding. */
class CallbackError {
  constructor(readonly error: unknown) {}
}

/** Ids of the hardening rules lintParsed does not run: all with `hardening: false`, else those turned off. */
export function hardeningRulesNotRun(options: Pick<LintOptions, 'hardening' | 'config'>): ReadonlySet<string> {
  if (options.hardening === false) return new Set(HARDENING_RULES.map((r) => r.id));
  return new Set([...disabledHardeningRules(options.config ?? {}), ...(options.hardening?.disabled ?? [])]);
}

export function hardeningFindings(parsed: ParsedManifest, options: LintOptions): Finding[] {
  const disabled = hardeningRulesNotRun(options);
  if (options.hardening === false || HARDENING_RULES.every((r) => disabled.has(r.id))) return [];
  const explicit = options.hardening ?? {};
  const fromConfig = configHardeningOptions(options.config ?? {});
  const file = explicit.file ?? LONE_FILE;
  const base: HardeningOptions = {
    workspace: explicit.workspace ?? loneIndex(file, parsed),
    file,
    defaultNamespace: explicit.defaultNamespace ?? fromConfig.defaultNamespace,
    settings: { ...fromConfig.settings, ...explicit.settings },
    disabled,
  };
  const failed = new Set<string>();
  const out: Finding[] = [];
  for (const doc of parsed.documents) {
    if (!doc.objects.length) continue;
    const onRuleError = options.onRuleError && ((ruleId: string, error: unknown) => {
      if (failed.has(ruleId)) return;
      failed.add(ruleId);
      try {
        options.onRuleError!(ruleId, error);
      } catch (e) {
        throw new CallbackError(e);
      }
    });
    try {
      out.push(...evaluateHardening({ ...parsed, documents: [doc] }, { ...base, onRuleError }));
    } catch (error) {
      if (error instanceof CallbackError) throw error.error;
      out.push(internalError(doc, error));
    }
  }
  return out;
}

/** Without a workspace, the cross-file rules see this file only (its own ServiceAccounts, NetworkPolicies, ...). */
function loneIndex(file: string, parsed: ParsedManifest): NamespaceIndex {
  const index = new NamespaceIndex();
  try {
    index.update(file, parsed);
  } catch {
    // Facts that cannot be read are facts not known: the rules then see an empty workspace.
  }
  return index;
}

function internalError(doc: ManifestDocument, error: unknown): Finding {
  return {
    ruleId: INTERNAL_ERROR,
    category: 'syntax',
    severity: 'warning',
    message: `PodSec could not run the hardening rules on this document (internal error: ${errorMessage(error)}); please report this`,
    span: { start: doc.span.start, end: doc.span.start },
    documentIndex: doc.index,
  };
}
