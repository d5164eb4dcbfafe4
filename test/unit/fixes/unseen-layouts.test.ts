/**
 * Fixes on layouts the other fix tests do not generate: flow collections at the edited place, JSON (one line, tabs,
 * CRLF, streams of objects), comments on every line, odd line breaks (lone CR, NEL, LS), BOMs, `...` ends,
 * 1- and 3-space indentation, quoted and explicit keys, anchors, block scalars, empty values, Lists, templates.
 * Every offered fix, every suppression comment and fix-all is checked by the oracles of unseen-oracles.ts; a
 * representative subset pins the exact text. The NEL/LS, BOM and tab-indented JSON cases each found a bug, since
 * fixed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { applyEdits, disableDocumentFix, disableLineFix, fixAll, fixesFor, lintText } from '../../../server/src/engine';
import type { Level } from '../../../server/src/engine';
import { applyFix, crlf, findings, offered } from './fix-helpers';
import { audit, checkWholeFileChange, describe, jsonValues, lintAt } from './unseen-oracles';

const HEAD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n';
const PRIVILEGED = `${HEAD}  containers:\n    - name: app\n      image: nginx\n      securityContext:\n        privileged: true\n`;
const json = (o: unknown, indent?: number | string) => `${JSON.stringify(o, null, indent)}\n`;
const podJson = (spec: unknown, name = 'p') => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec });

/** Inputs on which every fix, suppression and fix-all must pass every oracle, at restricted and baseline. */
const SWEEP: Record<string, string> = {
  'flow securityContext': `${HEAD}  containers:\n    - name: app\n      image: nginx\n      securityContext: {privileged: true}\n`,
  'flow containers list': `${HEAD}  containers: [{name: a, image: b, securityContext: {privileged: true}}]\n`,
  'flow containers over lines': `${HEAD}  containers: [\n    {name: a, image: b},\n    {\n      name: c,\n      image: d\n    }\n  ]\n`,
  'flow spec': 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: a, image: b}], hostNetwork: true}\n',
  'flow map with a trailing comma': `${HEAD}  containers:\n  - name: app\n    image: nginx\n    securityContext: {privileged: true,}\n`,
  'flow map with a comment inside': `${HEAD}  containers:\n  - name: app\n    image: nginx\n    securityContext: {\n      privileged: true # on\n    }\n`,
  'empty flow map with a comment inside': `${HEAD}  containers:\n  - name: app\n    image: nginx\n    securityContext: { # nothing yet\n    }\n`,
  'document on the --- line': '--- {apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: a, image: b}]}}\n',
  'JSON on one line': json(podJson({ hostNetwork: true, containers: [{ name: 'a', image: 'b', securityContext: { privileged: true } }] })),
  'JSON on one line without a final line break': JSON.stringify(podJson({ containers: [{ name: 'a', image: 'b' }] })),
  'JSON with CRLF': json(podJson({ containers: [{ name: 'a', image: 'b', ports: [{ containerPort: 80, hostPort: 80 }] }] }), 2).replace(/\n/g, '\r\n'),
  'JSON stream, one object a line': json(podJson({ containers: [{ name: 'a', image: 'b' }] })) + json(podJson({ hostPID: true, containers: [{ name: 'c', image: 'd' }] }, 'q')),
  'JSON stream, pretty': json(podJson({ containers: [{ name: 'a', image: 'b' }] }), 2) + json(podJson({ hostPID: true, containers: [{ name: 'c', image: 'd' }] }, 'q'), 2),
  'JSON stream without separators': JSON.stringify(podJson({ containers: [{ name: 'a', image: 'b' }] })) + JSON.stringify(podJson({ containers: [{ name: 'c', image: 'd' }] }, 'q')),
  'JSON with a BOM': `\uFEFF${json(podJson({ containers: [{ name: 'a', image: 'b' }] }), 2)}`,
  'JSON with empty and null objects': json(podJson({ securityContext: {}, containers: [{ name: 'a', image: 'b', securityContext: null, resources: {} }] }), 2),
  'JSON List, 4 spaces': json({ apiVersion: 'v1', kind: 'List', items: [podJson({ hostIPC: true, containers: [{ name: 'a', image: 'b', securityContext: { capabilities: { add: ['SYS_ADMIN', 'NET_BIND_SERVICE'] } } }] })] }, 4),
  'JSON then a YAML document': `{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "c"}}\n---\n${PRIVILEGED}`,
  'comments on every line and between keys': `# head\napiVersion: v1 # a\nkind: Pod # k\nmetadata: # m\n  # before name\n  name: p # n\nspec: # s\n  # before containers\n  containers: # c\n    # before item\n    - name: app # name\n      # between\n      image: nginx # img\n      # before sc\n      securityContext: # sc\n        # inside sc\n        privileged: true # priv\n        # after priv\n      # after sc\n  # end spec\n# end\n`,
  'comments deeper and shallower after the last key': `${HEAD}  containers:\n    - name: app\n      image: nginx\n      securityContext:\n        privileged: true\n          # deeper\n  # shallower\n`,
  'blank lines with trailing spaces': PRIVILEGED.replace('  containers:\n', '  \n  containers:  \n      \n') + '   \n',
  'tabs after values': PRIVILEGED.replace('privileged: true', 'privileged: true\t').replace('image: nginx', 'image: nginx\t\t# x'),
  'CRLF with trailing spaces and tabs': `${HEAD}  containers:  \n  - name: app  \n    image: nginx\t\n    securityContext:  \n      privileged: true  \n`.replace(/\n/g, '\r\n'),
  'mixed line ends': PRIVILEGED.replace('metadata:\n', 'metadata:\r\n').replace('privileged: true\n', 'privileged: true\r\n'),
  'lone CR line ends': PRIVILEGED.replace(/\n/g, '\r'),
  'lone CR among LF': `${HEAD}  containers:\n  - name: app\r    image: nginx\n    securityContext:\r      privileged: true\n`,
  'one NEL in the file': PRIVILEGED.replace('image: nginx\n', 'image: nginx\u0085'),
  'NEL and LS after comments': PRIVILEGED.replace('privileged: true\n', 'privileged: true # x\u2028').replace('image: nginx\n', 'image: nginx # y\u0085'),
  'NEL after the edited value': `${HEAD}  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      privileged: true\u0085    resources: {}\n`,
  'documents with comments and ... ends': `# first\n---\n${PRIVILEGED}--- # second doc\n# c\n${PRIVILEGED.replace('name: p', 'name: q')}...\n# trailing\n`,
  '... without a final line break': `${HEAD}  containers:\n  - name: app\n    image: nginx\n...`,
  'empty documents around': `---\n---\n${HEAD}  containers:\n  - name: app\n    image: nginx\n---\n`,
  '%YAML directive': `%YAML 1.1\n---\n${HEAD}  containers:\n  - name: app\n    image: nginx\n`,
  '4 spaces': 'apiVersion: v1\nkind: Pod\nmetadata:\n    name: p\nspec:\n    containers:\n        - name: app\n          image: nginx\n          securityContext:\n              privileged: true\n',
  '1 space': 'apiVersion: v1\nkind: Pod\nmetadata:\n name: p\nspec:\n containers:\n - name: app\n   image: nginx\n   securityContext:\n    privileged: true\n',
  '3 spaces, 2 after the dash': 'apiVersion: v1\nkind: Pod\nmetadata:\n   name: p\nspec:\n   containers:\n   -  name: app\n      image: nginx\n      securityContext:\n         privileged: true\n',
  'a map indented deeper than the file': `${HEAD}  containers:\n  - name: app\n    image: nginx\n    securityContext:\n              privileged: true\n`,
  'dash on its own line or with a comment': `${HEAD}  containers:\n    -\n      name: app\n      image: nginx\n    - # the other\n      name: b\n      image: nginx\n`,
  'quoted keys': `"apiVersion": "v1"\n'kind': 'Pod'\n"metadata":\n  "name": "p"\n"spec":\n  "containers":\n    - "name": "app"\n      "image": "nginx"\n      'securityContext':\n        'privileged': true\n`,
  'explicit keys': `${HEAD}  ? containers\n  : - name: a\n      image: n\n      ? securityContext\n      : privileged: true\n`,
  'space before colons': `${HEAD}  containers:\n    - name: app\n      image: nginx\n      securityContext :\n        privileged   : true\n`,
  'block scalars before and after': `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  annotations:\n    note: |\n      multi\n      line\nspec:\n  containers:\n    - name: a\n      image: n\n      command:\n        - >-\n          echo hi\n\n      securityContext:\n        privileged: true\n      args:\n        - |-\n          echo\n\n          more\n`,
  'block scalar last, no final line break': `${HEAD}  containers:\n  - name: app\n    image: nginx\n    args:\n    - |\n      x`,
  'plain and quoted scalars over lines': `${HEAD}  containers:\n  - name: app\n    image: nginx\n    command: echo\n      hello\n    args: ["a\n      b"]\n`,
  'empty, null, ~ and {} values': `${HEAD}  securityContext: # pod\n  containers:\n    - name: a\n      image: n\n      securityContext:    # none\n    - name: b\n      image: n\n      securityContext: ~\n    - name: c\n      image: n\n      securityContext: {} # e\n      resources: {}\n`,
  'YAML 1.1 booleans': `${HEAD}  hostNetwork: yes\n  hostPID: On\n  hostIPC: "true"\n  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      privileged: True\n      allowPrivilegeEscalation: y\n`,
  'anchors, aliases and merge keys': `${HEAD}  containers:\n    - name: a\n      image: n\n      securityContext: &sc\n        privileged: true\n    - name: b\n      image: n\n      securityContext:\n        <<: *sc\n        runAsUser: 0\n    - name: c\n      image: n\n      securityContext: *sc\n`,
  'an aliased container': `${HEAD}  initContainers:\n    - &c\n      name: a\n      image: n\n  containers:\n    - *c\n`,
  'an aliased scalar': `x: &t true\n---\n${HEAD}  hostNetwork: &h true\n  hostPID: *h\n  containers:\n    - name: a\n      image: n\n`,
  'duplicate keys': `${HEAD}  securityContext:\n    runAsUser: 0\n  securityContext:\n    runAsUser: 1\n  containers:\n    - name: a\n      image: n\n      securityContext:\n        privileged: true\n      securityContext:\n        privileged: false\n`,
  'tagged values': `--- !!map\n${HEAD}  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      privileged: !!bool true\n`,
  'a very long line': PRIVILEGED.replace('image: nginx', `image: ${'x'.repeat(5000)}`),
  'last line without a line break, with a comment': `${PRIVILEGED.trimEnd()} # last`,
  'CRLF, last line without a line break': crlf(PRIVILEGED).trimEnd(),
  'a List': 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: p\n  spec:\n    containers:\n    - name: a\n      image: n\n      securityContext:\n        privileged: true\n- apiVersion: apps/v1\n  kind: Deployment\n  metadata:\n    name: d\n  spec:\n    template:\n      spec:\n        hostIPC: true\n        containers:\n        - name: b\n          image: n\n',
  'a List in flow style': 'apiVersion: v1\nkind: List\nitems: [{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: a, image: b}]}}]\n',
  'a CronJob in flow style': 'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec: {schedule: "@daily", jobTemplate: {spec: {template: {spec: {restartPolicy: Never, containers: [{name: a, image: b}]}}}}}\n',
  'a Job with empty template metadata': 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: j\nspec:\n  template:\n    metadata: {}\n    spec:\n      containers:\n      - name: a\n        image: b\n      restartPolicy: Never\n',
  'a DaemonSet with host access in flow style': 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: ds\nspec:\n  template:\n    metadata:\n      annotations:\n        container.apparmor.security.beta.kubernetes.io/a: unconfined\n    spec:\n      hostNetwork: true\n      hostPID: true\n      volumes:\n      - name: root\n        hostPath: {path: /}\n      containers:\n      - name: a\n        image: b\n        ports: [{containerPort: 9100, hostPort: 9100}]\n        volumeMounts: [{name: root, mountPath: /host}]\n',
  'init, ephemeral and several containers': `${HEAD}  initContainers:\n    - name: i\n      image: n\n      securityContext:\n        capabilities:\n          add: [SYS_ADMIN, NET_RAW]\n  containers:\n    - name: a\n      image: n\n    - name: b\n      image: n\n      securityContext:\n        capabilities:\n          add:\n            - NET_ADMIN\n          drop: [NET_RAW]\n  ephemeralContainers:\n    - name: e\n      image: n\n      securityContext:\n        procMount: Unmasked\n`,
  'capabilities quoted, over lines, empty': `${HEAD}  containers:\n  - name: a\n    image: nginx\n    securityContext:\n      capabilities:\n        add: ["SYS_ADMIN", 'NET_RAW']\n        drop: ['all']\n  - name: b\n    image: nginx\n    securityContext:\n      capabilities: {drop: []}\n  - name: c\n    image: nginx\n    securityContext:\n      capabilities:\n        drop:\n`,
  'a Windows pod': `${HEAD}  os: {name: windows}\n  securityContext: {windowsOptions: {hostProcess: true}}\n  hostNetwork: true\n  containers:\n  - name: app\n    image: nginx\n`,
  'hostProcess without os': `${HEAD}  securityContext:\n    windowsOptions: {hostProcess: true}\n  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      windowsOptions:\n        hostProcess: true\n`,
  'seccomp, AppArmor and runAsUser values': `${HEAD}  securityContext:\n    runAsUser: 0\n    runAsNonRoot: false\n    seccompProfile:\n      type: Localhost\n    appArmorProfile: {type: Unconfined}\n  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      runAsUser: 00\n      runAsNonRoot: false # explicit\n      seccompProfile: {type: Unconfined}\n`,
  'sysctls in flow style': `${HEAD}  securityContext:\n    sysctls: [{name: kernel.msgmax, value: "1"}, {name: kernel.shm_rmid_forced, value: "0"}]\n  containers:\n  - name: app\n    image: nginx\n`,
  'a Helm document next to a plain one': `{{- if .Values.enabled }}\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ .Release.Name }}\n{{- end }}\n---\n${PRIVILEGED}`,
  'a Helm value at the edited place': `${HEAD}  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      privileged: {{ .Values.privileged }}\n      runAsUser: 0\n`,
  'non-ASCII text': `${HEAD}  containers:\n  - name: "приложение"\n    image: nginx # 😀 emoji\n    securityContext: {privileged: true} # 日本\n`,
};

