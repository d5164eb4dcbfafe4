/**
 * Adversarial manifests run through the whole engine path (parse -> objects -> pod specs -> checks -> policy ->
 * findings), each with the exact result the reference (shared/docs/pod-security-standards.md) and kubectl's YAML
 * reading (go-yaml v2: YAML 1.1 scalars, last duplicate key wins, merge keys applied in order) give.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, checkWith, rangeOf, RESTRICTED_POD } from '../helpers';
import type { LocatedFinding } from '../helpers';

type Row = [at: string, severity: string, ruleId: string, message: string];

const rows = (findings: LocatedFinding[]): Row[] => findings.map((f) => [f.at, f.severity, f.ruleId, f.message]);
/** `ruleId@range`, for cases where the wording is asserted elsewhere. */
const ids = (findings: LocatedFinding[]): string[] => findings.map((f) => `${f.ruleId}@${f.at}`);
const ruleIds = (findings: LocatedFinding[]): string[] => [...new Set(findings.map((f) => f.ruleId))].sort();

/** The range of `value` where it follows `before` (for values that also occur elsewhere in the text). */
function valueAt(text: string, before: string, value: string, occurrence = 0): string {
  const [start, end] = rangeOf(text, before + value, occurrence).split('-');
  const [line, col] = start.split(':').map(Number);
  return `${line}:${col + before.length}-${end}`;
}

const PRIVILEGED = (who: string) => `privileged (${who} must not set securityContext.privileged=true)`;

/** A Pod around one container whose securityContext is written inline. */
const podWith = (securityContext: string, name = 'a') => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: ${name}
      securityContext: ${securityContext}
`;

// --- YAML shapes ------------------------------------------------------------------------------------------------

test('hard: null, ~, empty and {} securityContexts are unset, at pod and container level', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  securityContext: null
  containers:
    - name: a
      securityContext: ~
    - name: b
      securityContext:
    - name: c
      securityContext: {}
`;
  assert.deepEqual(check(text, 'baseline', 'latest'), []);
  // Restricted requires fields: each container is reported on its securityContext key, with the implicit wording.
  const found = check(text, 'restricted', 'latest');
  assert.deepEqual(ruleIds(found), ['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted']);
  assert.deepEqual(found.filter((f) => f.ruleId === 'runAsNonRoot').map((f) => [f.at, f.message]), [
    [rangeOf(text, 'securityContext', 1), 'runAsNonRoot != true (pod or container "a" must set securityContext.runAsNonRoot=true)'],
    [rangeOf(text, 'securityContext', 2), 'runAsNonRoot != true (pod or container "b" must set securityContext.runAsNonRoot=true)'],
    [rangeOf(text, 'securityContext', 3), 'runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true)'],
  ]);
});

test('hard: containers that are null, a map or a scalar have no containers; pod-level checks still run', () => {
  for (const containers of ['null', '~', '{a: {securityContext: {privileged: true}}}', 'nginx', '[]', '[null, 7, "x"]']) {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostNetwork: true
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  containers: ${containers}
`;
    assert.deepEqual(rows(check(text, 'restricted')), [
      [valueAt(text, 'hostNetwork: ', 'true'), 'error', 'hostNamespaces', 'host namespaces (hostNetwork=true)'],
    ], containers);
  }
});

test('hard: a container without a name is named ""; names written as numbers or dates keep their spelling', () => {
  const cases: [string, string][] = [
    ['', '""'],
    ['name: ""', '""'],
    ['name: 123', '"123"'],
    ['name: 0x10', '"0x10"'],
    ['name: 1e3', '"1e3"'],
    ['name: 2024-01-01', '"2024-01-01"'],
    ['name: true', '"true"'],
    ["name: 'web'", '"web"'],
  ];
  for (const [nameLine, quoted] of cases) {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - image: nginx
      ${nameLine}
      securityContext: {privileged: true}
`;
    assert.deepEqual(rows(check(text, 'baseline')), [
      [valueAt(text, 'privileged: ', 'true'), 'error', 'privileged', PRIVILEGED(`container ${quoted}`)],
    ], nameLine);
  }
});

test('hard: duplicate keys: the last one wins, at every level of the manifest', () => {
  const lastTrue = podWith('{privileged: false, privileged: true}');
  assert.deepEqual(rows(check(lastTrue, 'baseline')), [[valueAt(lastTrue, 'privileged: ', 'true'), 'error', 'privileged', PRIVILEGED('container "a"')]]);
  assert.deepEqual(check(podWith('{privileged: true, privileged: false}'), 'baseline'), []);
  const dupContext = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      securityContext:
        privileged: true
      securityContext:
        runAsUser: 1000
`;
  assert.deepEqual(check(dupContext, 'baseline'), []);
  const dupSpec = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostPID: true
  containers: [{name: a}]
spec:
  hostIPC: true
  containers: [{name: b}]
`;
  assert.deepEqual(rows(check(dupSpec, 'baseline')), [[valueAt(dupSpec, 'hostIPC: ', 'true'), 'error', 'hostNamespaces', 'host namespaces (hostIPC=true)']]);
  const dupKind = `apiVersion: v1
kind: Pod
kind: ConfigMap
metadata:
  name: p
spec:
  hostPID: true
`;
  assert.deepEqual(check(dupKind, 'baseline'), []);
});

test('hard: booleans are read as kubectl reads YAML 1.1; strings and numbers are not booleans', () => {
  for (const spelling of ['true', 'True', 'TRUE', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'y', 'Y']) {
    const text = podWith(`{privileged: ${spelling}}`);
    assert.deepEqual(ids(check(text, 'baseline')), [`privileged@${valueAt(text, 'privileged: ', spelling)}`], spelling);
  }
  // An explicit tag: the range is the value after the tag.
  const tagged = podWith('{privileged: !!bool true}');
  assert.deepEqual(ids(check(tagged, 'baseline')), [`privileged@${valueAt(tagged, 'privileged: !!bool ', 'true')}`]);
  for (const spelling of ['"true"', "'yes'", '1', 'tRUE', 'truee', '[true]', '{value: true}', '!!str true']) {
    assert.deepEqual(check(podWith(`{privileged: ${spelling}}`), 'baseline'), [], spelling);
  }
});

