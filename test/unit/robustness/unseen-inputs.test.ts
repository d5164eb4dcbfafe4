// Inputs no other robustness test feeds the engine and the CLI: YAML 1.1 spellings of the values the admission
// controller reads (booleans, zeros, tags), duplicate keys, merge keys and aliases inside pod specs, odd nesting of
// workload templates, JSON manifests, Unicode line breaks, non-Kubernetes files that look a little like manifests,
// and odd CLI arguments. The oracle is go-yaml v2 (what kubectl decodes YAML with) followed by the API server's JSON
// decoding, then /work/shared/docs/pod-security-standards.md (the shared docs folder). The cases for `!!float 0`,
// alias keys, JSON object streams, a BOM after `---` and NEL/LS/PS line breaks each found a bug, since fixed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { LineIndex, lintText, NamespaceIndex, PolicyResolver } from '../../../server/src/engine';
import type { Finding } from '../../../server/src/engine';
import { EditedFile } from '../incremental/helpers';
import { analyse } from './helpers';

const baseline = { policy: { level: 'baseline' as const } };

/** `ruleId "text under the span"` of each finding, for exact assertions of what a finding points at. */
function located(text: string, findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.ruleId} ${JSON.stringify(text.slice(f.span.start, f.span.end))}`);
}

/** 1-based `line:column` of a finding's start, as the CLI prints it. */
function lineColumn(text: string, f: Finding): string {
  const p = new LineIndex(text).positionAt(f.span.start);
  return `${p.line + 1}:${p.character + 1}`;
}

/** The incremental lint of the server and the whole-file lint agree on `text`. */
function assertIncrementalAgrees(text: string): void {
  const file = new EditedFile(baseline);
  assert.deepEqual(file.lint(text).findings, file.whole(text));
  assert.deepEqual(file.ruleErrors, []);
}

/** A container whose securityContext body is `body` (written at 8 spaces). */
function containerPod(body: string, extra = ''): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: p
${extra}spec:
  containers:
    - name: c
      image: nginx
      securityContext:
${body}`;
}

describe('scalars the API server reads as booleans, spelled every way', () => {
  // go-yaml v2 reads the YAML 1.1 booleans; an explicit !!bool tag resolves even a quoted scalar.
  for (const value of ['yes', 'on', 'Y', 'y', 'True', 'TRUE', '!!bool true', '!!bool "true"', '&anchor true']) {
    test(`privileged: ${value} is privileged, reported on the value`, () => {
      const text = containerPod(`        privileged: ${value}\n`);
      const run = analyse(text, baseline);
      const shown = value.replace(/^(!!bool|&anchor) /, '');
      assert.deepEqual(located(text, run.findings), [`privileged ${JSON.stringify(shown)}`]);
      assert.equal(run.findings[0].message, 'privileged (container "c" must not set securityContext.privileged=true)');
      assertIncrementalAgrees(text);
    });
  }
  // Strings and numbers in a boolean field fail the API server's decoding: no Pod Security verdict at all.
  for (const value of ['"true"', "'true'", '!!str true', 'tRue', '1', '!!int 1', '!!binary dHJ1ZQ==', '~', 'null', '.inf', '!custom true', '[true]', '{a: true}']) {
    test(`privileged: ${value} is no privileged finding`, () => {
      const run = analyse(containerPod(`        privileged: ${value}\n`), baseline);
      assert.deepEqual(run.ids, []);
      assert.deepEqual(run.ruleErrors, []);
    });
  }
  test('runAsNonRoot: \'false\' (a string) is not an explicit false: the implicit message, on the container name', () => {
    const text = containerPod(`        runAsNonRoot: 'false'\n`);
    const run = analyse(text);
    const f = run.findings.find((x) => x.ruleId === 'runAsNonRoot')!;
    assert.equal(f.message, 'runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true)');
  });
});