for (const level of ['restricted', 'baseline'] as Level[]) {
  test(`oracle sweep at ${level}: every fix, suppression and fix-all on ${Object.keys(SWEEP).length} unseen layouts`, () => {
    const failures: string[] = [];
    let applied = 0;
    for (const [name, text] of Object.entries(SWEEP)) {
      const result = audit(text, level);
      applied += result.applied.length;
      if (result.problems.length) failures.push(`${name}:\n${describe(result.problems.slice(0, 3))}`);
    }
    assert.deepEqual(failures, []);
    assert.ok(applied > 500, `only ${applied} fixes were applied`);
  });
}

// --- Exact results (applyFix also checks: it parses, the finding is gone, nothing new) ---------------------------

test('flow securityContext: the scalar is replaced in place, a key is added inside the braces', () => {
  const input = SWEEP['flow securityContext'];
  assert.equal(applyFix(input, 'privileged', { level: 'baseline' }).output, input.replace('{privileged: true}', '{privileged: false}'));
  assert.equal(applyFix(input, 'allowPrivilegeEscalation').output, input.replace('{privileged: true}', '{privileged: true, allowPrivilegeEscalation: false}'));
});

test('a flow map with a trailing comma keeps it last', () => {
  const input = SWEEP['flow map with a trailing comma'];
  assert.equal(applyFix(input, 'allowPrivilegeEscalation').output, input.replace('{privileged: true,}', '{privileged: true, allowPrivilegeEscalation: false,}'));
});