test('hard: spec.os.name is case-sensitive: only "windows" exempts (from v1.25), "Windows" does not', () => {
  const pod = (os: string) => RESTRICTED_POD
    .replace('spec:\n', `spec:\n  os: {name: ${os}}\n`)
    .replace(/allowPrivilegeEscalation: false\n/g, 'allowPrivilegeEscalation: true\n')
    .replace(/drop: \[ALL\]/g, 'drop: [all]')
    .replace('type: RuntimeDefault', 'type: Unconfined');
  const exempt = ['allowPrivilegeEscalation', 'capabilities_restricted', 'seccompProfile_restricted'];
  assert.deepEqual(ruleIds(check(pod('windows'), 'restricted', 'v1.25')), []);
  assert.deepEqual(ruleIds(check(pod('windows'), 'restricted', 'latest')), []);
  assert.deepEqual(ruleIds(check(pod('windows'), 'restricted', 'v1.24')), exempt);
  for (const os of ['Windows', 'WINDOWS', '"windows "', 'linux']) assert.deepEqual(ruleIds(check(pod(os), 'restricted', 'latest')), exempt, os);
});

test('hard: hostUsers must be the boolean false: "false" (a string) relaxes nothing', () => {
  const text = (hostUsers: string) => RESTRICTED_POD
    .replace('spec:\n', `spec:\n  hostUsers: ${hostUsers}\n`)
    .replace('runAsNonRoot: true', 'runAsNonRoot: false\n    runAsUser: 0');
  assert.deepEqual(ruleIds(check(text('"false"'), 'restricted', 'latest')), ['runAsNonRoot', 'runAsUser']);
  assert.deepEqual(ruleIds(check(text("'false'"), 'restricted', 'latest')), ['runAsNonRoot', 'runAsUser']);
  assert.deepEqual(ruleIds(check(text('false'), 'restricted', 'latest')), []);
  assert.deepEqual(ruleIds(check(text('no'), 'restricted', 'latest')), []);
  assert.deepEqual(ruleIds(check(text('false'), 'restricted', 'v1.34')), ['runAsNonRoot', 'runAsUser']);
});