describe('runAsUser: spellings of zero', () => {
  // go-yaml v2 reads integers with strconv.ParseInt(s, 0, 64) after removing `_`, and floats as floats; the JSON the
  // API server decodes then holds 0.
  const restrictedBody = (value: string) => `        runAsUser: ${value}\n        runAsNonRoot: true\n        allowPrivilegeEscalation: false\n        capabilities: {drop: [ALL]}\n        seccompProfile: {type: RuntimeDefault}\n`;
  for (const value of ['0', '0o0', '0x0', '0X0', '0b0', '-0', '+0', '00', '0_0', '0.0', '-0.0', '.0', '0e0', '!!int 0', '!!int "0"']) {
    test(`runAsUser: ${value} is runAsUser=0, reported on the value`, () => {
      const text = containerPod(restrictedBody(value));
      const run = analyse(text);
      const shown = value.replace(/^!!int /, '');
      assert.deepEqual(located(text, run.findings), [`runAsUser ${JSON.stringify(shown)}`]);
      assert.equal(run.findings[0].message, 'runAsUser=0 (container "c" must not set runAsUser=0)');
    });
  }
  // Strings fail decoding into int64; 2^53+1 and 2^64 are not zero; 1:0 is a string to go-yaml (no sexagesimals).
  for (const value of ['"0"', '!!str 0', '0:0', '9007199254740993', '18446744073709551616', '-9223372036854775809', '1e400', '~', '0o', '0x', '1']) {
    test(`runAsUser: ${value} is no runAsUser finding`, () => {
      const run = analyse(containerPod(restrictedBody(value)));
      assert.deepEqual(run.ids, []);
      assert.deepEqual(run.ruleErrors, []);
    });
  }
  test('runAsUser: !!float 0 is runAsUser=0 (go-yaml turns the int it resolves into float 0; JSON then holds 0)', () => {
    const text = containerPod(restrictedBody('!!float 0'));
    assert.deepEqual(located(text, analyse(text).findings), ['runAsUser "0"']);
  });
  test('JSON numbers that are zero are runAsUser=0', () => {
    for (const value of ['0', '-0', '0.0', '0e5', '-0.0', '0.0e0']) {
      const text = `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"securityContext":{"runAsNonRoot":true,"seccompProfile":{"type":"RuntimeDefault"}},"containers":[{"name":"c","securityContext":{"allowPrivilegeEscalation":false,"capabilities":{"drop":["ALL"]},"runAsUser":${value}}}]}}`;
      assert.deepEqual(located(text, analyse(text).findings), [`runAsUser ${JSON.stringify(value)}`], value);
    }
  });
});

