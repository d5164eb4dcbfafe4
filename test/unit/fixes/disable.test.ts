/** "Disable <rule> for this line / document": new directives copy the indentation; existing ones are extended. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { disableDocumentFix, disableLineFix, lintText } from '../../../server/src/engine';
import { applyDisable, crlf, lintOptions } from './fix-helpers';

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostNetwork: true
  containers:
    - name: app
      securityContext:
        privileged: true
`;

test('disable for this line: a comment above the finding\'s line, at its indentation', () => {
  const { fix, output } = applyDisable(POD, 'privileged', 'line', { level: 'baseline' });
  assert.equal(fix.title, 'Disable privileged for this line');
  assert.equal(fix.isPreferred, false);
  assert.equal(output, POD.replace('        privileged: true', '        # podsec-disable-next-line privileged\n        privileged: true'));
});

test('disable for this line: an existing directive for the line is extended, before its reason', () => {
  const input = POD.replace('  hostNetwork: true', '  # podsec-disable-next-line hostPID -- host agent\n  hostNetwork: true');
  const { output } = applyDisable(input, 'hostNamespaces', 'line', { level: 'baseline' });
  assert.equal(output, input.replace('hostPID -- host agent', 'hostPID, hostNamespaces -- host agent'));
});

test('disable for this document: at the top of a document without ---, and after the --- of a later one', () => {
  const first = applyDisable(POD, 'privileged', 'document', { level: 'baseline' });
  assert.equal(first.fix.title, 'Disable privileged for this document');
  assert.equal(first.output, `# podsec-disable privileged\n${POD}`);
  const input = `${POD}---   # second\n${POD}`;
  const second = applyDisable(input, 'privileged', 'document', { level: 'baseline', index: 1 });
  assert.equal(second.output, `${POD}---   # second\n# podsec-disable privileged\n${POD}`);
});

test('disable for this document: an existing document directive is extended', () => {
  const input = `# podsec-disable hostNamespaces\n${POD}`;
  const { output } = applyDisable(input, 'privileged', 'document', { level: 'baseline' });
  assert.equal(output, `# podsec-disable hostNamespaces, privileged\n${POD}`);
});

test('disable actions use the file\'s line breaks', () => {
  const input = crlf(POD);
  assert.equal(applyDisable(input, 'privileged', 'line', { level: 'baseline' }).output, crlf(POD.replace('        privileged: true', '        # podsec-disable-next-line privileged\n        privileged: true')));
});

test('no disable actions in JSON, which has no comments', () => {
  const json = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { hostNetwork: true, containers: [{ name: 'a' }] } }, null, 2);
  const { parsed, findings: all } = lintText(json, lintOptions('baseline'));
  const findings = all.filter((f) => f.category === 'pss');
  assert.equal(findings.length, 1);
  assert.equal(disableLineFix(findings[0], parsed), undefined);
  assert.equal(disableDocumentFix(findings[0], parsed), undefined);
});