test('hard: hostPort numbers are read as kubectl reads them (hex, octal, 0o, floats); 0 and strings are not host ports', () => {
  const cases: [string, string | undefined][] = [
    ['8080', '8080'], ['0x1F90', '8080'], ['0X1f90', '8080'], ['017', '15'], ['0o17', '15'], ['0b101', '5'],
    ['+80', '80'], ['1_000', '1000'], ['8080.0', '8080'], ['8.08e3', '8080'],
    ['0', undefined], ['00', undefined], ['0x0', undefined], ['-0', undefined], ['~', undefined], ['"8080"', undefined],
    ['1:30', undefined], ['8080.5', undefined], ['.inf', undefined],
  ];
  for (const [written, port] of cases) {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
spec:
  template:
    spec:
      containers:
        - name: a
          ports:
            - containerPort: 80
              hostPort: ${written}
`;
    const expected: Row[] = port ? [[valueAt(text, 'hostPort: ', written), 'error', 'hostPorts', `hostPort (container "a" uses hostPort ${port})`]] : [];
    assert.deepEqual(rows(check(text, 'baseline')), expected, written);
  }
});

test('hard: quoted keys count; keys differing in case or by a space inside the quotes do not', () => {
  for (const key of ['"privileged"', "'privileged'", 'privileged ', '? privileged\n       ']) {
    const text = podWith(`{${key}: true}`);
    assert.equal(ids(check(text, 'baseline')).length, 1, key);
  }
  for (const key of ['"privileged "', '" privileged"', 'Privileged', 'PRIVILEGED', 'privileged\\u0020']) {
    assert.deepEqual(check(podWith(`{${key}: true}`), 'baseline'), [], key);
  }
});

test('hard: %YAML directives, document markers and comments everywhere', () => {
  const text = `%YAML 1.1
# leading comment
--- # a document start with a comment
# comment before the object
apiVersion: v1 # trailing
kind: Pod   # trailing
metadata: # trailing
  # inside a map
  name: commented # trailing
spec: # trailing
  containers: # trailing
  # between items
  - name: a # trailing
    securityContext: # trailing
      # before the field
      privileged: true # the bad value
...
---
---
# a document with only a comment
...
`;
  assert.deepEqual(rows(check(text, 'baseline')), [[valueAt(text, 'privileged: ', 'true'), 'error', 'privileged', PRIVILEGED('container "a"')]]);
});

test('hard: tabs: as separators they are fine; as indentation they are a syntax error reported once per problem', () => {
  const separators = 'apiVersion: v1\nkind: Pod\nmetadata:\t{name: p}\nspec: {containers: [{name: a,\tsecurityContext: {privileged:\ttrue}}]}\n';
  assert.deepEqual(ids(check(separators, 'baseline')), [`privileged@${valueAt(separators, 'privileged:\t', 'true')}`]);
  const indented = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n\tcontainers: []\n';
  const found = check(indented, 'baseline');
  assert.ok(found.length > 0 && found.every((f) => f.ruleId === 'yamlSyntax' && f.severity === 'error'), JSON.stringify(found));
});

test('hard: CRLF line ends and a byte order mark do not move ranges', () => {
  const lf = podWith('{privileged: true}');
  const crlf = lf.replace(/\n/g, '\r\n');
  assert.deepEqual(rows(check(crlf, 'baseline')), rows(check(lf, 'baseline')));
  assert.deepEqual(ids(check(crlf, 'baseline')), ['privileged@8:37-8:41']);
  const bom = `\uFEFF${crlf}`;
  // The BOM is one character of line 1; line 8 is unaffected.
  assert.deepEqual(ids(check(bom, 'baseline')), ['privileged@8:37-8:41']);
});

test('hard: JSON: pretty printed, with escapes, duplicate keys and a trailing YAML comment', () => {
  const text = `{
  "apiVersion": "v1",
  "kind": "Pod",
  "metadata": {"name": "j"},
  "spec": {
    "hostPID": true,
    "containers": [
      {
        "name": "a",
        "securityContext": {"privil\\u0065ged": false, "privileged": true},
        "ports": [{"containerPort": 80, "hostPort": 8.08e3}]
      }
    ]
  }
} # a comment after the object
`;
  assert.deepEqual(rows(check(text, 'baseline')), [
    [valueAt(text, '"hostPID": ', 'true'), 'error', 'hostNamespaces', 'host namespaces (hostPID=true)'],
    [valueAt(text, '"privileged": ', 'true'), 'error', 'privileged', PRIVILEGED('container "a"')],
    [valueAt(text, '"hostPort": ', '8.08e3'), 'error', 'hostPorts', 'hostPort (container "a" uses hostPort 8080)'],
  ]);
  const oneLine = JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'x' }, spec: { containers: [{ name: 'a', securityContext: { privileged: true } }] } });
  assert.deepEqual(ids(check(oneLine, 'baseline')), [`privileged@${valueAt(oneLine, '"privileged":', 'true')}`]);
});

test('hard: flow collections spanning lines, with comments inside', () => {
  const text = `apiVersion: v1
kind: Pod
metadata: {name: flow}
spec: {
  hostNetwork: true,   # a comment inside a flow map
  containers: [
    {name: a,
     securityContext: {
       privileged: true}},
    {name: b, ports: [{containerPort: 80,
                       hostPort: 81}]}
  ]}
`;
  assert.deepEqual(rows(check(text, 'baseline')), [
    [valueAt(text, 'hostNetwork: ', 'true'), 'error', 'hostNamespaces', 'host namespaces (hostNetwork=true)'],
    [valueAt(text, 'privileged: ', 'true'), 'error', 'privileged', PRIVILEGED('container "a"')],
    // hostNetwork Pod: the API server defaults hostPort only where it is 0/unset; 81 is explicit.
    [valueAt(text, 'hostPort: ', '81'), 'error', 'hostPorts', 'hostPort (container "b" uses hostPort 81)'],
  ]);
});

// --- Anchors, aliases and merge keys ----------------------------------------------------------------------------

test('hard: a whole pod spec anchored in one Deployment and aliased by another (in a List)', () => {
  const text = `apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: one}
    spec:
      template:
        spec: &shared
          hostPID: true
          containers:
            - name: a
              securityContext: {privileged: true}
            - name: b
              securityContext: {privileged: true}
  - apiVersion: apps/v1
    kind: Deployment
    metadata: {name: two, namespace: other}
    spec:
      template:
        spec: *shared
`;
  const found = check(text, 'baseline');
  assert.deepEqual(found.map((f) => [f.object?.name, f.object?.namespace, f.at, f.ruleId, f.message]), [
    ['one', undefined, valueAt(text, 'hostPID: ', 'true'), 'hostNamespaces', 'host namespaces (hostPID=true)'],
    ['one', undefined, valueAt(text, 'privileged: ', 'true', 0), 'privileged', PRIVILEGED('container "a"')],
    ['one', undefined, valueAt(text, 'privileged: ', 'true', 1), 'privileged', PRIVILEGED('container "b"')],
    // Everything of the second Deployment is at its alias: one finding per check, naming every offender.
    ['two', 'other', rangeOf(text, '*shared'), 'hostNamespaces', 'host namespaces (hostPID=true)'],
    ['two', 'other', rangeOf(text, '*shared'), 'privileged', PRIVILEGED('containers "a", "b"')],
  ]);
});

test('hard: merge keys into containers: explicit keys after the merge win, the earlier map of a << list wins', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: m
spec:
  containers:
    - &base
      name: a
      securityContext: &priv {privileged: true}
    - <<: *base
      name: b
    - <<: *base
      name: c
      securityContext: {privileged: false}
    - name: d
      securityContext:
        <<: [&safe {privileged: false}, *priv]
    - name: e
      securityContext:
        <<: [*priv, *safe]
    - name: f
      securityContext:
        <<: {privileged: true}
`;
  assert.deepEqual(rows(check(text, 'baseline')), [
    [valueAt(text, 'privileged: ', 'true', 0), 'error', 'privileged', PRIVILEGED('container "a"')],
    [rangeOf(text, '*base', 0), 'error', 'privileged', PRIVILEGED('container "b"')],
    [rangeOf(text, '*priv', 1), 'error', 'privileged', PRIVILEGED('container "e"')],
    // An inline merged map is in this object's own text: reported on the value itself.
    [valueAt(text, 'privileged: ', 'true', 1), 'error', 'privileged', PRIVILEGED('container "f"')],
  ]);
});

test('hard: go-yaml v2 applies a merge where it is written, so it overrides an explicit key written before it', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: m
spec:
  initContainers:
    - name: a
      securityContext: &priv {privileged: true}
  containers:
    - name: b
      securityContext:
        privileged: false
        <<: *priv
    - name: c
      securityContext:
        <<: *priv
        privileged: false
`;
  assert.deepEqual(rows(check(text, 'baseline')), [
    [valueAt(text, 'privileged: ', 'true'), 'error', 'privileged', PRIVILEGED('container "a"')],
    [rangeOf(text, '*priv', 0), 'error', 'privileged', PRIVILEGED('container "b"')],
  ]);
});

test('hard: a quoted "<<" is an ordinary key, not a merge', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: m
spec:
  containers:
    - &base
      name: a
      securityContext: {privileged: true}
    - "<<": *base
      name: b
`;
  assert.deepEqual(ids(check(text, 'baseline')), [`privileged@${valueAt(text, 'privileged: ', 'true')}`]);
});

