// YAML that is not a Kubernetes manifest gets no findings at all, broken or not; Helm templates get no syntax noise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, NamespaceIndex, PolicyResolver } from '../../../server/src/engine';
import { analyse } from './helpers';

const NOT_KUBERNETES: Record<string, string> = {
  'GitHub workflow': `name: ci
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: npm ci && npm test
`,
  'docker compose with anchors and merges': `x-defaults: &defaults
  restart: always
  privileged: true
services:
  web:
    <<: *defaults
    image: nginx
    ports: ["80:80"]
  db:
    <<: *defaults
    image: postgres
`,
  'GitLab CI with hidden jobs': `.base: &base
  image: alpine
  script: [echo hi]
build:
  <<: *base
  stage: build
test:
  <<: *base
  stage: test
`,
  'Ansible playbook': `- hosts: all
  become: yes
  tasks:
    - name: install
      apt: {name: nginx, state: present}
`,
  'OpenAPI document': `openapi: 3.0.0
info: {title: t, version: "1"}
paths:
  /pods:
    get:
      responses:
        "200": {description: ok}
`,
  'package.json': '{"name": "x", "version": "1.0.0", "scripts": {"test": "node t.js"}}\n',
  'broken YAML': 'a: [1, 2\nb: {c: d\n  - e\n"unterminated\n',
  'broken JSON': '{"a": [1, 2,, }\n',
  'YAML with tabs for indentation': 'a:\n\tb: c\n',
  'a kind that is not a string': 'kind: [Pod]\napiVersion: 1\nspec: {containers: [{securityContext: {privileged: true}}]}\n',
  'kind without apiVersion': 'kind: Pod\nspec:\n  hostNetwork: true\n',
};

const policy = new PolicyResolver({ level: 'restricted' }, new NamespaceIndex());

for (const [name, text] of Object.entries(NOT_KUBERNETES)) {
  test(`not Kubernetes, no findings: ${name}`, () => {
    const run = analyse(text);
    assert.deepEqual(run.ids, []);
    assert.deepEqual(run.ruleErrors, []);
    assert.deepEqual(lintText(text, { policy }).findings.map((f) => f.ruleId), []);
  });
}

const HELM_DEPLOYMENT = `{{- if .Values.enabled }}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "chart.fullname" . }}
  labels:
    {{- include "chart.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  template:
    spec:
      {{- with .Values.podSecurityContext }}
      securityContext:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          {{- range .Values.env }}
          - name: {{ .name }}
          {{- end }}
          securityContext: {{ toYaml .Values.securityContext | nindent 12 }}
{{- end }}
{{/* a comment */}}
---
{{ range $i, $e := .Values.list }}
- {{ $e }}: [{{ $i }}
{{ end }}
`;

test('a Helm template: no yamlSyntax finding for template syntax, no crash, spans in range', () => {
  const run = analyse(HELM_DEPLOYMENT);
  assert.deepEqual(run.ids.filter((id) => id === 'yamlSyntax'), []);
  assert.deepEqual(run.ruleErrors, []);
  assert.deepEqual(lintText(HELM_DEPLOYMENT, { policy }).findings.filter((f) => f.ruleId === 'yamlSyntax'), []);
});

test('Helm helpers and values files with actions get no syntax findings either', () => {
  const helpers = '{{- define "chart.name" -}}\n{{- default .Chart.Name .Values.nameOverride | trunc 63 }}\n{{- end }}\n';
  const oddTemplate = 'apiVersion: v1\nkind: ConfigMap\n{{ if x }}data: {{ else }}}}]]: {{ end }}\n';
  for (const text of [helpers, oddTemplate, '{{', '}}{{', 'apiVersion: v1\nkind: Pod\nmetadata: {{{{{{{{']) {
    assert.deepEqual(analyse(text).ids.filter((id) => id === 'yamlSyntax'), [], text);
  }
});

test('the same broken manifest without template actions does report its syntax error', () => {
  const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n';
  assert.deepEqual(analyse(text).ids, ['yamlSyntax']);
});