describe('duplicate keys, merge keys and aliases in pod specs', () => {
  const head = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n';
  test('a duplicate key: the last one wins, as go-yaml v2 and encoding/json assign it', () => {
    const trueLast = containerPod('        privileged: false\n        privileged: true\n');
    assert.deepEqual(located(trueLast, analyse(trueLast, baseline).findings), ['privileged "true"']);
    assert.equal(lineColumn(trueLast, analyse(trueLast, baseline).findings[0]), '11:21');
    assert.deepEqual(analyse(containerPod('        privileged: true\n        privileged: false\n'), baseline).ids, []);
    assert.deepEqual(analyse(`${head}spec:\n  hostNetwork: true\nspec:\n  containers: [{name: b}]\n`, baseline).ids, []);
    assert.deepEqual(analyse(containerPod('        privileged: true\n      securityContext: {}\n'), baseline).ids, []);
    const json = `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p"},"spec":{"hostPID":false,"hostPID":true,"containers":[]}}`;
    assert.deepEqual(located(json, analyse(json, baseline).findings), ['hostNamespaces "true"']);
  });

  test('merge keys: `<<: [*a, *b]` takes the earlier map; an explicit key after `<<` overrides it, one before does not', () => {
    const anchors = 'x: &on {privileged: true}\ny: &off {privileged: false}\n';
    const withSc = (sc: string) => `${head}${anchors}spec:\n  containers:\n    - name: c\n      securityContext:\n${sc}`;
    const earlierOn = withSc('        <<: [*on, *off]\n');
    assert.deepEqual(located(earlierOn, analyse(earlierOn, baseline).findings), ['privileged "*on"']);
    assert.deepEqual(analyse(withSc('        <<: [*off, *on]\n'), baseline).ids, []);
    assert.deepEqual(analyse(withSc('        <<: *on\n        privileged: false\n'), baseline).ids, []);
    const before = withSc('        privileged: false\n        <<: *on\n');
    assert.deepEqual(located(before, analyse(before, baseline).findings), ['privileged "*on"']);
    // A quoted "<<" is an ordinary key for go-yaml v2 (only a plain or !!merge-tagged one merges).
    assert.deepEqual(analyse(withSc('        "<<": *on\n'), baseline).ids, []);
    const tagged = withSc('        !!merge <<: *on\n');
    assert.deepEqual(located(tagged, analyse(tagged, baseline).findings), ['privileged "*on"']);
  });

  test('a container merged from another (`- <<: *c0`) is judged on its own, reported at the alias', () => {
    const text = `${head}spec:\n  containers:\n    - &c0\n      name: a\n      securityContext: {privileged: true}\n    - <<: *c0\n      name: b\n`;
    const run = analyse(text, baseline);
    assert.deepEqual(located(text, run.findings), ['privileged "true"', 'privileged "*c0"']);
    assert.deepEqual(run.findings.map((f) => f.message), [
      'privileged (container "a" must not set securityContext.privileged=true)',
      'privileged (container "b" must not set securityContext.privileged=true)',
    ]);
    assertIncrementalAgrees(text);
  });

  test('one list aliased as initContainers and containers: both places are reported', () => {
    const text = `${head}spec:\n  initContainers: &cs\n    - name: c\n      securityContext: {privileged: true}\n  containers: *cs\n`;
    assert.deepEqual(located(text, analyse(text, baseline).findings), ['privileged "true"', 'privileged "*cs"']);
  });

  test('a pod spec merged from an anchor outside it: hostNetwork reported at the alias', () => {
    const text = `${head}base: &s\n  hostNetwork: true\nspec:\n  <<: *s\n  containers: [{name: c}]\n`;
    const run = analyse(text, baseline);
    assert.deepEqual(located(text, run.findings), ['hostNamespaces "*s"']);
    assert.equal(run.findings[0].message, 'host namespaces (hostNetwork=true)');
  });

  test('an alias to an anchor of an earlier document is a syntax error, and the earlier document is still checked', () => {
    const text = `${head}spec: &s {hostPID: true, containers: [{name: c}]}\n---\n${head}spec: *s\n`;
    const run = analyse(text, baseline);
    assert.deepEqual(located(text, run.findings), ['hostNamespaces "true"', 'yamlSyntax "*s"']);
  });

  test('explicit (`? `) keys and tagged or escaped keys name the field like plain ones', () => {
    for (const sc of ['        ? privileged\n        : true\n', '        !!str privileged: true\n', '        "privil\\x65ged": true\n', '        \'privileged\': true\n']) {
      const text = containerPod(sc);
      assert.deepEqual(located(text, analyse(text, baseline).findings), ['privileged "true"'], sc);
    }
    // A key that is a collection names no field.
    assert.deepEqual(analyse(containerPod('        ? [privileged]\n        : true\n'), baseline).ids, []);
  });

  test('an alias used as a key names the field its anchor holds', () => {
    const text = `${head}spec:\n  containers:\n    - name: a\n      securityContext:\n        &k privileged: false\n    - name: b\n      securityContext:\n        *k : true\n`;
    const run = analyse(text, baseline);
    assert.deepEqual(run.findings.map((f) => f.message), ['privileged (container "b" must not set securityContext.privileged=true)']);
  });
});