test('a flow spec: the pod securityContext is added as the spec\'s last entry', () => {
  const input = SWEEP['flow spec'];
  assert.equal(applyFix(input, 'runAsNonRoot').output, input.replace('hostNetwork: true}', 'hostNetwork: true, securityContext: {runAsNonRoot: true}}'));
});

test('explicit keys: a key is added to the map after `: `, at its column', () => {
  const input = SWEEP['explicit keys'];
  assert.equal(applyFix(input, 'allowPrivilegeEscalation').output, `${input}        allowPrivilegeEscalation: false\n`);
});

test('1-space and 3-space files: new lines follow the file\'s steps', () => {
  const one = SWEEP['1 space'];
  assert.equal(applyFix(one, 'runAsNonRoot').output, `${one} securityContext:\n  runAsNonRoot: true\n`);
  const three = SWEEP['3 spaces, 2 after the dash'];
  assert.equal(applyFix(three, 'capabilities_restricted').output, `${three}         capabilities:\n            drop:\n            - ALL\n`);
});

test('lone CR line ends: inserted lines end with CR', () => {
  const input = SWEEP['lone CR line ends'];
  assert.equal(applyFix(input, 'allowPrivilegeEscalation').output, `${input}        allowPrivilegeEscalation: false\r`);
});

test('CRLF without a final line break: the new line goes before nothing and gets no line break of its own', () => {
  const input = SWEEP['CRLF, last line without a line break'];
  assert.equal(applyFix(input, 'allowPrivilegeEscalation').output, `${input}\r\n        allowPrivilegeEscalation: false`);
});

