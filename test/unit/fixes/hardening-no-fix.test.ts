/**
 * The rules with nothing safe to guess (imageTag, the RBAC rules, networkPolicyAllowAll, limitRange) offer no
 * rule fix, but still get "Disable for this line", "Disable for this document" and "Show documentation", in the
 * engine and as code actions.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver';
import { applyEdits, disableDocumentFix, disableLineFix, fixesFor, lintParsed, lintText, parseManifest, RULE_FIXERS, ruleDocsUrl } from '../../../server/src/engine';
import { provideCodeActions } from '../../../server/src/lsp/code-actions';
import type { DocumentState } from '../../../server/src/lsp/document-state';
import { toDiagnostics } from '../../../server/src/lsp/convert';
import { hardeningLint } from './hardening-helpers';

const NO_FIX = ['imageTag', 'rbacWildcard', 'rbacSecrets', 'rbacEscalation', 'rbacClusterAdmin', 'rbacDefaultServiceAccount', 'networkPolicyAllowAll', 'limitRange'];

const TEXT = `apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: shop
spec:
  containers:
    - name: app
      image: app:latest
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: ops
  namespace: shop
rules:
  - apiGroups: ["*"]
    resources: [secrets]
    verbs: [get, escalate]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: admins
  namespace: shop
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}
subjects:
  - {kind: ServiceAccount, name: default, namespace: shop}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: open
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
  ingress:
    - {}
`;

test('every rule without a fix reports here, and no fixer is registered for it', () => {
  const found = new Set(lintText(TEXT, hardeningLint()).findings.map((f) => f.ruleId));
  for (const rule of NO_FIX) assert.ok(found.has(rule), `${rule} does not report on the test text`);
  const fixed = new Set(RULE_FIXERS.map((f) => f.ruleId));
  for (const rule of NO_FIX) assert.ok(!fixed.has(rule), rule);
  for (const rule of ['readOnlyRootFilesystem', 'resources', 'imagePullPolicy', 'automountServiceAccountToken', 'networkPolicyDefaultDeny']) assert.ok(fixed.has(rule), rule);
});

test('no rule fix, but disable-line, disable-document and documentation for each', () => {
  const { parsed, findings } = lintText(TEXT, hardeningLint());
  for (const finding of findings.filter((f) => NO_FIX.includes(f.ruleId))) {
    assert.deepEqual(fixesFor(finding, parsed), [], finding.ruleId);
    const line = disableLineFix(finding, parsed);
    const doc = disableDocumentFix(finding, parsed);
    assert.equal(line?.title, `Disable ${finding.ruleId} for this line`);
    assert.equal(doc?.title, `Disable ${finding.ruleId} for this document`);
    assert.match(ruleDocsUrl(finding.ruleId) ?? '', /^https:\/\/kubernetes\.io\//, finding.ruleId);
    for (const fix of [line!, doc!]) {
      const after = lintText(applyEdits(TEXT, fix.edits), hardeningLint()).findings;
      const same = (f: typeof finding) => f.ruleId === finding.ruleId && f.message === finding.message;
      assert.ok(after.filter(same).length < findings.filter(same).length, `${fix.title} does not suppress: ${finding.message}`);
    }
  }
});

test('as code actions: disable line, disable document and show documentation, and no fix, per diagnostic', () => {
  const uri = 'file:///w/shop.yaml';
  const parsed = parseManifest(TEXT);
  const lint = hardeningLint();
  const findings = lintParsed(parsed, lint);
  const document = TextDocument.create(uri, 'yaml', 1, TEXT);
  const state: DocumentState = { uri, version: 1, document, parsed, findings, policyFor: (ns) => lint.policy.forObject({ namespace: ns }) };
  const diagnostics = toDiagnostics(findings.filter((f) => NO_FIX.includes(f.ruleId)), document);
  assert.deepEqual(new Set(diagnostics.map((d) => d.code)), new Set(NO_FIX));
  for (const diagnostic of diagnostics) {
    const rule = String(diagnostic.code);
    const actions = provideCodeActions({ textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } }, state, { nonRootUserId: 1000 }) as CodeAction[];
    const titles = actions.map((a) => a.title).filter((t) => !t.startsWith('Make '));
    assert.deepEqual(titles, [`Disable ${rule} for this line`, `Disable ${rule} for this document`, `Show documentation for ${rule}`], rule);
  }
});
