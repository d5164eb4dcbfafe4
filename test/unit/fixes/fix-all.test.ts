/** Fix-all: every preferred fix, iterated to a fixed point, expressed as line edits against the original text. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll, makeRestrictedCompliant } from '../../../server/src/engine';
import { crlf, fixAllChecked, lintOptions, pssFindings } from './fix-helpers';

const TWO_CONTAINERS = `apiVersion: v1
kind: Pod
metadata:
  name: p   # keep me
spec:
  containers:
    # first
    - name: a
      image: nginx
      securityContext:
        privileged: true
    - name: b
      image: busybox
  volumes:
    - name: data
      hostPath: {path: /data}
`;

test('fix-all at restricted: one pod-level securityContext for both containers, non-preferred fixes left alone', () => {
  const result = fixAllChecked(TWO_CONTAINERS);
  assert.equal(result.text, `apiVersion: v1
kind: Pod
metadata:
  name: p   # keep me
spec:
  containers:
    # first
    - name: a
      image: nginx
      securityContext:
        privileged: false
        allowPrivilegeEscalation: false
        capabilities:
          drop:
            - ALL
    - name: b
      image: busybox
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop:
            - ALL
  volumes:
    - name: data
      hostPath: {path: /data}
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
`);
  assert.deepEqual(pssFindings(result.text).map((f) => f.ruleId), ['restrictedVolumes']);
});

test('fix-all edits are whole lines of the original, and lines it does not touch are not in them', () => {
  const result = fixAll(TWO_CONTAINERS, { lint: lintOptions('baseline') });
  assert.equal(result.text, TWO_CONTAINERS.replace('privileged: true', 'privileged: false'));
  assert.deepEqual(result.edits, [{ span: { start: TWO_CONTAINERS.indexOf('        privileged: true'), end: TWO_CONTAINERS.indexOf('    - name: b') }, newText: '        privileged: false\n' }]);
});

test('fix-all on a text with nothing to fix changes nothing', () => {
  const clean = fixAllChecked(TWO_CONTAINERS, 'privileged');
  assert.equal(clean.text, TWO_CONTAINERS);
  assert.deepEqual(clean.edits, []);
  assert.equal(clean.rounds, 0);
});

test('fix-all keeps CRLF, and works on every document of a file and on JSON', () => {
  const crlfResult = fixAllChecked(crlf(`${TWO_CONTAINERS}---\n${TWO_CONTAINERS}`));
  assert.ok(!/[^\r]\n/.test(crlfResult.text), 'a bare LF was written');
  assert.equal(pssFindings(crlfResult.text).filter((f) => f.ruleId !== 'restrictedVolumes').length, 0);
  const json = JSON.stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'd' }, spec: { template: { spec: { hostPID: true, containers: [{ name: 'a' }, { name: 'b', securityContext: { capabilities: { add: ['SYS_ADMIN'] } } }] } } } }, null, 2);
  const jsonResult = fixAllChecked(json);
  assert.deepEqual(pssFindings(jsonResult.text), []);
  assert.doesNotThrow(() => JSON.parse(jsonResult.text));
});

test('fix-all removes several items of one list over rounds without breaking it', () => {
  const input = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      securityContext:
        capabilities:
          add: [SYS_ADMIN, NET_ADMIN, NET_BIND_SERVICE, SYS_TIME]
          drop: [ALL]
        allowPrivilegeEscalation: false
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
`;
  assert.equal(fixAllChecked(input).text, input.replace('[SYS_ADMIN, NET_ADMIN, NET_BIND_SERVICE, SYS_TIME]', '[NET_BIND_SERVICE]'));
});

test('fix-all leaves findings that are suppressed by a comment', () => {
  const input = TWO_CONTAINERS.replace('        privileged: true', '        # podsec-disable-next-line privileged\n        privileged: true');
  const result = fixAllChecked(input, 'baseline');
  assert.equal(result.text, input);
});

test('fix-all of one rule only touches that rule', () => {
  const result = fixAll(TWO_CONTAINERS, { lint: lintOptions('restricted'), select: (f) => f.ruleId === 'allowPrivilegeEscalation' });
  const left = pssFindings(result.text).map((f) => f.ruleId);
  assert.ok(!left.includes('allowPrivilegeEscalation'));
  assert.ok(left.includes('privileged') && left.includes('runAsNonRoot'));
});

test('make restricted-compliant: one workload, at restricted, even when its namespace is baseline', () => {
  const other = TWO_CONTAINERS.replace('name: p   # keep me', 'name: q');
  const input = `${TWO_CONTAINERS}---\n${other}`;
  const result = makeRestrictedCompliant(input, { documentIndex: 1, kind: 'Pod', name: 'q' }, { lint: lintOptions('baseline') });
  assert.ok(result.text.startsWith(`${TWO_CONTAINERS}---\n`), 'the other document changed');
  const left = pssFindings(result.text, 'restricted').filter((f) => f.documentIndex === 1).map((f) => f.ruleId);
  assert.deepEqual(left, ['restrictedVolumes']);
});