test('hard: containers of one aliased list are reported together at the alias, for every container check', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  initContainers: &list
    - name: a
      securityContext: {privileged: true, capabilities: {add: [SYS_ADMIN]}}
      ports: [{containerPort: 1, hostPort: 2}]
    - name: b
      securityContext: {privileged: true, procMount: Unmasked}
  containers: *list
`;
  const atAlias = check(text, 'baseline').filter((f) => f.at === rangeOf(text, '*list'));
  assert.deepEqual(atAlias.map((f) => [f.ruleId, f.message]), [
    ['capabilities_baseline', 'non-default capabilities (container "a" must not include "SYS_ADMIN" in securityContext.capabilities.add)'],
    ['hostPorts', 'hostPort (container "a" uses hostPort 2)'],
    ['privileged', PRIVILEGED('containers "a", "b"')],
    ['procMount', 'procMount (container "b" must not set securityContext.procMount to "Unmasked")'],
  ]);
});

// --- Kinds, Lists and object identity ---------------------------------------------------------------------------

const PRIVILEGED_SPEC = `containers: [{name: a, securityContext: {privileged: true}}]`;

test('hard: kind: List with mixed items, nested Lists, PodList, and items that are not objects', () => {
  const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: List
    items:
      - apiVersion: v1
        kind: Pod
        metadata: {name: nested}
        spec: {${PRIVILEGED_SPEC}}
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: cm}
    data: {spec: x}
  - null
  - "text"
  - [1, 2]
  - apiVersion: v1
    kind: PodList
    items:
      - apiVersion: v1
        kind: Pod
        metadata: {name: in-podlist}
        spec: {${PRIVILEGED_SPEC}}
  - apiVersion: v1
    kind: Pod
    metadata: {name: direct}
    spec: {${PRIVILEGED_SPEC}}
`;
  assert.deepEqual(check(text, 'baseline').map((f) => [f.object?.kind, f.object?.name, f.ruleId]), [
    ['Pod', 'nested', 'privileged'],
    ['Pod', 'in-podlist', 'privileged'],
    ['Pod', 'direct', 'privileged'],
  ]);
});

test('hard: which kinds are evaluated: the controller keys them by group, any version; kind is case-sensitive', () => {
  const kinds: [string, string, string, boolean][] = [
    ['v1', 'PodTemplate', 'template:\n  spec: {SPEC}', true],
    ['v1', 'ReplicationController', 'spec:\n  template:\n    spec: {SPEC}', true],
    ['apps/v1beta2', 'Deployment', 'spec:\n  template:\n    spec: {SPEC}', true],
    ['apps/v1beta1', 'StatefulSet', 'spec:\n  template:\n    spec: {SPEC}', true],
    ['apps/v1beta2', 'DaemonSet', 'spec:\n  template:\n    spec: {SPEC}', true],
    ['batch/v1beta1', 'CronJob', 'spec:\n  jobTemplate:\n    spec:\n      template:\n        spec: {SPEC}', true],
    ['batch/v1', 'Job', 'spec:\n  template:\n    spec: {SPEC}', true],
    // Not on the controller's list of pod-spec resources (extensions group; wrong case; wrong group).
    ['extensions/v1beta1', 'Deployment', 'spec:\n  template:\n    spec: {SPEC}', false],
    ['extensions/v1beta1', 'DaemonSet', 'spec:\n  template:\n    spec: {SPEC}', false],
    ['v1', 'pod', 'spec: {SPEC}', false],
    ['V1', 'Pod', 'spec: {SPEC}', false],
    ['apps/v1', 'Pod', 'spec: {SPEC}', false],
    ['apps/v1', 'deployment', 'spec:\n  template:\n    spec: {SPEC}', false],
    ['argoproj.io/v1alpha1', 'Rollout', 'spec:\n  template:\n    spec: {SPEC}', false],
    // A template the workload does not read (CronJob's own spec.template) is not a pod spec.
    ['batch/v1', 'CronJob', 'spec:\n  template:\n    spec: {SPEC}', false],
  ];
  for (const [apiVersion, kind, body, evaluated] of kinds) {
    const text = `apiVersion: ${apiVersion}\nkind: ${kind}\nmetadata: {name: x}\n${body.replace('SPEC', PRIVILEGED_SPEC)}\n`;
    assert.deepEqual(ruleIds(check(text, 'baseline')), evaluated ? ['privileged'] : [], `${apiVersion} ${kind}`);
  }
});

test('hard: a numeric metadata.namespace is matched by its spelling; an empty one means the default namespace', () => {
  const namespace = (name: string, level: string) => `apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels: {pod-security.kubernetes.io/enforce: ${level}, pod-security.kubernetes.io/warn: ${level}}
`;
  const pod = (ns: string) => `apiVersion: v1
kind: Pod
metadata: {name: p, namespace: ${ns}}
spec: {${PRIVILEGED_SPEC}}
`;
  const severities = (ns: string, files: string[]) => checkWith(pod(ns), {}, files).map((f) => [f.ruleId, f.severity, f.object?.namespace]);
  assert.deepEqual(severities('123', [namespace('"123"', 'privileged')]), []);
  assert.deepEqual(severities('0123', [namespace('"0123"', 'privileged')]), []);
  assert.deepEqual(severities('""', [namespace('default', 'privileged')]), []);
  // Without a matching Namespace the tool's default (enforce baseline, warn restricted) applies.
  const fallback = checkWith(pod('123'), {}, [namespace('other', 'privileged')]);
  assert.deepEqual(fallback.filter((f) => f.severity === 'error').map((f) => [f.ruleId, f.policy, f.object?.namespace]), [['privileged', 'baseline:latest', '123']]);
  assert.ok(fallback.some((f) => f.severity === 'warning' && f.policy === 'restricted:latest'));
});

// --- Namespace labels -------------------------------------------------------------------------------------------

const labelled = (labels: Record<string, string>, name = 'team') => `apiVersion: v1
kind: Namespace
metadata:
  name: ${name}
  labels:
${Object.entries(labels).map(([k, v]) => `    pod-security.kubernetes.io/${k}: ${v}\n`).join('')}`;

/** Privileged (baseline) and missing everything restricted wants; under restricted v1.22 also runAsUser=0 (v1.23). */
const TEAM_POD = `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: team
spec:
  securityContext: {runAsUser: 0}
  containers:
    - name: a
      securityContext: {privileged: true}
`;
const TEAM_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: d
  namespace: team
spec:
  template:
    spec:
      securityContext: {runAsUser: 0}
      containers:
        - name: a
          securityContext: {privileged: true}
