// lintParsed runs the hardening, network and RBAC rules after the Pod Security checks: config severities and
// switches, suppression comments, options, the workspace, and failures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex, lintParsed, lintText, NamespaceIndex, parseConfig, parseManifest, PolicyResolver } from '../../server/src/engine';
import type { LintOptions, PodsecConfig } from '../../server/src/engine';
import { configHardeningOptions } from '../../server/src/engine/config';
import { hardeningRule } from '../../server/src/engine/rules/hardening';
import { rangeOf } from '../helpers';

/** Restricted-compliant, so only hardening rules report. */
const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      securityContext:
        runAsNonRoot: true
        seccompProfile: {type: RuntimeDefault}
      containers:
        - name: app
          image: nginx
          securityContext:
            allowPrivilegeEscalation: false
            capabilities: {drop: [ALL]}
`;

const policy = () => new PolicyResolver({}, new NamespaceIndex());

function config(text: string): PodsecConfig {
  const parsed = parseConfig(text);
  assert.deepEqual(parsed.problems, []);
  return parsed.config;
}

/** `ruleId:severity@line:col-line:col` of every finding. */
function lint(text: string, options: Partial<LintOptions> = {}): string[] {
  const lines = new LineIndex(text);
  return lintText(text, { policy: policy(), onRuleError: (id, e) => { throw new Error(`${id}: ${String(e)}`); }, ...options }).findings.map((f) => {
    const s = lines.positionAt(f.span.start);
    const e = lines.positionAt(f.span.end);
    return `${f.ruleId}:${f.severity}@${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`;
  });
}

const at = (text: string, needle: string, occurrence = 0) => `@${rangeOf(text, needle, occurrence)}`;

const DEFAULTS = [
  `networkPolicyDefaultDeny:warning${at(DEPLOY, 'web')}`,
  `automountServiceAccountToken:info${at(DEPLOY, 'spec', 1)}`,
  `resources:warning${at(DEPLOY, 'app', 1)}`,
  `imageTag:warning${at(DEPLOY, 'nginx')}`,
  `readOnlyRootFilesystem:warning${at(DEPLOY, 'securityContext', 1)}`,
];

test('the hardening rules run by default, with their default severities, in place order among the other findings', () => {
  assert.deepEqual(lint(DEPLOY), DEFAULTS);
  const [finding] = lintText(DEPLOY, { policy: policy() }).findings;
  assert.deepEqual({ ...finding, span: undefined }, {
    ruleId: 'networkPolicyDefaultDeny',
    category: 'network',
    severity: 'warning',
    message: 'namespace "default" has workloads but no default-deny NetworkPolicy for Ingress and Egress (empty podSelector)',
    span: undefined,
    documentIndex: 0,
    object: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', namespace: undefined },
  });
  // Next to Pod Security findings: a privileged container is still an error of its own.
  const privileged = DEPLOY.replace('allowPrivilegeEscalation: false', 'privileged: true');
  assert.ok(lint(privileged).includes(`privileged:error${at(privileged, 'true', 1)}`));
});

test('hardening: false runs only the Pod Security checks', () => {
  assert.deepEqual(lint(DEPLOY, { hardening: false }), []);
  assert.deepEqual(lint(DEPLOY.replace('allowPrivilegeEscalation: false', 'privileged: true'), { hardening: false }).map((f) => f.split('@')[0]), [
    'allowPrivilegeEscalation:warning',
    'privileged:error',
  ]);
});

test('rule settings: off removes a rule, a severity replaces its default', () => {
  const c = config('rules: {resources: off, imageTag: error, readOnlyRootFilesystem: info, networkPolicyDefaultDeny: off}\n');
  assert.deepEqual(lint(DEPLOY, { config: c }), [
    `automountServiceAccountToken:info${at(DEPLOY, 'spec', 1)}`,
    `imageTag:error${at(DEPLOY, 'nginx')}`,
    `readOnlyRootFilesystem:info${at(DEPLOY, 'securityContext', 1)}`,
  ]);
});

test('category settings: off turns a whole category off, a severity sets every rule of it; a rule setting wins', () => {
  assert.deepEqual(lint(DEPLOY, { config: config('categories: {hardening: off}\n') }), [DEFAULTS[0]]);
  assert.deepEqual(lint(DEPLOY, { config: config('categories: {network: off, hardening: error}\nrules: {imageTag: info}\n') }), [
    `automountServiceAccountToken:error${at(DEPLOY, 'spec', 1)}`,
    `resources:error${at(DEPLOY, 'app', 1)}`,
    `imageTag:info${at(DEPLOY, 'nginx')}`,
    `readOnlyRootFilesystem:error${at(DEPLOY, 'securityContext', 1)}`,
  ]);
  // The category is off, the rule's own setting keeps it on (as for the Pod Security checks).
  assert.deepEqual(lint(DEPLOY, { config: config('categories: {hardening: off, network: off}\nrules: {resources: warning}\n') }), [
    `resources:warning${at(DEPLOY, 'app', 1)}`,
  ]);
});

test('rules that are off are not run at all', () => {
  const rule = hardeningRule('resources')!;
  const original = rule.check;
  const failures: string[] = [];
  rule.check = () => {
    throw new Error('boom');
  };
  try {
    const options = { onRuleError: (id: string, e: unknown) => failures.push(`${id}: ${(e as Error).message}`) };
    // Two documents, two containers: the failure is reported once per file, and the other rules still report.
    const twice = `${DEPLOY}---\n${DEPLOY.replace('name: web', 'name: api')}`;
    assert.deepEqual(lint(twice, options).filter((f) => f.startsWith('imageTag')).length, 2);
    assert.deepEqual(failures, ['resources: boom']);
    failures.length = 0;
    lint(DEPLOY, { ...options, config: config('rules: {resources: off}\n') });
    lint(DEPLOY, { ...options, config: config('categories: {hardening: off}\n') });
    lint(DEPLOY, { ...options, hardening: { disabled: new Set(['resources']) } });
    lint(DEPLOY, { ...options, hardening: false });
    assert.deepEqual(failures, []);
  } finally {
    rule.check = original;
  }
});

test('a throwing onRuleError is passed through, not turned into a finding', () => {
  const rule = hardeningRule('imageTag')!;
  const original = rule.check;
  rule.check = () => {
    throw new Error('boom');
  };
  try {
    assert.throws(() => lint(DEPLOY), /imageTag: Error: boom/);
  } finally {
    rule.check = original;
  }
});

test('a document whose hardening evaluation throws gets one internalError; the other documents are still checked', () => {
  const parsed = parseManifest(`${DEPLOY}---\n${DEPLOY.replace('name: web', 'name: api')}`);
  const workspace = new NamespaceIndex();
  workspace.update('two.yaml', parsed);
  const broken = parsed.documents[0];
  // An object whose every property read throws: both the Pod Security checks and the hardening rules fail on it.
  broken.objects = [new Proxy(broken.objects[0], { get: () => { throw new Error('bad object'); } })];
  const findings = lintParsed(parsed, { policy: policy(), hardening: { workspace, file: 'two.yaml' } });
  assert.deepEqual(findings.filter((f) => f.ruleId === 'internalError').map((f) => [f.documentIndex, f.severity]), [[0, 'warning']]);
  // networkPolicyDefaultDeny belongs on the namespace's first workload, in the broken document: it is lost with it.
  assert.deepEqual(findings.filter((f) => f.ruleId !== 'internalError').map((f) => `${f.ruleId}:${f.documentIndex}`), [
    'automountServiceAccountToken:1',
    'resources:1',
    'imageTag:1',
    'readOnlyRootFilesystem:1',
  ]);
});

test('the config\'s hardening options and default namespace apply; the caller\'s own options win', () => {
  const c = config('defaultNamespace: apps\nhardening: {requireCpuLimits: true, requireImageDigest: true}\n');
  const messages = (options: Partial<LintOptions>) => lintText(DEPLOY, { policy: policy(), ...options }).findings.map((f) => f.message);
  const withConfig = messages({ config: c });
  assert.ok(withConfig.includes('namespace "apps" has workloads but no default-deny NetworkPolicy for Ingress and Egress (empty podSelector)'));
  assert.ok(withConfig.includes('container "app" should set resources.limits.memory, resources.requests.memory, resources.requests.cpu, resources.limits.cpu'));
  const explicit = messages({ config: c, hardening: { defaultNamespace: 'web', settings: { requireCpuLimits: false } } });
  assert.ok(explicit.includes('namespace "web" has workloads but no default-deny NetworkPolicy for Ingress and Egress (empty podSelector)'));
  assert.ok(explicit.includes('container "app" should set resources.limits.memory, resources.requests.memory, resources.requests.cpu'));
  assert.deepEqual(configHardeningOptions(c), {
    defaultNamespace: 'apps',
    settings: { requireCpuLimits: true, requireImageDigest: true },
    disabled: new Set(),
  });
  assert.deepEqual(configHardeningOptions(config('categories: {rbac: off}\nrules: {rbacWildcard: info, limitRange: off}\n')), {
    settings: {},
    disabled: new Set(['rbacSecrets', 'rbacEscalation', 'rbacClusterAdmin', 'rbacDefaultServiceAccount', 'limitRange']),
  });
});

test('with a workspace, other files count: a ServiceAccount that disables automount, a default-deny NetworkPolicy', () => {
  const others = {
    'sa.yaml': 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: default\nautomountServiceAccountToken: false\n',
    'np.yaml': 'apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n  name: deny\nspec:\n  podSelector: {}\n  policyTypes: [Ingress, Egress]\n',
  };
  const workspace = new NamespaceIndex();
  for (const [file, text] of Object.entries(others)) workspace.update(file, parseManifest(text));
  workspace.update('deploy.yaml', parseManifest(DEPLOY));
  assert.deepEqual(lint(DEPLOY, { hardening: { workspace, file: 'deploy.yaml' } }), DEFAULTS.slice(2));
  // Without the workspace, the file is on its own.
  assert.deepEqual(lint(DEPLOY), DEFAULTS);
});

test('suppression comments apply to hardening findings; a directive naming a rule that is off or not run is not unused', () => {
  const text = DEPLOY
    .replace('        - name: app', '        # podsec-disable-next-line resources -- sized by the VPA\n        - name: app')
    .replace('          image: nginx', '          # podsec-disable-next-line imageTag, readOnlyRootFilesystem\n          image: nginx');
  assert.deepEqual(lint(text), [
    `networkPolicyDefaultDeny:warning${at(text, 'web')}`,
    `automountServiceAccountToken:info${at(text, 'spec', 1)}`,
    `unusedDirective:hint${at(text, 'readOnlyRootFilesystem')}`,
    `readOnlyRootFilesystem:warning${at(text, 'securityContext', 1)}`,
  ]);
  const [hint] = lintText(text, { policy: policy() }).findings.filter((f) => f.ruleId === 'unusedDirective');
  assert.equal(hint.message, 'Unused rule readOnlyRootFilesystem in podsec-disable-next-line directive (no readOnlyRootFilesystem problem on the next line)');
  // resources off in the config, or no hardening rule run: the directives are not reported as unused.
  assert.deepEqual(lint(text, { config: config('rules: {resources: off, readOnlyRootFilesystem: off}\n') }), [
    `networkPolicyDefaultDeny:warning${at(text, 'web')}`,
    `automountServiceAccountToken:info${at(text, 'spec', 1)}`,
  ]);
  assert.deepEqual(lint(text, { hardening: false }), []);
  assert.deepEqual(lint(text, { config: config('categories: {hardening: off}\n') }), [`networkPolicyDefaultDeny:warning${at(text, 'web')}`]);
});
