import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, checkWith, rangeOf } from '../helpers';

const CONTAINERS = (indent: string) => `${indent}hostPID: true\n${indent}containers:\n${indent}  - name: c\n${indent}    image: x\n`;

const WORKLOADS: [string, string, string][] = [
  ['v1', 'Pod', `spec:\n${CONTAINERS('  ')}`],
  ['v1', 'PodTemplate', `template:\n  spec:\n${CONTAINERS('    ')}`],
  ['v1', 'ReplicationController', `spec:\n  template:\n    spec:\n${CONTAINERS('      ')}`],
  ['apps/v1', 'ReplicaSet', `spec:\n  template:\n    spec:\n${CONTAINERS('      ')}`],
  ['apps/v1', 'Deployment', `spec:\n  template:\n    spec:\n${CONTAINERS('      ')}`],
  ['apps/v1', 'DaemonSet', `spec:\n  template:\n    spec:\n${CONTAINERS('      ')}`],
  ['apps/v1', 'StatefulSet', `spec:\n  template:\n    spec:\n${CONTAINERS('      ')}`],
  ['batch/v1', 'Job', `spec:\n  template:\n    spec:\n${CONTAINERS('      ')}`],
  ['batch/v1', 'CronJob', `spec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n${CONTAINERS('          ')}`],
];

for (const [apiVersion, kind, body] of WORKLOADS) {
  test(`${kind}: the pod spec is found and checked`, () => {
    const text = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata:\n  name: w\n  namespace: ns\n${body}`;
    const f = check(text, 'baseline').filter((x) => x.ruleId === 'hostNamespaces');
    assert.deepEqual(f.map((x) => [x.at, x.message, x.object]), [
      [rangeOf(text, 'true'), 'host namespaces (hostPID=true)', { apiVersion, kind, name: 'w', namespace: 'ns' }],
    ]);
  });
}

test('a workload without a template is skipped quietly', () => {
  assert.deepEqual(check('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec: {replicas: 1}\n'), []);
});

const NS = (labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: prod\n  labels:\n${labels}`;
const DEPLOY = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: prod
spec:
  template:
    spec:
      containers:
        - name: app
          securityContext:
            privileged: true
`;

test('the namespace labels decide severity: enforce -> error with a note for templates, warn -> warning', () => {
  const f = checkWith(DEPLOY, {}, [NS('    pod-security.kubernetes.io/enforce: baseline\n    pod-security.kubernetes.io/warn: restricted\n')]);
  const priv = f.find((x) => x.ruleId === 'privileged')!;
  assert.equal(priv.severity, 'error');
  assert.equal(priv.policy, 'baseline:latest');
  assert.equal(priv.mode, 'enforce');
  assert.match(priv.note ?? '', /every Pod it creates would be rejected by PodSecurity "baseline:latest"/);
  const nonRoot = f.find((x) => x.ruleId === 'runAsNonRoot')!;
  assert.equal(nonRoot.severity, 'warning');
  assert.equal(nonRoot.policy, 'restricted:latest');
  assert.equal(f.filter((x) => x.ruleId === 'privileged').length, 1, 'one finding per place, not an error and a warning copy');
});

test('audit only -> info; a privileged enforce namespace with a privileged warn is silent', () => {
  const audit = checkWith(DEPLOY, {}, [NS('    pod-security.kubernetes.io/enforce: privileged\n    pod-security.kubernetes.io/warn: privileged\n    pod-security.kubernetes.io/audit: baseline\n')]);
  assert.deepEqual(audit.map((x) => [x.ruleId, x.severity, x.mode]), [['privileged', 'info', 'audit']]);
  const silent = checkWith(DEPLOY, {}, [NS('    pod-security.kubernetes.io/enforce: privileged\n    pod-security.kubernetes.io/warn: privileged\n')]);
  assert.deepEqual(silent, []);
});

test('the version label is printed as written and clamps only the rules', () => {
  const f = checkWith(DEPLOY, {}, [NS('    pod-security.kubernetes.io/enforce: restricted\n    pod-security.kubernetes.io/enforce-version: v1.99\n')]);
  assert.ok(f.length > 0);
  assert.ok(f.every((x) => x.policy === 'restricted:v1.99' && x.severity === 'error'));
});

test('objects without a namespace use the default namespace; configured labels apply when no manifest exists', () => {
  const noNs = DEPLOY.replace('  namespace: prod\n', '');
  const configured = new Map([['team', { 'pod-security.kubernetes.io/enforce': 'restricted' }]]);
  const f = checkWith(noNs, { defaultNamespace: 'team', configuredNamespaces: configured });
  assert.ok(f.length > 1);
  assert.ok(f.every((x) => x.severity === 'error' && x.policy === 'restricted:latest'));
});

test('--level: labels are ignored and every finding is an error at that level', () => {
  const f = checkWith(DEPLOY, { level: 'baseline', version: 'v1.20' }, [NS('    pod-security.kubernetes.io/enforce: privileged\n')]);
  assert.deepEqual(f.map((x) => [x.ruleId, x.severity, x.policy]), [['privileged', 'error', 'baseline:v1.20']]);
});

test('enforce on a Pod has no template note', () => {
  const podText = 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, securityContext: {privileged: true}}]\n';
  const [f] = check(podText, 'baseline');
  assert.equal(f.note, undefined);
});
