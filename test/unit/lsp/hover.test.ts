// The pure hover builder: which rules a field maps to, this object's verdict per mode, kind and label hovers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NamespaceIndex, parseManifest, PolicyResolver } from '../../../server/src/engine';
import type { PolicyOptions } from '../../../server/src/engine';
import { hoverAt, rulesForPath } from '../../../server/src/engine/hover';
import { POD } from '../../lsp/fixtures';

/** Hover at the `|` in `marked` (the marker is removed); returns the markdown and the hovered text. */
function hover(marked: string, options: PolicyOptions = {}): { md: string; token: string } | undefined {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'caret marker');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const parsed = parseManifest(text);
  const index = new NamespaceIndex();
  index.update('file', parsed);
  const resolver = new PolicyResolver(options, index);
  const r = hoverAt({ parsed, offset, policyFor: (ns) => resolver.forObject({ namespace: ns }) });
  return r && { md: r.markdown, token: text.slice(r.span.start, r.span.end) };
}

const caret = (text: string, before: string) => text.replace(before, `|${before}`);

test('a violating field: rule, level, versions, verdict per mode with the controller\'s words, fix and link', () => {
  const h = hover(caret(POD, 'true\n        allowPrivilegeEscalation'))!;
  assert.equal(h.token, 'true');
  assert.equal(h.md.split('\n\n')[0], '**Privileged containers** · Pod Security *baseline* check `privileged` · since v1.0');
  assert.ok(h.md.includes('**This Pod** `web` in namespace `default` (no labels known, default policy):\n'
    + '- ✗ enforce `baseline:latest`: the API server rejects this Pod — privileged (container "app" must not set securityContext.privileged=true)\n'
    + '- ✗ warn `restricted:latest`: the API server returns a warning — privileged (container "app" must not set securityContext.privileged=true)'), h.md);
  assert.match(h.md, /\[Pod Security Standards: baseline\]\(https:\/\/kubernetes\.io\/docs\/concepts\/security\/pod-security-standards\/#baseline\)$/);
});

test('the same field passes once the value is allowed, and a restricted rule is "not a baseline check" under baseline', () => {
  const ok = hover(caret(POD.replace('privileged: true', 'privileged: false'), 'privileged: false'))!;
  assert.equal(ok.token, 'privileged');
  assert.match(ok.md, /- ✓ enforce `baseline:latest`: passes\n- ✓ warn `restricted:latest`: passes/);
  const restricted = hover(caret(POD, 'runAsNonRoot: false'), { defaults: { enforce: { level: 'baseline', version: 'latest' }, warn: { level: 'privileged', version: 'latest' }, audit: { level: 'privileged', version: 'latest' } } })!;
  assert.match(restricted.md, /check `runAsNonRoot` · since v1\.0, changed in v1\.35/);
  assert.match(restricted.md, /- – enforce `baseline:latest`: not a baseline check$/m);
});

test('a check newer than the policy version, and a baseline check replaced under restricted', () => {
  const old = hover(caret(POD, 'seccompProfile:'), { level: 'restricted', version: 'v1.18' })!;
  assert.match(old.md, /check `seccompProfile_restricted`[\s\S]*- – enforce `restricted:v1\.18`: not part of this policy version/);
  const now = hover(caret(POD, 'seccompProfile:'), { level: 'restricted', version: 'latest' })!;
  assert.match(now.md, /check `seccompProfile_baseline`[\s\S]*- – enforce `restricted:latest`: checked by `seccompProfile_restricted` instead/);
});

test('a privileged namespace checks nothing', () => {
  const all = { level: 'privileged', version: 'latest' } as const;
  const h = hover(caret(POD, 'true\n        allow'), { defaults: { enforce: all, warn: all, audit: all } })!;
  assert.match(h.md, /- every mode is `privileged`: nothing is checked/);
  const k = hover(caret(POD, 'Pod\nmetadata'), { defaults: { enforce: all, warn: all, audit: all } })!;
  assert.match(k.md, /\n\nprivileged: nothing is checked$/);
});

test('rulesForPath: the first inspected key anchors; deeper keys only add rules the anchor\'s rules name', () => {
  const ids = (keys: string[]) => rulesForPath(keys).map((r) => r.id);
  assert.deepEqual(ids(['securityContext', 'seLinuxOptions', 'type']), ['seLinuxOptions']);
  assert.deepEqual(ids(['securityContext', 'seccompProfile', 'type']), ['seccompProfile_baseline', 'seccompProfile_restricted']);
  assert.deepEqual(ids(['volumes', 'hostPath', 'path']), ['hostPathVolumes', 'restrictedVolumes']);
  assert.deepEqual(ids(['containers', 'securityContext', 'capabilities', 'add']), ['capabilities_baseline', 'capabilities_restricted']);
  assert.deepEqual(ids(['annotations', 'container.apparmor.security.beta.kubernetes.io/app']), ['appArmorProfile']);
  assert.deepEqual(ids(['containers', 'name']), []);
});

test('kind of a workload: standing per policy, strictest first, and the controller text per mode', () => {
  const deployment = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: prod
spec:
  template:
    spec:
      hostNetwork: true
      containers:
        - name: app
          image: nginx
---
apiVersion: v1
kind: Namespace
metadata:
  name: prod
  labels:
    pod-security.kubernetes.io/enforce: baseline
    pod-security.kubernetes.io/warn: restricted
`;
  const h = hover(caret(deployment, 'Deployment'))!;
  assert.equal(h.token, 'Deployment');
  const [label, standing, ...rest] = h.md.split('\n\n');
  assert.equal(label, '**This Deployment** `web` in namespace `prod` (labels of its Namespace manifest)');
  assert.match(standing, /^restricted:latest ✗ \d+ violations · baseline:latest ✗ 1 violation$/);
  assert.equal(rest[0], '**enforce** (its Pods would be rejected):');
  assert.equal(rest[1], '```text\nwould violate PodSecurity "baseline:latest": host namespaces (hostNetwork=true)\n```');
  assert.equal(rest[2], '**warn** (warning):');
});

test('kind inside a List: the item, not the List', () => {
  const list = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: inner
    spec:
      hostPID: true
      containers: [{name: c, image: i}]
`;
  const h = hover(caret(list, 'Pod\n'))!;
  assert.match(h.md, /^\*\*This Pod\*\* `inner`/);
  assert.match(h.md, /baseline:latest ✗ 1 violation/);
  assert.equal(hover(caret(list, 'List')), undefined);
});

test('Namespace: kind shows its policy; labels explain the mode and judge the value; other labels are not Pod Security', () => {
  const ns = `apiVersion: v1
kind: Namespace
metadata:
  name: prod
  labels:
    pod-security.kubernetes.io/enforce: restricted
    pod-security.kubernetes.io/audit-version: v1.030
    pod-security.kubernetes.io/enforce-level: x
    team: a
`;
  const kind = hover(caret(ns, 'Namespace'))!;
  assert.equal(kind.md, '**Namespace `prod`** · Pod Security policy of its Pods:\n\n'
    + 'enforce `restricted:latest` · warn `restricted:latest` · audit `privileged:latest`\n\n'
    + '- ✗ pod-security.kubernetes.io/audit-version: must be "latest" or "v1.x"');
  const enforce = hover(caret(ns, 'restricted\n'))!;
  assert.equal(enforce.token, 'restricted');
  assert.match(enforce.md, /^\*\*`pod-security\.kubernetes\.io\/enforce`\*\* · Pod Security admission mode \*enforce\*, level/);
  assert.match(enforce.md, /✓ `restricted` is valid/);
  const version = hover(caret(ns, 'audit-version'))!;
  assert.match(version.md, /Violations are recorded in the \*\*audit log\*\*/);
  assert.match(version.md, /✗ `v1\.030` is invalid: must be "latest" or "v1\.x"; the controller uses `latest`/);
  assert.match(hover(caret(ns, 'enforce-level'))!.md, /is not a Pod Security label/);
  assert.equal(hover(caret(ns, 'team')), undefined);
});

test('nothing outside workloads\' inspected fields', () => {
  assert.equal(hover('apiVersion: v1\nkind: ConfigMap\ndata:\n  |privileged: "true"\n'), undefined);
  assert.equal(hover('privileged: |true\n'), undefined);
  assert.equal(hover(caret(POD, 'nginx')), undefined);
  assert.equal(hover(caret(POD, 'web')), undefined);
  assert.equal(hover('apiVersion: v1\nkind: Pod\n|# comment\nspec: {}\n'), undefined);
});