describe('workload templates with odd shapes', () => {
  const head = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n';
  const SHAPES: Record<string, string> = {
    'spec empty': `${head}spec:\n`,
    'spec a scalar': `${head}spec: 5\n`,
    'spec a list': `${head}spec: [hostPID, true]\n`,
    'containers a map': `${head}spec:\n  containers:\n    c:\n      securityContext: {privileged: true}\n`,
    'containers a scalar': `${head}spec:\n  containers: hello\n`,
    'securityContext a list': containerPod('        - privileged\n        - true\n'),
    'capabilities scalars': containerPod('        capabilities: {drop: ALL, add: SYS_ADMIN}\n'),
    'ports a map': containerPod('        {}\n').replace('      securityContext:\n        {}\n', '      ports: {hostPort: 80}\n'),
    'Deployment template null': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n',
    'Deployment template a list': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template: [{spec: {hostPID: true}}]\n',
    'CronJob jobTemplate scalar': 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  jobTemplate: 5\n',
    'CronJob template where Job has it': 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  template:\n    spec: {hostPID: true, containers: []}\n',
    'PodTemplate with spec.template': 'apiVersion: v1\nkind: PodTemplate\nmetadata: {name: t}\nspec:\n  template:\n    spec: {hostPID: true, containers: []}\n',
    'extensions/v1beta1 Deployment': 'apiVersion: extensions/v1beta1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec: {hostPID: true, containers: []}\n',
    'a Pod of another group': 'apiVersion: example.com/v1\nkind: Pod\nmetadata: {name: d}\nspec: {hostPID: true}\n',
    'a Pod of the apps group': 'apiVersion: apps/v1\nkind: Pod\nmetadata: {name: d}\nspec: {hostPID: true}\n',
  };
  for (const [name, text] of Object.entries(SHAPES)) {
    test(`${name}: no baseline finding, no rule failure at any level`, () => {
      const run = analyse(text, baseline);
      assert.deepEqual(run.ids, []);
      assert.deepEqual(run.ruleErrors, []);
      assert.deepEqual(analyse(text).ruleErrors, []);
      assertIncrementalAgrees(text);
    });
  }

  test('garbage items before a real container are skipped; the container keeps its index-free name', () => {
    const text = `${head}spec:\n  containers:\n    -\n    - ~\n    - 5\n    - [a]\n    - name: c\n      securityContext: {privileged: true}\n`;
    const run = analyse(text, baseline);
    assert.deepEqual(located(text, run.findings), ['privileged "true"']);
    assert.equal(run.findings[0].message, 'privileged (container "c" must not set securityContext.privileged=true)');
  });

  test('each workload kind with the same odd template is read at its own path', () => {
    const pod = '{hostPID: true, containers: [{name: c}]}';
    const KINDS: Record<string, string> = {
      'v1 ReplicationController': `spec: {template: {spec: ${pod}}}`,
      'apps/v1 ReplicaSet': `spec: {template: {spec: ${pod}}}`,
      'apps/v1beta2 DaemonSet': `spec: {template: {spec: ${pod}}}`,
      'apps/v1 StatefulSet': `spec: {template: {spec: ${pod}}}`,
      'batch/v1 Job': `spec: {template: {spec: ${pod}}}`,
      'batch/v1beta1 CronJob': `spec: {jobTemplate: {spec: {template: {spec: ${pod}}}}}`,
      'v1 PodTemplate': `template: {spec: ${pod}}`,
    };
    for (const [kind, body] of Object.entries(KINDS)) {
      const [apiVersion, k] = kind.split(' ');
      const text = `apiVersion: ${apiVersion}\nkind: ${k}\nmetadata: {name: w}\n${body}\n`;
      assert.deepEqual(located(text, analyse(text, baseline).findings), ['hostNamespaces "true"'], kind);
    }
  });

  test('a hostPath volume set to null has no source (defaulted to emptyDir): no volume finding at any level', () => {
    const text = `${head}spec:\n  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}\n  volumes:\n    - name: a\n      hostPath: ~\n    - name: b\n      hostPath:\n    - name: d\n  containers:\n    - name: c\n      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}\n`;
    assert.deepEqual(analyse(text).ids, []);
    assert.deepEqual(analyse(text, baseline).ids, []);
  });

  test('hostPort spelled in hex or as a float is the number go-yaml reads; a quoted one is no number', () => {
    const text = containerPod('        {}\n').replace('      securityContext:\n        {}\n', '      ports:\n        - hostPort: "80"\n        - hostPort: 0x50\n        - hostPort: ~\n        - hostPort: 1e2\n        - {}\n        - 5\n');
    const run = analyse(text, baseline);
    assert.deepEqual(located(text, run.findings), ['hostPorts "0x50"', 'hostPorts "1e2"']);
    assert.deepEqual(run.findings.map((f) => f.message), ['hostPort (container "c" uses hostPort 80)', 'hostPort (container "c" uses hostPort 100)']);
  });
});

