// End-to-end: the bundled `podsec check` with the hardening, network and RBAC rules (needs `npm run build`):
// default severities and exit codes, facts from other input files, config settings, --level, suppression, SARIF.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CLI = path.resolve('dist/cli.js');
let dir: string;

function run(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: dir, input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function write(file: string, text: string): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
  fs.writeFileSync(path.join(dir, file), text);
}

/** Restricted-compliant, in namespace `shop`, with service account `web`: only hardening rules report on it. */
const WEB = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  template:
    spec:
      serviceAccountName: web
      securityContext:
        runAsNonRoot: true
        seccompProfile: {type: RuntimeDefault}
      containers:
        - name: app
          image: nginx:1.25
          securityContext:
            allowPrivilegeEscalation: false
            capabilities: {drop: [ALL]}
`;
const SERVICE_ACCOUNT = 'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: web\n  namespace: shop\nautomountServiceAccountToken: false\n';
const DENY = (namespace: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: ${namespace}
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
`;
const NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels:\n    pod-security.kubernetes.io/enforce: restricted\n';
const LIMIT_RANGE = 'apiVersion: v1\nkind: LimitRange\nmetadata:\n  name: defaults\n  namespace: shop\nspec:\n  limits:\n    - type: Container\n      default: {memory: 256Mi}\n';

const DENY_AT_WEB = 'web.yaml:4:9: warning networkPolicyDefaultDeny namespace "shop" has workloads but no default-deny NetworkPolicy for Ingress and Egress (empty podSelector)';
const AUTOMOUNT = 'web.yaml:8:5: info automountServiceAccountToken pod should set automountServiceAccountToken=false (service account "web" is not among the inputs)';
const RESOURCES = 'web.yaml:14:17: warning resources container "app" should set resources.limits.memory, resources.requests.memory, resources.requests.cpu';
const PULL = 'web.yaml:15:18: info imagePullPolicy container "app" uses the mutable tag "1.25" with imagePullPolicy IfNotPresent (the default); set imagePullPolicy: Always or pin a digest';
const READ_ONLY = 'web.yaml:16:11: warning readOnlyRootFilesystem container "app" should set securityContext.readOnlyRootFilesystem=true';
const CONTAINER = [RESOURCES, PULL, READ_ONLY];

const lines = (...l: string[]) => (l.length ? `${l.join('\n')}\n` : '');

before(() => {
  assert.ok(fs.existsSync(CLI), 'run `npm run build` first');
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'podsec-cli-hardening-'));
  write('web.yaml', WEB);
  write('sa.yaml', SERVICE_ACCOUNT);
  write('deny.yaml', DENY('shop'));
  write('deny-other.yaml', DENY('other'));
  write('ns.yaml', NAMESPACE);
  write('limits.yaml', LIMIT_RANGE);
  write('suppressed.yaml', `# podsec-disable-file networkPolicyDefaultDeny -- the mesh isolates this namespace\n${WEB
    .replace('          securityContext:\n            allowPrivilegeEscalation', '          # podsec-disable-next-line readOnlyRootFilesystem -- writes its cache\n          securityContext:\n            allowPrivilegeEscalation')
    .replace('          image: nginx:1.25', '          # podsec-disable-next-line imageTag\n          image: nginx:1.25')}`);
  write('broken.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: {name: x\n');
  write('raise.podsec.yaml', 'rules:\n  readOnlyRootFilesystem: error\n  imagePullPolicy: off\ncategories:\n  network: info\nhardening:\n  requireCpuLimits: true\n');
  write('no-hardening.podsec.yaml', 'categories: {hardening: off}\n');
  write('project/.podsec.yaml', 'categories: {network: off}\nrules: {resources: off}\n');
  write('project/web.yaml', WEB);
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

test('hardening findings have their default severities; warnings and info alone exit 0', () => {
  const r = run(['check', '--no-config', 'web.yaml']);
  assert.equal(r.stdout, lines(DENY_AT_WEB, AUTOMOUNT, ...CONTAINER));
  assert.equal(r.stderr, '5 problems (0 errors, 3 warnings, 2 info, 0 hints) in 1 file\n');
  assert.equal(r.code, 0);
  // Next to a Pod Security error, the exit code is the error's.
  write('privileged.yaml', WEB.replace('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: false\n            privileged: true'));
  const p = run(['check', '--no-config', 'privileged.yaml']);
  assert.equal(p.code, 1);
  assert.match(p.stdout, /^privileged\.yaml:18:25: error privileged /m);
  assert.match(p.stdout, /^privileged\.yaml:14:17: warning resources /m);
});