test('a trailing comment on the edited line stays after the new value', () => {
  const input = PRIVILEGED.replace('privileged: true', 'privileged: true   # dangerous');
  assert.equal(applyFix(input, 'privileged', { level: 'baseline' }).output, input.replace('true   #', 'false   #'));
});

test('empty values: `key:` with a comment gets lines under it; `{}` with a comment is filled in place', () => {
  const input = SWEEP['empty, null, ~ and {} values'];
  assert.equal(applyFix(input, 'runAsNonRoot').output, input.replace('  securityContext: # pod\n', '  securityContext: # pod\n    runAsNonRoot: true\n'));
  assert.equal(applyFix(input, 'allowPrivilegeEscalation', { index: 0 }).output, input.replace('securityContext:    # none\n', 'securityContext:    # none\n        allowPrivilegeEscalation: false\n'));
  assert.equal(applyFix(input, 'allowPrivilegeEscalation', { index: 2 }).output, input.replace('securityContext: {} # e', 'securityContext: {allowPrivilegeEscalation: false} # e'));
});

test('JSON stream: the fix edits the second object only and every object stays JSON', () => {
  const input = SWEEP['JSON stream, one object a line'];
  const { output } = applyFix(input, 'hostNamespaces', { level: 'baseline' });
  assert.equal(output, input.replace('"hostPID":true', '"hostPID":false'));
  const second = applyFix(input, 'allowPrivilegeEscalation', { index: 1 }).output;
  assert.equal(second, input.replace('{"name":"c","image":"d"}', '{"name":"c","image":"d", "securityContext": {"allowPrivilegeEscalation": false}}'));
  assert.equal(jsonValues(second)?.length, 2);
});

