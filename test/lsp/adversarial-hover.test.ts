// textDocument/hover at every position of manifests the other hover tests do not open: CRLF with surrogate pairs,
// flow collections, JSON, anchors and merge keys, block scalars, CronJob templates, Lists, a document with a syntax
// error, a Helm template, invalid Namespace labels. Oracles: no error, the range lies in the document and covers the
// cursor, the Markdown has balanced code spans and fences; at chosen places, the exact token and rule. Four cases
// found bugs, since fixed: rules on look-alike keys, code spans that break, the wrong one of two labels, a config BOM.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent, Position, Range } from 'vscode-languageserver-protocol';
import { at, TestClient, tempWorkspace } from './client';

const CRLF_POD = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: "😀😀"   # two surrogate pairs before the comment',
  'spec:',
  '  containers:',
  '  - {name: "😀", image: "a:1", securityContext: {privileged: true}}',
  '  - name: b',
  '    image: a:1',
  '    securityContext:',
  '      capabilities:',
  '        add:',
  '        - SYS_ADMIN',
  '',
].join('\r\n');

const MIXED = `# a comment before everything
apiVersion: v1
kind: Namespace
metadata:
  name: team
  labels:
    pod-security.kubernetes.io/enforce: Restricted
    pod-security.kubernetes.io/warn-version: v1.030
    pod-security.kubernetes.io/bogus: x
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: cron
  namespace: team
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          hostPID: true
          containers:
          - name: app
            image: busybox:1
            securityContext: &sc
              privileged: true

          - name: side
            image: busybox:1
            securityContext: *sc
          - <<: {name: merged, image: "x:1"}
            securityContext:
              <<: *sc
              runAsUser: 0
            command: |
              echo privileged: true
---
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata: {name: p1}
  spec:
    containers: [{name: c, image: "a:1", securityContext: {privileged: true}}]
`;

const BROKEN_THEN_HELM = `apiVersion: v1
kind: Pod
metadata:
  name: broken
spec:
  containers:
  - name: a
    securityContext:
      privileged: true
   bad: [
---
apiVersion: v1
kind: Pod
metadata:
  name: {{ .Values.name }}
spec:
  hostPID: {{ .Values.hostPID }}
  containers:
  - name: a
    securityContext:
      privileged: true
`;

const JSON_POD = `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "j"},
 "spec": {"hostNetwork": true, "containers": [{"name": "c", "image": "a:1", "securityContext": {"privileged": true, "capabilities": {"add": ["SYS_ADMIN"]}}, "ports": [{"containerPort": 8080}]}]}}
`;

function lines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function markdown(h: Hover | null): string {
  assert.ok(h, 'a hover');
  const c = h.contents as MarkupContent;
  assert.equal(c.kind, 'markdown');
  return c.value;
}

/** The text a single-line range covers. */
function token(text: string, r: Range): string {
  assert.equal(r.start.line, r.end.line, `one line: ${at(r)}`);
  return lines(text)[r.start.line].slice(r.start.character, r.end.character);
}

/** Lines outside fenced blocks with an odd number of backticks, and empty code spans (which render as "``"). */
/**
 * Lines (outside fenced blocks) with a backtick run that opens a code span nothing closes (CommonMark: the next run of
 * the same length closes it; a backslash-escaped backtick is text), or with an empty span written as two backticks.
 */
function brokenCodeSpans(md: string): string[] {
  const outside = md.replace(/^(`{3,})[^\n]*\n[\s\S]*?\n\1$/gm, '');
  return outside.split('\n').filter((line) => {
    const runs = [...line.matchAll(/(?<!\\)`+/g)];
    for (let i = 0; i < runs.length; i++) {
      const close = runs.findIndex((r, j) => j > i && r[0].length === runs[i][0].length);
      if (close < 0) return true;
      if (runs[close].index === runs[i].index! + runs[i][0].length) return true;
      i = close;
    }
    return false;
  });
}