describe('JSON manifests', () => {
  const POD = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { hostPID: true, containers: [{ name: 'c', securityContext: { privileged: true } }] } };

  test('pretty, one-line and tab-indented JSON: the findings sit on the values, at the same columns the text has', () => {
    for (const text of [JSON.stringify(POD, null, 2), JSON.stringify(POD), JSON.stringify(POD, null, '\t')]) {
      const run = analyse(text, baseline);
      assert.deepEqual(located(text, run.findings), ['hostNamespaces "true"', 'privileged "true"']);
      assertIncrementalAgrees(text);
    }
    const pretty = JSON.stringify(POD, null, 2);
    assert.deepEqual(analyse(pretty, baseline).findings.map((f) => lineColumn(pretty, f)), ['8:16', '13:25']);
  });

  test('unicode escapes in JSON strings are decoded: kind "\\u0050od" is a Pod, "\\u0000" in a name is no binary file', () => {
    const text = JSON.stringify(POD).replace('"Pod"', '"\\u0050od"').replace('"name":"c"', '"name":"c\\u0000d"');
    const run = analyse(text, baseline);
    assert.deepEqual(run.ids, ['hostNamespaces', 'privileged']);
    assert.equal(run.findings[1].message, 'privileged (container "c\u0000d" must not set securityContext.privileged=true)');
  });

  test('Lists: a List inside a List (20 deep too, as kubectl flattens them), a PodList and a list kind of another group are unpacked; malformed items are skipped', () => {
    const list = (items: unknown, kind = 'List', apiVersion = 'v1') => JSON.stringify({ apiVersion, kind, items });
    let deep: unknown = POD;
    for (let i = 0; i < 20; i++) deep = { apiVersion: 'v1', kind: 'List', items: [deep] };
    for (const text of [list([{ apiVersion: 'v1', kind: 'List', items: [POD] }]), list([POD], 'PodList'), list([POD], 'FooList', 'example.com/v1'), JSON.stringify(deep)]) {
      assert.deepEqual(analyse(text, baseline).ids, ['hostNamespaces', 'privileged'], text.slice(0, 60));
    }
    for (const text of [list({ a: POD }), list([1, null, 'x', [POD]]), list(null), list([])]) {
      const run = analyse(text, baseline);
      assert.deepEqual(run.ids, [], text.slice(0, 60));
      assert.deepEqual(run.ruleErrors, []);
    }
  });

  test('a JSON array of Pods is no Kubernetes object (kubectl does not read one): no findings', () => {
    const text = JSON.stringify([POD, POD]);
    assert.deepEqual(analyse(text).ids, []);
  });

  test('JSON objects one after another (as `jq -c` writes them): each is an object, as kubectl\'s JSON stream decoder reads them', () => {
    const one = JSON.stringify({ ...POD, spec: { hostPID: true, containers: [{ name: 'c' }] } });
    for (const text of [`${one}\n${one}\n`, `${one}${one}`, `${JSON.stringify(JSON.parse(one), null, 2)}\n\n${one}`]) {
      const run = analyse(text, baseline);
      assert.deepEqual(run.ids, ['hostNamespaces', 'hostNamespaces'], JSON.stringify(run.ids));
      assert.deepEqual(located(text, run.findings), ['hostNamespaces "true"', 'hostNamespaces "true"']);
      assertIncrementalAgrees(text);
    }
  });

  test('a JSON stream whose brackets do not match is read as YAML (one broken document), not split at a later `{`', () => {
    const one = JSON.stringify({ ...POD, spec: { hostPID: true, containers: [{ name: 'c' }] } });
    const broken = `${one.replace('"containers":[', '"containers":]]')}\n${one}`;
    const run = analyse(broken, baseline);
    assert.ok(run.ids.length && run.ids.every((id) => id === 'yamlSyntax'), JSON.stringify(run.ids));
    // Text that starts as JSON and goes on as YAML is one document too.
    assert.deepEqual(analyse(`${one}\nkind: Pod\n`, baseline).ids.filter((id) => id !== 'yamlSyntax'), []);
  });
});