test('JSON stream with CRLF: a pretty object is written with CRLF', () => {
  const input = `{\r\n  "apiVersion": "v1",\r\n  "kind": "Pod",\r\n  "metadata": {"name": "p"},\r\n  "spec": {\r\n    "containers": [\r\n      {"name": "c", "image": "d"}\r\n    ]\r\n  }\r\n}\r\n${SWEEP['JSON on one line']}`;
  const { output } = applyFix(input, 'seccompProfile_restricted');
  assert.equal(output, input.replace('    ]\r\n  }', '    ],\r\n    "securityContext": {\r\n      "seccompProfile": {\r\n        "type": "RuntimeDefault"\r\n      }\r\n    }\r\n  }'));
  assert.equal(jsonValues(output)?.length, 2);
});

test('a BOM at the start stays there through a rule fix and fix-all', () => {
  const input = `\uFEFF${PRIVILEGED}`;
  assert.equal(applyFix(input, 'privileged', { level: 'baseline' }).output, `\uFEFF${PRIVILEGED.replace('true', 'false')}`);
  assert.ok(fixAll(input, { lint: lintAt('restricted') }).text.startsWith('\uFEFFapiVersion'));
});

test('`...` and `---` with comments: the fix lands in its own document', () => {
  const input = SWEEP['documents with comments and ... ends'];
  const { output } = applyFix(input, 'allowPrivilegeEscalation', { index: 1 });
  assert.equal(output, input.replace('privileged: true\n...', 'privileged: true\n        allowPrivilegeEscalation: false\n...'));
});

