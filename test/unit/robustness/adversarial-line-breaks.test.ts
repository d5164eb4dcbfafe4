// A lone CR (old Mac line ends, or a stray one among CRLF/LF lines) is a line break for YAML, go-yaml (kubectl),
// LSP and editors. The `yaml` lexer reads it as text, which once hid fields behind comments (`# note\rprivileged:
// true` was one comment) and turned the whole of a CR-only file into syntax errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll, lintText, NamespaceIndex, parseManifest, PolicyResolver } from '../../../server/src/engine';
import { splitDocuments } from '../../../server/src/engine/parse/split-documents';
import { EditedFile } from '../incremental/helpers';
import { analyse, PRIVILEGED_POD } from './helpers';

const baseline = { policy: { level: 'baseline' as const } };

test('a CR-only file gets exactly the findings of the same file with LF (same offsets, same length)', () => {
  const cr = PRIVILEGED_POD.replace(/\n/g, '\r');
  const run = analyse(cr);
  assert.ok(run.ids.includes('privileged'), run.ids.join(','));
  assert.deepEqual(run.findings, analyse(PRIVILEGED_POD).findings);
});

test('a comment ended by a lone CR does not swallow the field after it', () => {
  const text = 'apiVersion: v1 # a\rkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: true # b\r  containers:\n    - name: c\n      securityContext: # c\r        privileged: true\n';
  const run = analyse(text, baseline);
  assert.deepEqual(run.ids, ['hostNamespaces', 'privileged']);
  assert.equal(run.findings[1].span.start, text.lastIndexOf('true'));
});

test('a doubled CR before LF (`\\r\\r\\n`) is a blank line, not part of the value: `true\\r` is still true', () => {
  const text = PRIVILEGED_POD.replace(/\n/g, '\r\r\n');
  assert.deepEqual(analyse(text, baseline).ids, ['privileged']);
  assert.equal(parseManifest(text).documents[0].errors.length, 0);
});

test('`---` after a lone CR starts a document, for the parser and for the incremental split alike', () => {
  const text = `a: 1\r---\r${PRIVILEGED_POD.replace(/\n/g, '\r')}`;
  assert.equal(parseManifest(text).documents.length, 2);
  assert.deepEqual(splitDocuments(text).slices, [{ start: 0, end: 5 }, { start: 5, end: text.length }]);
  const file = new EditedFile(baseline);
  assert.deepEqual(file.lint(text).findings, file.whole(text));
  const edited = text.replace('a: 1', 'a: 2');
  assert.deepEqual(file.lint(edited).findings, file.whole(edited));
  assert.ok(file.whole(edited).some((f) => f.ruleId === 'privileged' && f.documentIndex === 1));
});

test('a suppression comment ended by a lone CR applies to the next line', () => {
  const text = PRIVILEGED_POD.replace('        privileged: true\n', '        # podsec-disable-next-line privileged\r        privileged: true\n');
  const policy = new PolicyResolver({ level: 'baseline' }, new NamespaceIndex());
  const ids = lintText(text, { policy }).findings.map((f) => f.ruleId);
  assert.ok(!ids.includes('privileged') && !ids.includes('unusedDirective'), ids.join(','));
  // The same directive with a plain LF, for comparison: the lone CR changes nothing.
  const lf = lintText(text.replace('\r', '\n'), { policy }).findings.map((f) => f.ruleId);
  assert.deepEqual(ids, lf);
});

test('fixing a CR-only file writes CR line breaks, and the fixed file checks clean', () => {
  const cr = PRIVILEGED_POD.replace(/\n/g, '\r');
  const lint = { policy: new PolicyResolver({ level: 'restricted' }, new NamespaceIndex()) };
  const fixed = fixAll(cr, { lint, select: (f) => f.category === 'pss' });
  assert.equal(fixed.text, `${PRIVILEGED_POD.replace('privileged: true', 'privileged: false')}        allowPrivilegeEscalation: false
        capabilities:
          drop:
            - ALL
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
`.replace(/\n/g, '\r'));
  assert.deepEqual(analyse(fixed.text).ids.filter((id) => ['privileged', 'allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted'].includes(id)), []);
});