test('a ServiceAccount in another input file that disables automount silences automountServiceAccountToken', () => {
  const r = run(['check', '--no-config', 'web.yaml', 'sa.yaml']);
  assert.equal(r.stdout, lines(DENY_AT_WEB, ...CONTAINER));
  assert.equal(r.code, 0);
  // The same from standard input: "-" is one input of the run like the others.
  assert.equal(run(['check', '--no-config', '-', 'sa.yaml'], WEB).stdout, lines(DENY_AT_WEB, ...CONTAINER).replace(/^web\.yaml/gm, '<stdin>'));
});

test('a default-deny NetworkPolicy in another input file counts for its own namespace only', () => {
  assert.equal(run(['check', '--no-config', 'web.yaml', 'deny.yaml']).stdout, lines(AUTOMOUNT, ...CONTAINER));
  assert.equal(run(['check', '--no-config', 'web.yaml', 'deny-other.yaml']).stdout, lines(DENY_AT_WEB, AUTOMOUNT, ...CONTAINER));
});

test('a Namespace manifest with workloads and no LimitRange: limitRange and networkPolicyDefaultDeny on its name', () => {
  const nsFindings = [
    'ns.yaml:4:9: info limitRange namespace "shop" has workloads but no LimitRange',
    'ns.yaml:4:9: warning networkPolicyDefaultDeny namespace "shop" has workloads but no default-deny NetworkPolicy for Ingress and Egress (empty podSelector)',
  ];
  const r = run(['check', '--no-config', 'web.yaml', 'ns.yaml']);
  assert.equal(r.stdout, lines(AUTOMOUNT, ...CONTAINER, ...nsFindings));
  assert.equal(r.code, 0);
  // Input order does not matter; a LimitRange in a third file removes that finding.
  assert.equal(run(['check', '--no-config', 'ns.yaml', 'web.yaml']).stdout, lines(...nsFindings, AUTOMOUNT, ...CONTAINER));
  assert.equal(run(['check', '--no-config', 'web.yaml', 'ns.yaml', 'limits.yaml']).stdout, lines(AUTOMOUNT, ...CONTAINER, nsFindings[1]));
  // Everything together: only the container's own findings are left.
  assert.equal(run(['check', '--no-config', 'web.yaml', 'ns.yaml', 'limits.yaml', 'sa.yaml', 'deny.yaml']).stdout, lines(...CONTAINER));
});

test('.podsec.yaml: rule severities and off, category severities, hardening options', () => {
  const r = run(['check', '--config', 'raise.podsec.yaml', 'web.yaml']);
  assert.equal(r.stdout, lines(
    DENY_AT_WEB.replace('warning', 'info'),
    AUTOMOUNT,
    RESOURCES.replace('resources.requests.cpu', 'resources.requests.cpu, resources.limits.cpu'),
    READ_ONLY.replace('warning', 'error'),
  ));
  assert.equal(r.code, 1);
  assert.equal(r.stderr, '4 problems (1 error, 1 warning, 2 info, 0 hints) in 1 file\n');
  // `categories: {hardening: off}`: the network rule is another category and stays.
  assert.equal(run(['check', '--config', 'no-hardening.podsec.yaml', 'web.yaml']).stdout, lines(DENY_AT_WEB));
  // The nearest .podsec.yaml is found as before.
  assert.equal(run(['check', 'project/web.yaml']).stdout, lines(AUTOMOUNT, PULL, READ_ONLY).replace(/^web\.yaml/gm, path.join('project', 'web.yaml')));
});

test('--level runs no hardening rule: a manifest that passes the level gives no finding and exits 0', () => {
  const r = run(['check', '--no-config', '--level', 'restricted', 'web.yaml', 'ns.yaml']);
  assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', '0 problems (0 errors, 0 warnings, 0 info, 0 hints) in 2 files\n']);
  // Not even when the configuration raises hardening rules to errors; and no suppression comment is reported as
  // unused, whether it names a hardening rule, a Pod Security check, or nothing.
  write('stale.yaml', WEB
    .replace('          image: nginx:1.25', '          # podsec-disable-next-line privileged\n          image: nginx:1.25')
    .replace('            allowPrivilegeEscalation: false', '            # podsec-disable-next-line\n            allowPrivilegeEscalation: false'));
  assert.equal(run(['check', '--no-config', '--level', 'restricted', 'stale.yaml']).stdout, '');
  assert.match(run(['check', '--no-config', 'stale.yaml']).stderr, /, 2 hints\) in 1 file/);
  for (const args of [['--config', 'raise.podsec.yaml', 'web.yaml'], ['--no-config', 'suppressed.yaml']]) {
    const l = run(['check', '--level', 'baseline', ...args]);
    assert.deepEqual([l.code, l.stdout], [0, ''], args.join(' '));
  }
  // Its findings are still the level's, all errors.
  const bad = run(['check', '--no-config', '--level', 'restricted', '-'], WEB.replace('allowPrivilegeEscalation: false', 'allowPrivilegeEscalation: true'));
  assert.equal(bad.stdout, '<stdin>:17:39: error allowPrivilegeEscalation allowPrivilegeEscalation != false (container "app" must set securityContext.allowPrivilegeEscalation=false)\n');
  assert.equal(bad.code, 1);
});

