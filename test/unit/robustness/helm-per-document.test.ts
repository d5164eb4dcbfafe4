// Helm templates are decided per `---` document: template text inside YAML data (alert descriptions) does not hide
// the syntax errors of the other documents, and a real template still gets no syntax noise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, NamespaceIndex, PolicyResolver } from '../../../server/src/engine';
import type { Finding } from '../../../server/src/engine';
import { hasTemplateAction } from '../../../server/src/engine/parse/template-actions';
import { EditedFile } from '../incremental/helpers';
import { analyse } from './helpers';

const HELM_POD = `{{- if .Values.enabled }}
apiVersion: v1
kind: Pod
metadata:
  name: {{ .Release.Name }}
spec:
  containers:
{{ toYaml .Values.containers | indent 4 }}
{{- end }}
`;

// As kube-prometheus renders them: actions in double- and single-quoted, block and plain scalars.
const PROMETHEUS_RULE = `apiVersion: monitoring.coreos.com/v1
kind: PrometheusRule
metadata:
  name: node-rules
  namespace: monitoring
spec:
  groups:
    - name: node
      rules:
        - alert: InstanceDown
          expr: up == 0
          annotations:
            summary: "{{ $labels.instance }} is down"
            title: '{{ $labels.job }}: {{ printf "%.2f" $value }}'
            description: |
              {{ $labels.instance }} of job {{ $labels.job }} has been down
              for more than 5 minutes.
            runbook: >-
              {{ $labels.runbook }}
            message: Pod {{ $labels.namespace }}/{{ $labels.pod }} restarted {{ printf "%.2f" $value }} times.
`;

const BROKEN_POD = `apiVersion: v1
kind: Pod
metadata:
  name: broken
spec:
  containers:
    - name: app
      image: nginx: latest
`;

const PRIVILEGED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: priv
spec:
  containers:
    - name: app
      image: nginx
      securityContext:
        privileged: true