describe('Unicode line breaks and byte order marks', () => {
  const P = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostPID: true\n  containers:\n    - name: c\n      securityContext:\n        privileged: true\n';

  test('a BOM at the start of a CRLF file: findings on the values, at the columns the editor shows', () => {
    const crlf = `\uFEFF${P.replace(/\n/g, '\r\n')}`;
    const run = analyse(crlf, baseline);
    assert.deepEqual(located(crlf, run.findings), ['hostNamespaces "true"', 'privileged "true"']);
    assert.deepEqual(run.findings.map((f) => lineColumn(crlf, f)), ['6:12', '10:21']);
    assertIncrementalAgrees(crlf);
  });

  test('a BOM before a `---` is inside the previous document for kubectl (its line is no separator): a syntax error', () => {
    const text = `${P}\uFEFF---\n${P}`;
    const run = analyse(text, baseline);
    assert.deepEqual(run.ids, ['yamlSyntax']);
    assert.equal(lineColumn(text, run.findings[0]), '11:1');
  });

  // Files saved with a BOM and joined with `---` lines (cat, PowerShell Get-Content, some generators): kubectl's
  // YAMLReader splits at the `---` line first, and go-yaml drops a BOM at the start of each chunk it decodes.
  test('a BOM at the start of a document after `---` (files with a BOM joined): the document is still checked', () => {
    for (const text of [`${P}---\n\uFEFF${P}`, `${P}---\n\uFEFF\n${P}`]) {
      const run = analyse(text, baseline);
      assert.deepEqual(run.findings.map((f) => lineColumn(text, f)).slice(2), text.includes('\uFEFF\n') ? ['18:12', '22:21'] : ['17:12', '21:21']);
    }
  });

  test('U+2028, U+0085 and a zero-width space inside a value or key are text, not structure', () => {
    const zwsp = P.replace('privileged: true', 'privileged\u200b: true');
    assert.deepEqual(analyse(zwsp, baseline).ids, ['hostNamespaces']);
    const inName = P.replace('name: c', 'name: "c\u2028d\u0085e"');
    assert.equal(analyse(inName, baseline).findings[1].message, 'privileged (container "c\u2028d\u0085e" must not set securityContext.privileged=true)');
  });

  // YAML 1.1 (and go-yaml v2, which kubectl uses) counts NEL, LS and PS as line breaks, as it counts a lone CR; the
  // yaml package (YAML 1.2) reads them as text. Editors and LSP do not break lines there, so positions keep their
  // meaning if the lexer reads each as LF (one UTF-16 unit each, the way lexableText() turns a lone CR into LF).
  for (const [name, lineBreak] of [['U+2028 (LS)', '\u2028'], ['U+2029 (PS)', '\u2029'], ['U+0085 (NEL)', '\u0085']]) {
    test(`a comment ended by ${name} does not hide the field after it`, () => {
      const text = P.replace('  hostPID: true\n', `  # note${lineBreak}  hostPID: true\n`);
      const run = analyse(text, baseline);
      assert.deepEqual(located(text, run.findings), ['hostNamespaces "true"', 'privileged "true"']);
    });
  }

  test('podsec-disable-next-line ended by LS names the line after the LS, as the parser reads lines', () => {
    const text = P.replace('  hostPID: true\n', '  # podsec-disable-next-line hostNamespaces -- test\u2028  hostPID: true\n');
    const policy = new PolicyResolver({ level: 'baseline' }, new NamespaceIndex());
    // lintText applies suppression comments (analyse, analyzeText, does not); no unusedDirective either.
    assert.deepEqual(lintText(text, { policy, hardening: false }).findings.map((f) => f.ruleId), ['privileged']);
  });

  test('a file whose only line breaks are U+2028 is the Pod kubectl reads, not five syntax errors', () => {
    const text = P.replace(/\n/g, '\u2028');
    assert.deepEqual(analyse(text, baseline).ids, ['hostNamespaces', 'privileged']);
  });
});