test('suppression comments silence hardening findings; an unused one is a hint, counted in the summary', () => {
  const r = run(['check', '--no-config', 'suppressed.yaml']);
  assert.equal(r.stdout, lines(
    'suppressed.yaml:9:5: info automountServiceAccountToken pod should set automountServiceAccountToken=false (service account "web" is not among the inputs)',
    'suppressed.yaml:15:17: warning resources container "app" should set resources.limits.memory, resources.requests.memory, resources.requests.cpu',
    'suppressed.yaml:16:11: hint unusedDirective Unused podsec-disable-next-line directive (no imageTag problem on the next line)',
    'suppressed.yaml:17:18: info imagePullPolicy container "app" uses the mutable tag "1.25" with imagePullPolicy IfNotPresent (the default); set imagePullPolicy: Always or pin a digest',
  ));
  assert.equal(r.stderr, '4 problems (0 errors, 1 warning, 2 info, 1 hint) in 1 file\n');
  assert.equal(r.code, 0);
});

test('JSON: hardening findings carry their category and no Pod Security policy or mode', () => {
  const { findings } = JSON.parse(run(['check', '--no-config', '--format', 'json', 'web.yaml']).stdout);
  assert.deepEqual(findings.map((f: Record<string, unknown>) => [f.ruleId, f.category, f.severity, f.policy, f.mode]), [
    ['networkPolicyDefaultDeny', 'network', 'warning', null, null],
    ['automountServiceAccountToken', 'hardening', 'info', null, null],
    ['resources', 'hardening', 'warning', null, null],
    ['imagePullPolicy', 'hardening', 'info', null, null],
    ['readOnlyRootFilesystem', 'hardening', 'warning', null, null],
  ]);
  assert.deepEqual(findings[0].object, { kind: 'Deployment', name: 'web', namespace: 'shop' });
});

test('SARIF: rules carry their category as a tag; every result, hints and syntax errors included, has a ruleIndex', () => {
  // In namespace `api`, so that its networkPolicyDefaultDeny is not the one suppressed.yaml disables for `shop`.
  write('api.yaml', WEB.replace('namespace: shop', 'namespace: api'));
  const r = run(['check', '--no-config', '--format', 'sarif', 'api.yaml', 'web.yaml', 'suppressed.yaml', 'broken.yaml']);
  assert.equal(r.code, 1);
  const run0 = JSON.parse(r.stdout).runs[0];
  const rules: { id: string; properties: { tags: string[] }; defaultConfiguration: { level: string } }[] = run0.tool.driver.rules;
  const tagsOf = (id: string) => rules.find((x) => x.id === id)?.properties.tags;
  assert.deepEqual(tagsOf('readOnlyRootFilesystem'), ['security', 'kubernetes', 'hardening']);
  assert.deepEqual(tagsOf('networkPolicyDefaultDeny'), ['security', 'kubernetes', 'network']);
  assert.deepEqual(tagsOf('rbacWildcard'), ['security', 'kubernetes', 'rbac']);
  assert.deepEqual(tagsOf('privileged'), ['security', 'kubernetes', 'pss', 'baseline']);
  assert.deepEqual(tagsOf('unusedDirective'), ['syntax']);
  assert.equal(new Set(rules.map((x) => x.id)).size, rules.length);
  const results: { ruleId: string; ruleIndex: number; level: string; properties: { category: string } }[] = run0.results;
  assert.deepEqual([...new Set(results.map((x) => x.ruleId))].sort(), [
    'automountServiceAccountToken', 'imagePullPolicy', 'networkPolicyDefaultDeny', 'readOnlyRootFilesystem', 'resources', 'unusedDirective', 'yamlSyntax',
  ]);
  for (const res of results) {
    assert.equal(rules[res.ruleIndex]?.id, res.ruleId, res.ruleId);
    assert.deepEqual(rules[res.ruleIndex].properties.tags.filter((t) => t === res.properties.category), [res.properties.category]);
  }
  assert.deepEqual(results.filter((x) => x.ruleId === 'unusedDirective').map((x) => x.level), ['note']);
  assert.deepEqual(results.filter((x) => x.ruleId === 'resources').map((x) => x.level), ['warning', 'warning', 'warning']);
});