test('a value right before a NEL is replaced without touching the next line', () => {
  const input = SWEEP['NEL after the edited value'];
  assert.equal(applyFix(input, 'privileged', { level: 'baseline' }).output, input.replace('privileged: true\u0085', 'privileged: false\u0085'));
});

test('aliases: no fix is offered for a value reached through an alias or a merge key', () => {
  const input = SWEEP['anchors, aliases and merge keys'];
  for (const index of [1, 2]) assert.deepEqual(offered(input, 'privileged', { level: 'baseline', index }).fixes, [], `privileged #${index}`);
  const container = SWEEP['an aliased container'];
  assert.deepEqual(offered(container, 'allowPrivilegeEscalation', { index: 1 }).fixes, []);
  const scalar = SWEEP['an aliased scalar'];
  assert.deepEqual(offered(scalar, 'hostNamespaces', { level: 'baseline', index: 1 }).fixes, []);
});

test('duplicate keys: the last one (the one that counts) is fixed; a tagged value gets no fix', () => {
  const input = `${HEAD}  containers:\n    - name: a\n      image: n\n      securityContext:\n        privileged: true\n      securityContext:\n        privileged: true # wins\n`;
  assert.equal(applyFix(input, 'privileged', { level: 'baseline' }).output, input.replace('true # wins', 'false # wins'));
  assert.deepEqual(offered(SWEEP['tagged values'], 'privileged', { level: 'baseline' }).fixes, []);
});

test('a Helm value at the edited place: the other finding of that map is still fixed', () => {
  const input = SWEEP['a Helm value at the edited place'];
  assert.equal(applyFix(input, 'runAsUser', { title: 'runAsUser' }).output, input.replace('runAsUser: 0', 'runAsUser: 1000'));
});

// --- podsec fix on files ---------------------------------------------------------------------------------------

const CLI = path.resolve('dist/cli.js');