describe('files that are not Kubernetes manifests', () => {
  const policy = new PolicyResolver({ level: 'restricted' }, new NamespaceIndex());
  const FILES: Record<string, string> = {
    'Kustomization with a Pod patch in a block scalar': 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\npatches:\n  - patch: |-\n      apiVersion: v1\n      kind: Pod\n      metadata: {name: p}\n      spec: {hostPID: true}\n',
    'CloudFormation with custom tags': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Sub "${AWS::StackName}-b"\n      Tags: !GetAtt [X, Y]\n      Other: !Ref Foo\n',
    'Ansible task with privileged and host network': '- hosts: all\n  tasks:\n    - name: run\n      community.docker.docker_container:\n        name: x\n        privileged: true\n        network_mode: host\n',
    'docker-compose with privileged and pid host': 'version: "3"\nservices:\n  x:\n    image: nginx\n    privileged: true\n    pid: host\n    security_opt: [seccomp:unconfined]\n',
    'Argo Workflow with a privileged container': 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata: {name: w}\nspec:\n  templates:\n    - name: t\n      container:\n        image: x\n        securityContext: {privileged: true}\n',
    'OpenAPI document with a Pod example': 'openapi: 3.0.0\ninfo: {title: t, version: "1"}\ncomponents:\n  examples:\n    pod:\n      value:\n        apiVersion: v1\n        kind: Pod\n        spec: {hostPID: true}\n',
    'Swagger definitions of Pod': 'swagger: "2.0"\ndefinitions:\n  io.k8s.api.core.v1.Pod:\n    properties:\n      apiVersion: {type: string}\n      kind: {type: string}\n',
    'GitHub Actions job with a privileged container': 'name: ci\non: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    container:\n      image: node\n      options: --privileged\n    services:\n      db:\n        image: postgres\n',
    'Helm values.yaml': 'securityContext:\n  privileged: true\npodSecurityContext:\n  runAsUser: 0\nhostNetwork: true\n',
    'Helm Chart.yaml': 'apiVersion: v2\nname: mychart\nversion: 1.0.0\ntype: application\n',
    'a shell script': '#!/bin/sh\nset -eu\nkubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nEOF\n',
    'an INI file': '[section]\nkey = value\nprivileged = true\n',
    'a Markdown file with a YAML block': '# Title\n\n```yaml\napiVersion: v1\nkind: Pod\nspec: {hostPID: true}\n```\n',
    'a PNG header without NUL bytes': '\u0089PNG\r\n\u001a\n\u00ff\u00d8IHDR',
    'a Jinja template': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: {% if x %}a{% endif %}\nspec:\n  hostPID: true\n',
  };
  for (const [name, text] of Object.entries(FILES)) {
    test(`${name}: no findings of any rule, no failure`, () => {
      const run = analyse(text);
      assert.deepEqual(run.ruleErrors, []);
      assert.deepEqual(run.ids.filter((id) => id !== 'yamlSyntax'), []);
      if (name !== 'a Jinja template' && name !== 'a shell script' && name !== 'a Markdown file with a YAML block' && name !== 'an INI file') {
        assert.deepEqual(lintText(text, { policy }).findings.map((f) => f.ruleId), []);
      }
    });
  }
});

