/*
 * namespaceLabels: the Pod Security labels of a Namespace manifest must be valid, or the API server rejects the
 * Namespace ("Invalid", one field error per label). Not a check on pods, so it has no level or policy version; it is
 * reported wherever a Namespace is, whatever policy applies. A namespace that already carries invalid labels (set
 * before Pod Security Admission ran) still gets a policy: enforce fails closed, warn and audit fail open
 * (policy/namespace-policy.ts), which is what the other findings use.
 */
import type { ManifestDocument } from '../parse/documents';
import { isLevel } from '../policy/levels';
import { LABEL_PREFIX, MODES } from '../policy/namespace-policy';
import { isValidVersion } from '../policy/version';
import type { Finding } from '../types';
import type { RuleInfo } from './catalog';

export const NAMESPACE_LABELS_RULE = 'namespaceLabels';

const LEVEL_ERROR = 'must be one of privileged, baseline, restricted';
const VERSION_ERROR = 'must be "latest" or "v1.x"';

/** What each Pod Security label must hold: the three mode labels a level, the three version labels a version. */
const VALIDATORS = new Map<string, (value: string) => string | undefined>(MODES.flatMap((mode) => [
  [`${LABEL_PREFIX}${mode}`, (v: string) => (isLevel(v) ? undefined : LEVEL_ERROR)],
  [`${LABEL_PREFIX}${mode}-version`, (v: string) => (isValidVersion(v) ? undefined : VERSION_ERROR)],
]));

export const NAMESPACE_LABELS_INFO: RuleInfo = {
  id: NAMESPACE_LABELS_RULE,
  category: 'pss',
  title: 'Valid Pod Security labels',
  summary: 'The `pod-security.kubernetes.io/<mode>` labels of a Namespace hold `privileged`, `baseline` or `restricted` (case-sensitive), and the `<mode>-version` labels `latest` or `v1.<minor>`.',
  why: 'The API server rejects a Namespace whose Pod Security labels are invalid, so `kubectl apply` fails on it. One that got invalid labels before Pod Security Admission ran is enforced as `restricted` (fail closed) and its invalid warn and audit labels are ignored.',
  fix: 'Write the level in lower case (`restricted`, not `Restricted`) and the version as `latest` or `v1.30` (quoted or not, but not `1.30` or `v1.30.0`).',
  url: 'https://kubernetes.io/docs/concepts/security/pod-security-admission/#pod-security-admission-labels-for-namespaces',
  fields: ['metadata.labels'],
  defaultSeverity: 'error',
};

/** One error per invalid Pod Security label of each Namespace in the document, on the label's value. */
export function namespaceLabelFindings(doc: ManifestDocument): Finding[] {
  const out: Finding[] = [];
  const reader = doc.reader;
  for (const object of doc.objects) {
    if (object.kind !== 'Namespace' || object.apiVersion !== 'v1') continue;
    const labels = reader.stringMap(reader.path(object.ref, 'metadata', 'labels'));
    for (const [key, { value, ref }] of labels) {
      const error = VALIDATORS.get(key)?.(value);
      if (!error) continue;
      out.push({
        ruleId: NAMESPACE_LABELS_RULE,
        category: 'pss',
        severity: 'error',
        message: `metadata.labels[${key}]: Invalid value: ${JSON.stringify(value)}: ${error}`,
        span: ref.span,
        documentIndex: doc.index,
        object: { apiVersion: object.apiVersion, kind: object.kind, name: object.name },
      });
    }
  }
  return out;
}