const notAfter = (a: Position, b: Position) => a.line < b.line || (a.line === b.line && a.character <= b.character);

describe('hover at every position of unusual manifests', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  async function open(name: string, text: string, languageId = 'yaml'): Promise<string> {
    const uri = client.uri(name);
    await client.open(uri, text, languageId);
    await client.forVersion(uri, 1);
    return uri;
  }

  /** Hovers at every character of every line, and 2 past each line's end; returns the hovers by `line:character`. */
  async function sweep(uri: string, text: string): Promise<Map<string, Hover>> {
    const ls = lines(text);
    const out = new Map<string, Hover>();
    const problems: string[] = [];
    for (let line = 0; line < ls.length; line++) {
      for (let character = 0; character <= ls[line].length + 2; character++) {
        const h = await client.hover(uri, line, character);
        if (!h) continue;
        out.set(`${line}:${character}`, h);
        const r = h.range!;
        const inside = (p: Position) => p.line < ls.length && p.character <= ls[p.line].length;
        const cursor = { line, character: Math.min(character, ls[line].length) };
        if (!inside(r.start) || !inside(r.end)) problems.push(`${line}:${character} range ${at(r)} outside the document`);
        if (!notAfter(r.start, cursor) || !notAfter(cursor, r.end)) problems.push(`${line}:${character} range ${at(r)} misses the cursor`);
        const md = markdown(h);
        if ((md.match(/```/g) ?? []).length % 2) problems.push(`${line}:${character} unbalanced fence`);
        for (const l of brokenCodeSpans(md)) problems.push(`${line}:${character} broken code span: ${l}`);
      }
    }
    assert.deepEqual([...new Set(problems)], []);
    return out;
  }

  test('CRLF with surrogate pairs: every range in the document and on the cursor; tokens at UTF-16 columns', async () => {
    const uri = await open('crlf.yaml', CRLF_POD);
    const hovers = await sweep(uri, CRLF_POD);
    const trueAt = lines(CRLF_POD)[6].indexOf('true');
    const onTrue = hovers.get(`6:${trueAt}`)!;
    assert.equal(token(CRLF_POD, onTrue.range!), 'true');
    assert.match(markdown(onTrue), /^\*\*Privileged containers\*\* · Pod Security \*baseline\* check `privileged`/);
    assert.match(markdown(onTrue), /✗ enforce `baseline:latest`: the API server rejects this Pod — privileged \(container "😀" must not set securityContext\.privileged=true\)/);
    const sysAdmin = hovers.get(`12:${lines(CRLF_POD)[12].indexOf('SYS_ADMIN')}`)!;
    assert.equal(token(CRLF_POD, sysAdmin.range!), 'SYS_ADMIN');
    assert.match(markdown(sysAdmin), /check `capabilities_baseline`/);
    assert.match(markdown(hovers.get('1:6')!), /^\*\*This Pod\*\* `😀😀` in namespace `default`/);
    // Punctuation, the `-` of a list item, the comment: nothing. Past the end of a line: the last token.
    assert.equal(hovers.get('6:2'), undefined);
    assert.equal(hovers.get(`3:${lines(CRLF_POD)[3].indexOf('#') + 2}`), undefined);
    const pastEnd = hovers.get(`12:${lines(CRLF_POD)[12].length + 2}`)!;
    assert.equal(token(CRLF_POD, pastEnd.range!), 'SYS_ADMIN');
  });

  test('Namespace labels, a CronJob template with anchors and merge keys, a List: ranges and rules', async () => {
    const uri = await open('mixed.yaml', MIXED);
    const hovers = await sweep(uri, MIXED);
    const ls = lines(MIXED);
    const find = (needle: string, occurrence = 0) => {
      let seen = 0;
      for (let l = 0; l < ls.length; l++) {
        const c = ls[l].indexOf(needle);
        if (c >= 0 && seen++ === occurrence) return hovers.get(`${l}:${c}`);
      }
      throw new Error(`${needle} #${occurrence} not found`);
    };
    const restricted = find('Restricted')!;
    assert.equal(token(MIXED, restricted.range!), 'Restricted');
    const md = markdown(restricted);
    assert.match(md, /^\*\*`pod-security\.kubernetes\.io\/enforce`\*\* · Pod Security admission mode \*enforce\*, level/);
    assert.match(md, /✗ `Restricted` is invalid: must be one of privileged, baseline, restricted; the controller uses `restricted` \(fails closed\)/);
    assert.match(md, /\*\*Valid Pod Security labels\*\* · Pod Security Admission check `namespaceLabels` · default severity \*error\*/);
    assert.match(md, /- ✗ metadata\.labels\[pod-security\.kubernetes\.io\/enforce\]: Invalid value: "Restricted": must be one of privileged, baseline, restricted/);
    assert.match(markdown(find('v1.030')!), /✗ `v1\.030` is invalid: must be "latest" or "v1\.x"; the controller uses `latest`/);
    assert.match(markdown(find('pod-security.kubernetes.io/bogus')!), /^\*\*`pod-security\.kubernetes\.io\/bogus`\*\* is not a Pod Security label/);
    // The Namespace's kind lists what is wrong with its labels.
    assert.match(markdown(find('Namespace')!), /- ✗ pod-security\.kubernetes\.io\/enforce: must be one of privileged, baseline, restricted\n- ✗ pod-security\.kubernetes\.io\/warn-version: must be "latest" or "v1\.x"$/);
    // The CronJob lives in that namespace (enforce fails closed to restricted) and its template is the pod.
    const cron = markdown(find('CronJob')!);
    assert.match(cron, /^\*\*This CronJob\*\* `cron` in namespace `team` \(labels of its Namespace manifest\)/);
    assert.match(cron, /\*\*enforce \+ warn\*\* \(its Pods would be rejected\):/);
    const alias = find('*sc')!;
    assert.equal(token(MIXED, alias.range!), '*sc');
    assert.match(markdown(alias), /check `privileged`/);
    const merged = find('runAsUser')!;
    assert.match(markdown(merged), /^\*\*Running as UID 0\*\* · Pod Security \*restricted\* check `runAsUser`/);
    // Text inside a block scalar is a string, not a field.
    assert.equal(find('echo privileged'), undefined);
    // The blank line inside the container list and the `---` lines: nothing.
    for (let l = 0; l < ls.length; l++) if (ls[l] === '' || ls[l] === '---') assert.equal(hovers.get(`${l}:0`), undefined, `line ${l}`);
    // In a List, the item is the object.
    assert.match(markdown(find('kind: Pod')!), /^\*\*This Pod\*\* `p1` in namespace `default`/);
  });

  test('a document with a syntax error answers nothing; the Helm template after it still answers', async () => {
    const uri = await open('broken.yaml', BROKEN_THEN_HELM);
    const hovers = await sweep(uri, BROKEN_THEN_HELM);
    const ls = lines(BROKEN_THEN_HELM);
    const separator = ls.indexOf('---');
    assert.deepEqual([...hovers.keys()].filter((k) => Number(k.split(':')[0]) < separator), []);
    const privileged = hovers.get(`${ls.lastIndexOf('      privileged: true')}:18`)!;
    assert.match(markdown(privileged), /✗ enforce `baseline:latest`: the API server rejects this Pod — privileged \(container "a" must not set securityContext\.privileged=true\)/);
    assert.match(markdown(hovers.get(`${separator + 2}:6`)!), /^\*\*This Pod\*\* in namespace `default`/, 'a templated name is no name');
  });

  test('JSON: keys are hovered with their quotes, values without', async () => {
    const uri = await open('pod.json', JSON_POD, 'json');
    const hovers = await sweep(uri, JSON_POD);
    const line = lines(JSON_POD)[1];
    const key = hovers.get(`1:${line.indexOf('"hostNetwork"')}`)!;
    assert.equal(token(JSON_POD, key.range!), '"hostNetwork"');
    assert.match(markdown(key), /check `hostNamespaces`/);
    const port = hovers.get(`1:${line.indexOf('8080')}`)!;
    assert.equal(token(JSON_POD, port.range!), '8080');
    assert.match(markdown(port), /check `hostPorts`/);
    assert.equal(hovers.get('0:0'), undefined, 'the opening brace');
  });
});

describe('hover bugs', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(() => client.stop());

  async function hoverOn(name: string, text: string, needle: string, occurrence = 0): Promise<{ hover: Hover | null; text: string }> {
    const uri = client.uri(name);
    await client.open(uri, text);
    await client.forVersion(uri, 1);
    let i = -1;
    for (let n = 0; n <= occurrence; n++) i = text.indexOf(needle, i + 1);
    assert.ok(i >= 0, needle);
    const head = text.slice(0, i);
    const line = head.split('\n').length - 1;
    return { hover: await client.hover(uri, line, i - (head.lastIndexOf('\n') + 1)), text };
  }

  const POD_WITH_LOOKALIKES = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    metadata:
      labels: {hostPID: "x", privileged: "true"}
    spec:
      nodeSelector: {hostNetwork: "true"}
      containers:
      - name: a
        image: a:1
        resources:
          limits: {hostPort: "1"}
`;

  test('label, nodeSelector and resource keys that share a name with a pod field get no Pod Security rule', async () => {
    for (const needle of ['hostPID', 'privileged', 'hostNetwork', 'hostPort']) {
      const { hover } = await hoverOn('lookalikes.yaml', POD_WITH_LOOKALIKES, needle);
      assert.doesNotMatch(hover ? markdown(hover) : '', /Pod Security \*(baseline|restricted)\* check/, needle);
    }
  });

  test('a label value that is empty or holds a backtick is shown in a code span that renders', async () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ns\n  labels:\n    pod-security.kubernetes.io/enforce: ""\n    pod-security.kubernetes.io/audit: "a`b"\n';
    for (const needle of ['""', '"a`b"']) {
      const { hover } = await hoverOn('label-values.yaml', text, needle);
      assert.deepEqual(brokenCodeSpans(markdown(hover)), [], needle);
    }
  });

  test('on a repeated label, hover judges the value under the cursor', async () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: dup\n  labels:\n    pod-security.kubernetes.io/enforce: Baseline\n    pod-security.kubernetes.io/enforce: restricted\n';
    const { hover } = await hoverOn('dup-labels.yaml', text, 'Baseline');
    const md = markdown(hover);
    assert.doesNotMatch(md, /✓ `restricted` is valid/);
    assert.match(md, /`Baseline`/);
  });
});

describe('.podsec.yaml diagnostics', () => {
  test('a config file with a byte order mark: the problem sits on the key, at the column the editor shows', async () => {
    const root = tempWorkspace({ 'pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: a, image: "a:1"}]\n' });
    fs.writeFileSync(path.join(root, '.podsec.yaml'), '\ufeffrulez: {}\n');
    const client = await TestClient.start({ root });
    try {
      const uri = client.uri('pod.yaml');
      await client.open(uri, fs.readFileSync(path.join(root, 'pod.yaml'), 'utf8'));
      await client.forVersion(uri, 1);
      const config = pathToFileURL(path.join(root, '.podsec.yaml')).href;
      const published = await client.diagnostics(config, (p) => p.diagnostics.length > 0);
      assert.deepEqual(published.diagnostics.map((d) => [at(d.range), d.message]), [['0:0-0:5', 'Unknown key "rulez" (did you mean "rules"?)']]);
    } finally {
      await client.stop();
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