`;

/** `ruleId severity policy`, one per finding. */
const verdicts = (text: string, namespaceFiles: string[]) => checkWith(text, {}, namespaceFiles).map((f) => `${f.ruleId} ${f.severity} ${f.policy}`);

const RESTRICTED_IDS = ['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'runAsUser', 'seccompProfile_restricted'];

test('hard: invalid enforce labels fail closed (restricted:latest), for Pods and workloads alike', () => {
  for (const value of ['Baseline', 'strict', '""', "''", '~', 'restricted ', '"privileged "']) {
    for (const text of [TEAM_POD, TEAM_DEPLOYMENT]) {
      const found = verdicts(text, [labelled({ enforce: value })]);
      assert.deepEqual([...new Set(found.map((v) => v.split(' ').slice(1).join(' ')))], ['error restricted:latest'], value);
      assert.deepEqual(found.map((v) => v.split(' ')[0]).sort(), [...RESTRICTED_IDS, 'privileged'].sort(), value);
    }
  }
});

test('hard: invalid warn/audit labels fail open (privileged); invalid versions mean latest, printed as latest', () => {
  assert.deepEqual(verdicts(TEAM_POD, [labelled({ enforce: 'privileged', warn: 'Restricted', audit: '""' })]), []);
  assert.deepEqual(verdicts(TEAM_POD, [labelled({ enforce: 'privileged', warn: 'restricted', 'warn-version': 'v1.030' })]).sort(), [
    ...RESTRICTED_IDS.map((id) => `${id} warning restricted:latest`), 'privileged warning restricted:latest',
  ].sort());
  for (const version of ['1.25', 'v1.25.0', 'v2.0', '""', 'Latest', 'v1.-1']) {
    const found = verdicts(TEAM_POD, [labelled({ enforce: 'baseline', 'enforce-version': version })]);
    assert.ok(found.includes('privileged error baseline:latest'), `${version}: ${found.join('; ')}`);
  }
});

test('hard: a version label above the newest is printed as written and evaluated as the newest known (v1.37 sysctls)', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: team
spec:
  securityContext:
    sysctls: [{name: net.ipv4.tcp_notsent_lowat, value: "1"}]
  containers: [{name: a}]
`;
  assert.deepEqual(verdicts(text, [labelled({ enforce: 'baseline', 'enforce-version': 'v1.99', warn: 'privileged' })]), []);
  assert.deepEqual(verdicts(text, [labelled({ enforce: 'baseline', 'enforce-version': 'v1.36', warn: 'privileged' })]), ['sysctls error baseline:v1.36']);
  assert.deepEqual(verdicts(text, [labelled({ enforce: 'baseline', warn: 'privileged' })]), ['sysctls error baseline:latest']);
  const privileged = verdicts(TEAM_POD, [labelled({ enforce: 'baseline', 'enforce-version': 'v1.99', warn: 'privileged' })]);
  assert.deepEqual(privileged, ['privileged error baseline:v1.99']);
});

test('hard: warn follows a stricter enforce, with the enforce version unless warn-version is set', () => {
  // The cluster's own defaults (privileged everywhere), as a configuration would set them.
  const cluster = { defaults: { enforce: { level: 'privileged', version: 'latest' }, warn: { level: 'privileged', version: 'latest' }, audit: { level: 'privileged', version: 'latest' } } } as const;
  const warnings = (labels: Record<string, string>, options: object = cluster) =>
    checkWith(TEAM_DEPLOYMENT, options, [labelled(labels)]).filter((f) => f.severity !== 'error').map((f) => `${f.ruleId} ${f.severity} ${f.policy}`);
  // enforce restricted v1.22 (no runAsUser check yet): warn follows at restricted:v1.22, so nothing more.
  assert.deepEqual(warnings({ enforce: 'restricted', 'enforce-version': 'v1.22' }), []);
  // With warn-version: latest, warn is restricted:latest and adds runAsUser=0 as a warning.
  assert.deepEqual(warnings({ enforce: 'restricted', 'enforce-version': 'v1.22', 'warn-version': 'latest' }), ['runAsUser warning restricted:latest']);
  // An explicit warn label is kept, even when less strict.
  assert.deepEqual(warnings({ enforce: 'restricted', 'enforce-version': 'v1.22', warn: 'baseline', 'warn-version': 'latest' }), []);
  // An invalid enforce fails closed but does not pull warn along.
  assert.deepEqual(warnings({ enforce: 'bogus', 'enforce-version': 'v1.22' }), []);
  // The tool's default warn (restricted:latest) stands in for the cluster default: an enforce label at that level
  // takes warn to its version too, so a namespace pinned to restricted:v1.22 gets no newer warnings.
  assert.deepEqual(warnings({ enforce: 'restricted', 'enforce-version': 'v1.22' }, {}), []);
  // ... and with an enforce of baseline, warn stays restricted.
  assert.deepEqual(warnings({ enforce: 'baseline' }, {}).length, 5);
  assert.deepEqual(warnings({ enforce: 'baseline' }), []);
});

test('hard: only an enforce: restricted label: one error per place (warn follows at the same policy, no duplicate warnings)', () => {
  for (const text of [TEAM_POD, TEAM_DEPLOYMENT]) {
    const found = checkWith(text, {}, [labelled({ enforce: 'restricted' })]);
    assert.deepEqual(found.map((f) => f.severity).filter((s) => s !== 'error'), []);
    assert.equal(new Set(found.map((f) => `${f.ruleId}@${f.at}`)).size, found.length);
    assert.deepEqual(ruleIds(found), [...RESTRICTED_IDS, 'privileged'].sort());
    // Workloads are admitted; the note says their Pods would not be.
    assert.equal(found.every((f) => (f.note !== undefined) === (text === TEAM_DEPLOYMENT)), true);
  }
});

test('hard: enforce baseline + warn restricted: the baseline violation is an error only, restricted gaps are warnings', () => {
  const found = checkWith(TEAM_POD, {}, [labelled({ enforce: 'baseline', warn: 'restricted' })]);
  assert.deepEqual(found.filter((f) => f.ruleId === 'privileged').map((f) => [f.severity, f.policy, f.mode]), [['error', 'baseline:latest', 'enforce']]);
  assert.deepEqual(found.filter((f) => f.severity === 'warning').map((f) => f.ruleId).sort(), RESTRICTED_IDS);
  assert.deepEqual(verdicts(TEAM_POD, [labelled({ enforce: 'privileged', warn: 'privileged', audit: 'baseline' })]), ['privileged info baseline:latest']);
  assert.deepEqual(verdicts(TEAM_POD, [labelled({ enforce: 'privileged', warn: 'privileged' })]), []);
});