`;

const policy = new PolicyResolver({ level: 'baseline' }, new NamespaceIndex());

function rows(findings: Finding[], text: string): [string, number, string][] {
  return findings.map((f) => [f.ruleId, f.documentIndex, text.slice(f.span.start, f.span.end)]);
}

/** lintText's findings, after checking that the incremental lint gives exactly the same. */
function lint(text: string): Finding[] {
  const whole = lintText(text, { policy, hardening: false }).findings;
  const file = new EditedFile();
  assert.deepStrictEqual(file.lint(text).findings, file.whole(text));
  assert.deepEqual(file.ruleErrors, []);
  return whole;
}

test('a Helm template document: no yamlSyntax finding and no crash, whole or incremental', () => {
  const run = analyse(HELM_POD);
  assert.deepEqual(run.ids.filter((id) => id === 'yamlSyntax'), []);
  assert.deepEqual(run.ruleErrors, []);
  assert.deepEqual(lint(HELM_POD).filter((f) => f.ruleId === 'yamlSyntax'), []);
});

test('alert text with {{ }} in quoted, block and plain scalars does not hide another document\'s syntax error', () => {
  const text = [PROMETHEUS_RULE, BROKEN_POD, PRIVILEGED_POD].join('---\n');
  const findings = lint(text);
  const error = findings.find((f) => f.ruleId === 'yamlSyntax');
  assert.deepEqual(error && { message: error.message, start: error.span.start }, {
    message: 'Nested mappings are not allowed in compact mappings',
    start: text.indexOf('nginx: latest'),
  });
  // ... and the documents that parse are still analysed.
  assert.deepEqual(rows(findings, text), [
    ['yamlSyntax', 1, 'n'],
    ['privileged', 2, 'true'],
  ]);
  assert.deepEqual(analyse(text).ids.filter((id) => id === 'yamlSyntax'), ['yamlSyntax']);
});

test('each document decides: a broken template document stays quiet, a broken plain one next to it does not', () => {
  const brokenTemplate = 'apiVersion: v1\nkind: ConfigMap\n{{ if x }}data: {{ else }}}}]]: {{ end }}\n';
  const text = [HELM_POD, brokenTemplate, BROKEN_POD, PRIVILEGED_POD].join('---\n');
  assert.deepEqual(rows(lint(text), text), [
    ['yamlSyntax', 2, 'n'],
    ['privileged', 3, 'true'],
  ]);
});

test('an action that holds its scalar\'s own quote breaks the scalar: a template, no syntax error', () => {
  const doc = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: "{{ include "chart.fullname" . }}"\n';
  assert.equal(hasTemplateAction(doc), true);
  const text = [doc, PRIVILEGED_POD].join('---\n');
  assert.deepEqual(rows(lint(text), text), [['privileged', 1, 'true']]);
});

test('typing an action where a node starts turns the document into a template, and back', () => {
  const file = new EditedFile({ policy: { level: 'baseline' } });
  const before = [PROMETHEUS_RULE, BROKEN_POD].join('---\n');
  const edited = before.replace('  name: broken', '  name: {{ .Release.Name }}');
  for (const text of [before, edited, before]) {
    const findings = file.lint(text).findings;
    assert.deepStrictEqual(findings, file.whole(text));
    assert.deepEqual(findings.map((f) => f.ruleId), text === edited ? [] : ['yamlSyntax']);
  }
});

test('where a {{ is a template action and where it is YAML data', () => {
  const cases: [string, boolean][] = [
    // Actions where a node starts, or in a flow collection, or left open on their line.
    ['{{- if .Values.enabled }}\na: 1\n', true],
    ['metadata:\n  name: {{ .Release.Name }}\n', true],
    ['spec:\n{{ toYaml .Values.spec | indent 2 }}\n', true],
    ['{{ .key }}: v\n', true],
    ['- {{ .item }}\n', true],
    ['a: [x-{{ .y }}]\n', true],
    ['a: [\n  x-{{ .y }},\n  b]\n', true],
    ['a: x {{ printf "a: b" }}\n', true],
    ['a: x {{ .y\n  }}\n', true],
    ['a: |\n  x\n{{ end }}\n', true],
    ['- key: |\n    data\n  {{ .y }}\n', true],
    ["a: '{{ printf '%s' .x }}'\n", true],
    ['a: "multi\n  line {{ x }}"\nb: {{ y }}\n', true],
    ['}}{{', true],
    ['{{', true],
    // Data: quoted, block and plain scalars, comments.
    ['a: "{{ $labels.instance }} is down"\n', false],
    ['a: "{{ printf \\"%s\\" .x }}"\n', false],
    ["a: '{{ printf \"%s\" .x }}'\n", false],
    ["a: 'it''s {{ x }}'\n", false],
    ['a: |\n  {{ $labels.x }}\n\n  more {{ x }}\nb: 1\n', false],
    ['- |\n  {{ x }}\n', false],
    ['a: &anchor !!str >-\n  {{ y }}\n', false],
    ['a: "multi\n  line {{ x }} here"\nb: 2\n', false],
    ['a: [\n  "{{ .y }}",\n  b]\n', false],
    ['summary: Pod {{ $labels.pod }} ({{ $labels.container }}) at {{ printf "%.2f" $value }}\n', false],
    ["a: it's {{ x }}\n", false],
    ['# {{ x }}\na: 1 # {{ y }}\n', false],
    ['a: 1\n', false],
  ];
  for (const [text, template] of cases) assert.equal(hasTemplateAction(text), template, JSON.stringify(text));
});

test('a document marker ends an open quote or block scalar: the next document is read afresh', () => {
  assert.equal(hasTemplateAction('a: "open {{ x }}\n---\nb: {{ y }}\n'), true);
  assert.equal(hasTemplateAction('a: |\n  {{ x }}\n---\n{{ y }}\n'), true);
  // Only from `start` to `end`.
  const text = 'a: {{ x }}\n---\nb: 1\n';
  assert.equal(hasTemplateAction(text, text.indexOf('---')), false);
  assert.equal(hasTemplateAction(text, 0, 4), false);
});