describe('sizes at the edges of the limits', () => {
  test('100,000 tiny documents: one fileTooLarge info at the 10,001st, and the incremental lint says the same', () => {
    const text = 'a: 1\n---\n'.repeat(100_000);
    const started = Date.now();
    const run = analyse(text);
    assert.deepEqual(run.ids, ['fileTooLarge']);
    assert.equal(run.findings[0].span.start, 10_000 * 9 - 4, 'at the `---` that opens document 10,001');
    assertIncrementalAgrees(text);
    assert.ok(Date.now() - started < 5_000, `${Date.now() - started} ms`);
  });

  test('a JSON Pod on one line of 4.9 MB (under the 5 MB limit) is analysed, the finding at its offset', () => {
    const text = `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","annotations":{"x":"${'y'.repeat(4_900_000)}"}},"spec":{"hostPID":true,"containers":[]}}`;
    const started = Date.now();
    const run = analyse(text, baseline);
    assert.deepEqual(located(text, run.findings), ['hostNamespaces "true"']);
    assert.equal(run.findings[0].span.start, text.lastIndexOf('true'));
    assert.ok(Date.now() - started < 5_000, `${Date.now() - started} ms`);
  });
});

describe('podsec check on odd arguments and inputs', () => {
  let dir: string;
  let cli: string;
  const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      securityContext:\n        privileged: true\n';

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podsec-unseen-'));
    cli = path.join(dir, 'cli.js');
    await esbuild.build({
      entryPoints: [path.resolve('server/src/cli/main.ts')], outfile: cli, bundle: true, platform: 'node', target: 'node20',
      format: 'cjs', logLevel: 'warning', define: { PODSEC_VERSION: '"test"' },
    });
    fs.mkdirSync(path.join(dir, 'in', 'loop'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'in', '-'), POD);
    fs.writeFileSync(path.join(dir, 'in', 'sp ace:colon.yaml'), POD);
    fs.symlinkSync('..', path.join(dir, 'in', 'loop', 'up'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  function run(args: string[], input?: string) {
    const r = spawnSync(process.execPath, [cli, 'check', '--no-config', '--level', 'baseline', ...args], {
      cwd: path.join(dir, 'in'), input: input ?? '', encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 30_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  test('`-` is standard input, `./-` the file named `-`', () => {
    const stdin = run(['-'], POD.replace('privileged: true', 'privileged: false'));
    assert.equal(stdin.code, 0, stdin.stderr);
    assert.equal(stdin.stdout, '');
    const file = run(['./-']);
    assert.equal(file.code, 1);
    assert.equal(file.stdout, './-:9:21: error privileged privileged (container "c" must not set securityContext.privileged=true)\n');
  });

  test('a CR-only manifest on standard input: the finding at the line and column a CR-aware editor shows', () => {
    const r = run(['-'], POD.replace(/\n/g, '\r'));
    assert.equal(r.code, 1);
    assert.equal(r.stdout, '<stdin>:9:21: error privileged privileged (container "c" must not set securityContext.privileged=true)\n');
  });

  test('a file name with a space and a colon is printed as it is', () => {
    const r = run(['sp ace:colon.yaml', '--format', 'json']);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as { findings: { file: string; ruleId: string }[] };
    assert.deepEqual(out.findings.map((f) => [f.file, f.ruleId]), [['sp ace:colon.yaml', 'privileged']]);
  });

  test('a folder holding a symbolic link to its parent: no endless walk, the real files checked once', () => {
    const r = run(['.']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /in 1 file\b/);
    assert.equal(r.stdout.split('\n').filter(Boolean).length, 1, r.stdout);
  });
});