test('hard: two Namespace manifests with the same name: the first file (in path order) wins', () => {
  const strict = labelled({ enforce: 'restricted' });
  const lax = labelled({ enforce: 'privileged', warn: 'privileged' });
  // checkWith indexes the extra files as extra0.yaml, extra1.yaml, then main.yaml.
  assert.equal(verdicts(TEAM_POD, [lax, strict]).length, 0);
  assert.equal(verdicts(TEAM_POD, [strict, lax]).length, 6);
  // The Namespace in the checked file itself comes after extra*.yaml in path order.
  assert.equal(verdicts(`${TEAM_POD}---\n${strict}`, [lax]).length, 0);
  assert.equal(verdicts(`${TEAM_POD}---\n${strict}`, []).length, 6);
});

test('hard: --level ignores labels and makes every finding an error', () => {
  const found = checkWith(TEAM_POD, { level: 'baseline', version: 'v1.0' }, [labelled({ enforce: 'privileged', warn: 'privileged' })]);
  assert.deepEqual(found.map((f) => `${f.ruleId} ${f.severity} ${f.policy}`), ['privileged error baseline:v1.0']);
});

// --- Policy versions: every boundary where a check changes -------------------------------------------------------

/** A Pod that sets nothing security-related. */
const BARE = `apiVersion: v1
kind: Pod
metadata:
  name: bare
spec:
  containers:
    - name: a
`;

test('hard: restricted v1.0 requires only runAsNonRoot; v1.8 adds allowPrivilegeEscalation; v1.19 seccomp; v1.22 drop ALL', () => {
  const at = (version: string) => ruleIds(check(BARE, 'restricted', version));
  assert.deepEqual(at('v1.0'), ['runAsNonRoot']);
  assert.deepEqual(at('v1.7'), ['runAsNonRoot']);
  assert.deepEqual(at('v1.8'), ['allowPrivilegeEscalation', 'runAsNonRoot']);
  assert.deepEqual(at('v1.18'), ['allowPrivilegeEscalation', 'runAsNonRoot']);
  assert.deepEqual(at('v1.19'), ['allowPrivilegeEscalation', 'runAsNonRoot', 'seccompProfile_restricted']);
  assert.deepEqual(at('v1.21'), ['allowPrivilegeEscalation', 'runAsNonRoot', 'seccompProfile_restricted']);
  assert.deepEqual(at('v1.22'), ['allowPrivilegeEscalation', 'capabilities_restricted', 'runAsNonRoot', 'seccompProfile_restricted']);
  for (const version of ['v1.35', 'v1.36', 'v1.37', 'v1.38', 'latest']) assert.deepEqual(at(version), at('v1.22'), version);
  for (const version of ['v1.0', 'v1.22', 'latest']) assert.deepEqual(check(BARE, 'baseline', version), [], version);
});

test('hard: seccomp v1.18 reads the alpha annotations only, v1.19 the fields only', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: s
  annotations:
    seccomp.security.alpha.kubernetes.io/pod: unconfined
    container.seccomp.security.alpha.kubernetes.io/a: ""
    container.seccomp.security.alpha.kubernetes.io/ghost: unconfined
spec:
  securityContext:
    seccompProfile: {type: Unconfined}
  containers:
    - name: a
`;
  assert.deepEqual(rows(check(text, 'baseline', 'v1.18')), [
    [valueAt(text, 'pod: ', 'unconfined'), 'error', 'seccompProfile_baseline', 'seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined")'],
    [valueAt(text, '/a: ', '""'), 'error', 'seccompProfile_baseline', 'seccompProfile (forbidden annotation container.seccomp.security.alpha.kubernetes.io/a="")'],
  ]);
  assert.deepEqual(rows(check(text, 'baseline', 'v1.19')), [
    [rangeOf(text, 'Unconfined'), 'error', 'seccompProfile_baseline', 'seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")'],
  ]);
  // Restricted before v1.19 uses the baseline (annotation) check: nothing is required.
  assert.deepEqual(ruleIds(check(text, 'restricted', 'v1.18')), ['allowPrivilegeEscalation', 'runAsNonRoot', 'seccompProfile_baseline']);
  // An Unconfined pod level covers no container: the container is reported too, on its name.
  assert.deepEqual(ids(check(text, 'restricted', 'v1.19')).filter((i) => i.startsWith('seccomp')), [
    `seccompProfile_restricted@${rangeOf(text, 'Unconfined')}`,
    `seccompProfile_restricted@${valueAt(text, '- name: ', 'a')}`,
  ]);
});

test('hard: capabilities under restricted: v1.21 is the baseline check, v1.22 the restricted one', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: c
spec:
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  containers:
    - name: a
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          add: [CHOWN, SYS_ADMIN]
`;
  assert.deepEqual(rows(check(text, 'restricted', 'v1.21')), [
    [rangeOf(text, 'SYS_ADMIN'), 'error', 'capabilities_baseline', 'non-default capabilities (container "a" must not include "SYS_ADMIN" in securityContext.capabilities.add)'],
  ]);
  assert.deepEqual(rows(check(text, 'restricted', 'v1.22')), [
    [rangeOf(text, 'capabilities'), 'error', 'capabilities_restricted', 'unrestricted capabilities (container "a" must set securityContext.capabilities.drop=["ALL"])'],
    [rangeOf(text, 'CHOWN'), 'error', 'capabilities_restricted', 'unrestricted capabilities (container "a" must not include "CHOWN" in securityContext.capabilities.add)'],
    [rangeOf(text, 'SYS_ADMIN'), 'error', 'capabilities_restricted', 'unrestricted capabilities (container "a" must not include "SYS_ADMIN" in securityContext.capabilities.add)'],
  ]);
});

