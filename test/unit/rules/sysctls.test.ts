import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, rangeOf, ruleFindings } from '../../helpers';
import { summaries } from './summary';

const ID = 'sysctls';

function podWith(...names: string[]): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext:
    sysctls:
${names.map((n) => `      - name: ${n}\n        value: "1"\n`).join('')}  containers:
    - name: a
`;
}

test('sysctls: the v1.0 allow-list passes at every version', () => {
  const text = podWith('kernel.shm_rmid_forced', 'net.ipv4.ip_local_port_range', 'net.ipv4.tcp_syncookies', 'net.ipv4.ping_group_range', 'net.ipv4.ip_unprivileged_port_start');
  for (const v of ['v1.0', 'v1.26', 'latest', 'v1.37']) assert.deepEqual(ruleFindings(check(text, 'baseline', v), ID), [], v);
});

// Each sysctl added to the list, with the last version that forbids it.
const ADDED: [string, string, string][] = [
  ['net.ipv4.ip_local_reserved_ports', 'v1.26', 'v1.27'],
  ['net.ipv4.tcp_keepalive_time', 'v1.28', 'v1.29'],
  ['net.ipv4.tcp_fin_timeout', 'v1.28', 'v1.29'],
  ['net.ipv4.tcp_keepalive_intvl', 'v1.28', 'v1.29'],
  ['net.ipv4.tcp_keepalive_probes', 'v1.28', 'v1.29'],
  ['net.ipv4.tcp_rmem', 'v1.31', 'v1.32'],
  ['net.ipv4.tcp_wmem', 'v1.31', 'v1.32'],
  ['net.ipv4.tcp_slow_start_after_idle', 'v1.36', 'v1.37'],
  ['net.ipv4.tcp_notsent_lowat', 'v1.36', 'v1.37'],
];

test('sysctls: each later addition is forbidden up to the version before it and allowed from it', () => {
  for (const [name, before, from] of ADDED) {
    const text = podWith(name);
    assert.deepEqual(ruleFindings(check(text, 'baseline', before), ID), [[rangeOf(text, name), `forbidden sysctls (${name})`]], `${name} at ${before}`);
    assert.deepEqual(ruleFindings(check(text, 'baseline', from), ID), [], `${name} at ${from}`);
    assert.deepEqual(ruleFindings(check(text, 'baseline', 'v1.99'), ID), [], `${name} at v1.99`);
  }
});

test('sysctls: latest is the newest released policy, so the unreleased v1.37 additions are still forbidden', () => {
  const text = podWith('net.ipv4.tcp_rmem', 'net.ipv4.tcp_notsent_lowat');
  assert.deepEqual(ruleFindings(check(text, 'baseline', 'latest'), ID), [[rangeOf(text, 'net.ipv4.tcp_notsent_lowat'), 'forbidden sysctls (net.ipv4.tcp_notsent_lowat)']]);
});

test('sysctls: the summary lists names in spec order, not deduplicated; exact names only', () => {
  const text = podWith('kernel.msgmax', 'net.ipv4/tcp_syncookies', 'kernel.shm_rmid_forced', 'net/ipv4/tcp_syncookies', 'kernel.msgmax');
  assert.deepEqual(ruleFindings(check(text, 'baseline', 'v1.0'), ID), [
    [rangeOf(text, 'kernel.msgmax', 0), 'forbidden sysctls (kernel.msgmax)'],
    [rangeOf(text, 'net.ipv4/tcp_syncookies'), 'forbidden sysctls (net.ipv4/tcp_syncookies)'],
    [rangeOf(text, 'net/ipv4/tcp_syncookies'), 'forbidden sysctls (net/ipv4/tcp_syncookies)'],
    [rangeOf(text, 'kernel.msgmax', 1), 'forbidden sysctls (kernel.msgmax)'],
  ]);
  assert.deepEqual(summaries(text, ID, 'baseline', 'v1.0'), ['forbidden sysctls (kernel.msgmax, net.ipv4/tcp_syncookies, net/ipv4/tcp_syncookies, kernel.msgmax)']);
});

test('sysctls: flow style in a workload template', () => {
  const text = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: c
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          securityContext: {sysctls: [{name: vm.swappiness, value: "1"}, {name: kernel.sem, value: "1"}]}
          containers: [{name: a}]
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [
    [rangeOf(text, 'vm.swappiness'), 'forbidden sysctls (vm.swappiness)'],
    [rangeOf(text, 'kernel.sem'), 'forbidden sysctls (kernel.sem)'],
  ]);
});

test('sysctls: a list behind an alias gives one finding at the alias naming every sysctl in order', () => {
  const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata: {name: p1}
    spec:
      securityContext: {sysctls: &s [{name: vm.swappiness}, {name: kernel.sem}]}
      containers: [{name: a}]
  - apiVersion: v1
    kind: Pod
    metadata: {name: p2}
    spec:
      securityContext: {sysctls: *s}
      containers: [{name: a}]
`;
  assert.deepEqual(ruleFindings(check(text, 'baseline'), ID), [
    [rangeOf(text, 'vm.swappiness'), 'forbidden sysctls (vm.swappiness)'],
    [rangeOf(text, 'kernel.sem'), 'forbidden sysctls (kernel.sem)'],
    [rangeOf(text, '*s'), 'forbidden sysctls (vm.swappiness, kernel.sem)'],
  ]);
});