function cliFix(name: string, content: string | Buffer, args: string[] = []): Buffer {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podsec-unseen-'));
  try {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    const r = spawnSync(process.execPath, [CLI, 'fix', '--no-config', ...args, file], { encoding: 'utf8' });
    assert.ok(r.status === 0 || r.status === 1, `exit ${r.status}: ${r.stderr}`);
    const once = fs.readFileSync(file);
    spawnSync(process.execPath, [CLI, 'fix', '--no-config', ...args, file], { encoding: 'utf8' });
    assert.deepEqual(fs.readFileSync(file), once, 'a second podsec fix changed the file');
    return once;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('podsec fix keeps a BOM, CRLF and JSON, and a second run changes nothing', { skip: !fs.existsSync(CLI) && 'run npm run build first' }, () => {
  const yaml = crlf(PRIVILEGED);
  const out = cliFix('pod.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(yaml)]));
  assert.deepEqual([...out.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = out.subarray(3).toString('utf8');
  assert.ok(!/[^\r]\n/.test(text), 'a line ends without CR');
  assert.deepEqual(checkWholeFileChange(yaml, text, 'restricted', 'cli'), []);
  const stream = SWEEP['JSON stream, pretty'];
  const fixed = cliFix('pods.json', stream, ['--level', 'restricted']).toString('utf8');
  assert.equal(jsonValues(fixed)?.length, 2);
  assert.deepEqual(checkWholeFileChange(stream, fixed, 'restricted', 'cli'), []);
});

// --- Bugs ------------------------------------------------------------------------------------------------------

/** The fixed text of the first fix of the rule's n-th finding. */
function fixed(text: string, ruleId: string, level: Level, index = 0): string {
  const { parsed, findings: all } = lintText(text, lintAt(level));
  const finding = all.filter((f) => f.ruleId === ruleId)[index];
  assert.ok(finding, `no ${ruleId} finding`);
  const fix = fixesFor(finding, parsed)[0];
  return fix ? applyEdits(text, fix.edits) : text;
}

const PORTS = `${HEAD}  containers:\n    - name: app\n      image: nginx\n      ports:\n        - containerPort: 80\n`;

test('NEL ending the removed line: removing hostPort keeps the entry on the next line', () => {
  const input = `${PORTS}          hostPort: 80\u0085          protocol: TCP\n`;
  // Either the NEL line goes with the entry or the fix is refused; `protocol` must stay.
  const output = fixed(input, 'hostPorts', 'baseline');
  assert.match(output, /protocol: TCP/);
  assert.match(fixAll(input, { lint: lintAt('baseline') }).text, /protocol: TCP/);
});

test('NEL between sysctls: removing the unsafe one keeps the list and the safe one', () => {
  const input = `${HEAD}  securityContext:\n    sysctls:\n    - name: kernel.msgmax\n      value: "1"\u0085    - name: kernel.shm_rmid_forced\n      value: "0"\n  containers:\n  - name: app\n    image: nginx\n`;
  const output = fixed(input, 'sysctls', 'baseline');
  const spec = lintText(output, lintAt('baseline')).parsed.documents[0].doc.toJS().spec;
  assert.deepEqual(spec.securityContext.sysctls, [{ name: 'kernel.shm_rmid_forced', value: '0' }]);
});

test('NEL between capabilities: removing SYS_ADMIN keeps NET_BIND_SERVICE', () => {
  const input = `${HEAD}  containers:\n  - name: app\n    image: nginx\n    securityContext:\n      capabilities:\n        add:\n        - SYS_ADMIN\u0085        - NET_BIND_SERVICE\n`;
  const spec = lintText(fixed(input, 'capabilities_baseline', 'baseline'), lintAt('baseline')).parsed.documents[0].doc.toJS().spec;
  assert.deepEqual(spec.containers[0].securityContext.capabilities.add, ['NET_BIND_SERVICE']);
});

test('LS after a comment: "Disable for this line" suppresses the finding on the line after the LS', () => {
  const input = `${HEAD}  containers:\n  - name: app\n    image: nginx\n    # note\u2028    securityContext: {privileged: true}\n`;
  const { parsed, findings: all } = lintText(input, lintAt('baseline'));
  const finding = all.find((f) => f.ruleId === 'privileged')!;
  const output = applyEdits(input, disableLineFix(finding, parsed)!.edits);
  assert.deepEqual(findings(output, 'baseline').filter((f) => f.ruleId === 'privileged' || f.ruleId === 'unusedDirective'), []);
});

test('a BOM after ---: "Disable for this document" keeps the document readable', () => {
  const second = `${HEAD}  hostPID: true\n  containers:\n  - name: b\n    image: nginx\n`;
  const input = `${PRIVILEGED}---\n\uFEFF${second}`;
  const { parsed, findings: all } = lintText(input, lintAt('baseline'));
  const finding = all.find((f) => f.ruleId === 'hostNamespaces')!;
  const output = applyEdits(input, disableDocumentFix(finding, parsed)!.edits);
  const after = findings(output, 'baseline');
  assert.deepEqual(after.filter((f) => f.ruleId === 'hostNamespaces' || f.ruleId === 'unusedDirective'), []);
  assert.equal(after.filter((f) => f.documentIndex === 1).length, all.filter((f) => f.documentIndex === 1).length - 1);
});

test('a BOM at the start: "Disable for this document" keeps the BOM first', () => {
  const input = `\uFEFF${PRIVILEGED}`;
  const { parsed, findings: all } = lintText(input, lintAt('baseline'));
  const output = applyEdits(input, disableDocumentFix(all.find((f) => f.ruleId === 'privileged')!, parsed)!.edits);
  assert.equal(output, `\uFEFF# podsec-disable privileged\n${PRIVILEGED}`);
});

test('tab-indented JSON: a new multi-line object is indented with tabs', () => {
  const input = json(podJson({ containers: [{ name: 'a', image: 'b' }] }), '\t');
  const output = applyFix(input, 'seccompProfile_restricted').output;
  assert.equal(output, json(podJson({ containers: [{ name: 'a', image: 'b' }], securityContext: { seccompProfile: { type: 'RuntimeDefault' } } }), '\t'));
});