test('hard: runAsUser=0 from v1.23; Windows exemption from v1.25', () => {
  const root = RESTRICTED_POD.replace('runAsNonRoot: true', 'runAsNonRoot: true\n    runAsUser: 0');
  assert.deepEqual(ids(check(root, 'restricted', 'v1.22')), []);
  assert.deepEqual(rows(check(root, 'restricted', 'v1.23')), [[valueAt(root, 'runAsUser: ', '0'), 'error', 'runAsUser', 'runAsUser=0 (pod must not set runAsUser=0)']]);
  const windows = BARE.replace('spec:\n', 'spec:\n  os: {name: windows}\n  securityContext: {runAsNonRoot: true}\n');
  assert.deepEqual(ruleIds(check(windows, 'restricted', 'v1.24')), ['allowPrivilegeEscalation', 'capabilities_restricted', 'seccompProfile_restricted']);
  assert.deepEqual(ruleIds(check(windows, 'restricted', 'v1.25')), []);
  // Still not exempt from runAsNonRoot or hostProcess.
  const windowsRoot = windows.replace('{runAsNonRoot: true}', '{windowsOptions: {hostProcess: true}}');
  assert.deepEqual(ruleIds(check(windowsRoot, 'restricted', 'latest')), ['runAsNonRoot', 'windowsHostProcess']);
});

test('hard: sysctls at v1.26/27, v1.28/29, v1.31/32, v1.36/37; latest is v1.36; v1.38 is v1.37', () => {
  const text = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: s
spec:
  securityContext:
    sysctls:
      - name: ${name}
        value: "1"
  containers: [{name: a}]
`;
  const allowedFrom: [string, number][] = [
    ['kernel.shm_rmid_forced', 0],
    ['net.ipv4.ip_local_reserved_ports', 27],
    ['net.ipv4.tcp_keepalive_probes', 29],
    ['net.ipv4.tcp_wmem', 32],
    ['net.ipv4.tcp_slow_start_after_idle', 37],
  ];
  for (const [name, minor] of allowedFrom) {
    for (const version of ['v1.0', 'v1.26', 'v1.27', 'v1.28', 'v1.29', 'v1.31', 'v1.32', 'v1.36', 'latest', 'v1.37', 'v1.38']) {
      const effective = version === 'latest' ? 36 : Math.min(Number(version.slice(3)), 37);
      const expected = effective >= minor ? [] : [[valueAt(text(name), 'name: ', name), 'error', 'sysctls', `forbidden sysctls (${name})`]];
      assert.deepEqual(rows(check(text(name), 'baseline', version)), expected, `${name} ${version}`);
    }
  }
  assert.deepEqual(ids(check(text('net/ipv4/tcp_syncookies'), 'baseline', 'latest')).length, 1);
});

test('hard: seLinux container_engine_t from v1.31; probe hosts from v1.34', () => {
  const selinux = BARE.replace('spec:\n', 'spec:\n  securityContext: {seLinuxOptions: {type: container_engine_t, level: "s0:c1"}}\n');
  assert.deepEqual(rows(check(selinux, 'baseline', 'v1.30')), [
    [rangeOf(selinux, 'container_engine_t'), 'error', 'seLinuxOptions', 'seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type "container_engine_t")'],
  ]);
  assert.deepEqual(check(selinux, 'baseline', 'v1.31'), []);
  const probe = BARE.replace('- name: a\n', '- name: a\n      readinessProbe: {httpGet: {host: 127.0.0.1, port: 80}}\n      lifecycle: {preStop: {tcpSocket: {host: "", port: 1}}}\n');
  assert.deepEqual(check(probe, 'baseline', 'v1.33'), []);
  assert.deepEqual(rows(check(probe, 'baseline', 'v1.34')), [
    [rangeOf(probe, '127.0.0.1'), 'error', 'hostProbesAndHostLifecycle', 'probe or lifecycle host (container "a" uses probe or lifecycle host "127.0.0.1")'],
  ]);
});

test('hard: hostUsers: false at v1.34 relaxes nothing; at v1.35 runAsNonRoot, runAsUser and baseline procMount, not procMount_restricted', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: u
spec:
  hostUsers: false
  securityContext:
    runAsUser: 0
    seccompProfile: {type: RuntimeDefault}
  containers:
    - name: a
      securityContext:
        procMount: Unmasked
        allowPrivilegeEscalation: false
        capabilities: {drop: [ALL]}
`;
  assert.deepEqual(ruleIds(check(text, 'baseline', 'v1.34')), ['procMount']);
  assert.deepEqual(ruleIds(check(text, 'baseline', 'v1.35')), []);
  assert.deepEqual(ruleIds(check(text, 'restricted', 'v1.34')), ['procMount', 'runAsNonRoot', 'runAsUser']);
  assert.deepEqual(rows(check(text, 'restricted', 'v1.35')), [
    [rangeOf(text, 'Unmasked'), 'error', 'procMount_restricted', 'procMount (container "a" must not set securityContext.procMount to "Unmasked")'],
  ]);
  assert.deepEqual(ruleIds(check(text, 'restricted', 'latest')), ['procMount_restricted']);
  // With the default policy (enforce baseline, warn restricted): procMount is only a warning, once.
  const found = checkWith(text, {});
  assert.deepEqual(found.map((f) => [f.ruleId, f.severity, f.policy]), [['procMount_restricted', 'warning', 'restricted:latest']]);
});

// --- Containers of every kind, and the API server's defaulting ---------------------------------------------------

test('hard: ephemeral containers are visited by every container check', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: e
  annotations:
    container.apparmor.security.beta.kubernetes.io/debug: unconfined
spec:
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  containers:
    - name: app
      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
  ephemeralContainers:
    - name: debug
      ports: [{containerPort: 80, hostPort: 80}]
      livenessProbe: {tcpSocket: {host: evil, port: 80}}
      securityContext:
        privileged: true
        procMount: Unmasked
        runAsUser: 0
        runAsNonRoot: false
        seLinuxOptions: {user: root}
        seccompProfile: {type: Unconfined}
        appArmorProfile: {type: Unconfined}
        windowsOptions: {hostProcess: true}
        capabilities: {add: [SYS_ADMIN]}
`;
  const found = check(text, 'restricted', 'latest');
  assert.deepEqual(ruleIds(found), [
    'allowPrivilegeEscalation', 'appArmorProfile', 'capabilities_restricted', 'hostPorts', 'hostProbesAndHostLifecycle', 'privileged',
    'procMount_restricted', 'runAsNonRoot', 'runAsUser', 'seLinuxOptions', 'seccompProfile_restricted', 'windowsHostProcess',
  ]);
  for (const f of found) assert.match(f.message, /"debug"|container\.apparmor\.security\.beta\.kubernetes\.io\/debug/, f.ruleId);
});

test('hard: a volume without a source is an emptyDir; a null source is no source; any hostPath fails', () => {
  const text = (volume: string) => `apiVersion: v1
kind: Pod
metadata:
  name: v
spec:
  securityContext: {runAsNonRoot: true, seccompProfile: {type: RuntimeDefault}}
  containers:
    - name: a
      securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
  volumes:
    - name: data
${volume}`;
  for (const volume of ['', '      hostPath:\n', '      hostPath: ~\n      emptyDir: {}\n', '      image: {reference: x}\n', '      csi: {driver: d}\n']) {
    assert.deepEqual(check(text(volume), 'restricted', 'latest'), [], volume);
    assert.deepEqual(check(text(volume), 'baseline', 'latest'), [], volume);
  }
  const hostPath = text('      hostPath: {path: /etc, type: Directory}\n');
  assert.deepEqual(rows(check(hostPath, 'baseline')), [[rangeOf(hostPath, 'hostPath'), 'error', 'hostPathVolumes', 'hostPath volumes (volume "data")']]);
  assert.deepEqual(rows(check(hostPath, 'restricted')), [
    [rangeOf(hostPath, 'hostPath'), 'error', 'restrictedVolumes', 'restricted volume types (volume "data" uses restricted volume type "hostPath")'],
  ]);
});

test('hard: hostNetwork defaults hostPort to containerPort on Pods (containers and init containers), not on templates', () => {
  const body = `  hostNetwork: true
  initContainers:
    - name: init
      ports: [{containerPort: 9000}]
  containers:
    - name: a
      ports:
        - containerPort: 8080
        - containerPort: 8443
          hostPort: 0
        - containerPort: 9443
          hostPort: 9443
        - name: no-port
  ephemeralContainers:
    - name: debug
      ports: [{containerPort: 7000}]
`;
  const podText = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: h\nspec:\n${body}`;
  assert.deepEqual(rows(check(podText, 'baseline')).filter((r) => r[2] === 'hostPorts'), [
    [rangeOf(podText, '9000'), 'error', 'hostPorts', 'hostPort (container "init" uses hostPort 9000)'],
    [rangeOf(podText, '8080'), 'error', 'hostPorts', 'hostPort (container "a" uses hostPort 8080)'],
    [rangeOf(podText, '8443'), 'error', 'hostPorts', 'hostPort (container "a" uses hostPort 8443)'],
    [valueAt(podText, 'hostPort: ', '9443'), 'error', 'hostPorts', 'hostPort (container "a" uses hostPort 9443)'],
  ]);
  const template = `apiVersion: apps/v1\nkind: DaemonSet\nmetadata:\n  name: h\nspec:\n  template:\n    spec:\n${body.replace(/^/gm, '    ')}`;
  assert.deepEqual(rows(check(template, 'baseline')).filter((r) => r[2] === 'hostPorts'), [
    [valueAt(template, 'hostPort: ', '9443'), 'error', 'hostPorts', 'hostPort (container "a" uses hostPort 9443)'],
  ]);
  const noHostNetwork = podText.replace('hostNetwork: true', 'hostNetwork: "true"');
  assert.deepEqual(rows(check(noHostNetwork, 'baseline')).map((r) => r[0]), [valueAt(noHostNetwork, 'hostPort: ', '9443')]);
});

// --- Scalars the API server reads differently from a naive YAML reader --------------------------------------------

test('hard: a null capability decodes as "" and is not a default capability', () => {
  const text = podWith('{capabilities: {add: [~, "", CHOWN]}}');
  assert.deepEqual(rows(check(text, 'baseline')), [
    [rangeOf(text, '~'), 'error', 'capabilities_baseline', 'non-default capabilities (container "a" must not include "" in securityContext.capabilities.add)'],
    [rangeOf(text, '""'), 'error', 'capabilities_baseline', 'non-default capabilities (container "a" must not include "" in securityContext.capabilities.add)'],
  ]);
});

test('hard: date-like values are strings to kubectl (annotation values, container names in annotation keys)', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: d
  annotations:
    container.apparmor.security.beta.kubernetes.io/2024-01-01: 2024-01-01
    container.seccomp.security.alpha.kubernetes.io/2024-01-01: 2024-01-01
spec:
  containers:
    - name: 2024-01-01
`;
  assert.deepEqual(rows(check(text, 'baseline', 'v1.18')), [
    [valueAt(text, '/2024-01-01: ', '2024-01-01', 0), 'error', 'appArmorProfile',
      'forbidden AppArmor profile (annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/2024-01-01="2024-01-01"")'],
    [valueAt(text, '/2024-01-01: ', '2024-01-01', 1), 'error', 'seccompProfile_baseline',
      'seccompProfile (forbidden annotation container.seccomp.security.alpha.kubernetes.io/2024-01-01="2024-01-01")'],
  ]);
});

test('hard: a Namespace in the same List as its workloads sets their policy', () => {
  const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Namespace
    metadata:
      name: locked
      labels: {pod-security.kubernetes.io/enforce: restricted, pod-security.kubernetes.io/enforce-version: v1.0}
  - apiVersion: v1
    kind: Pod
    metadata: {name: p, namespace: locked}
    spec:
      containers: [{name: a}]
`;
  // restricted v1.0 needs only runAsNonRoot, and warn follows enforce to restricted:v1.0.
  assert.deepEqual(checkWith(text, {}).map((f) => `${f.ruleId} ${f.severity} ${f.policy} ${f.at}`), [
    `runAsNonRoot error restricted:v1.0 ${valueAt(text, '{name: ', 'a')}`,
  ]);
  // A warn-version label keeps warn at the tool's default level, at that version.
  const latestWarn = text.replace('enforce-version: v1.0}', 'enforce-version: v1.0, pod-security.kubernetes.io/warn-version: latest}');
  assert.deepEqual(checkWith(latestWarn, {}).map((f) => `${f.ruleId} ${f.severity} ${f.policy}`), [
    'allowPrivilegeEscalation warning restricted:latest',
    'capabilities_restricted warning restricted:latest',
    'runAsNonRoot error restricted:v1.0',
    'seccompProfile_restricted warning restricted:latest',
  ]);
});
