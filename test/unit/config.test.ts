import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  applyRuleSettings, configPolicyOptions, findConfigFile, isIgnored, LineIndex, lintText, NamespaceIndex, parseConfig,
  parseManifest, PolicyResolver,
} from '../../server/src/engine';
import type { Finding, PodsecConfig } from '../../server/src/engine';
import { rangeOf } from '../helpers';

/** Problems as `[line:col-line:col, message]`, comparable with rangeOf(). */
function problems(text: string): [string, string][] {
  const lines = new LineIndex(text);
  return parseConfig(text).problems.map((p) => {
    const s = lines.positionAt(p.span.start);
    const e = lines.positionAt(p.span.end);
    return [`${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`, p.message];
  });
}

const FULL = `# PodSec configuration
policy:
  enforce: restricted
  warn: restricted
  audit: baseline
  version: v1.30
  audit-version: latest
defaultNamespace: apps
namespaces:
  production: {enforce: restricted, enforce-version: v1.29}
  staging:
    pod-security.kubernetes.io/enforce: baseline
    pod-security.kubernetes.io/warn: restricted
  empty:
rules:
  privileged: warning
  runAsUser: off
  readOnlyRootFilesystem: error
  unusedDirective: off
categories:
  hardening: info
  rbac: off
hardening:
  requireCpuLimits: true
ignore:
  - charts/**
  - "*.tpl.yaml"
`;

test('parseConfig: a complete file reads into the config, short labels as full ones', () => {
  assert.deepEqual(parseConfig(FULL), {
    config: {
      defaults: {
        enforce: { level: 'restricted', version: 'v1.30' },
        warn: { level: 'restricted', version: 'v1.30' },
        audit: { level: 'baseline', version: 'latest' },
      },
      defaultNamespace: 'apps',
      namespaces: {
        production: { 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/enforce-version': 'v1.29' },
        staging: { 'pod-security.kubernetes.io/enforce': 'baseline', 'pod-security.kubernetes.io/warn': 'restricted' },
        empty: {},
      },
      rules: { privileged: 'warning', runAsUser: 'off', readOnlyRootFilesystem: 'error', unusedDirective: 'off' },
      categories: { hardening: 'info', rbac: 'off' },
      hardening: { requireCpuLimits: true },
      ignore: ['charts/**', '*.tpl.yaml'],
    },
    problems: [],
  });
});

test('parseConfig: `defaults` is an alias of `policy`; empty files and empty sections are fine', () => {
  assert.deepEqual(parseConfig('defaults: {enforce: privileged}\n'), { config: { defaults: { enforce: { level: 'privileged' } } }, problems: [] });
  assert.deepEqual(parseConfig(''), { config: {}, problems: [] });
  assert.deepEqual(parseConfig('# nothing yet\n'), { config: {}, problems: [] });
  assert.deepEqual(parseConfig('rules:\nignore:\n'), { config: { rules: {}, ignore: [] }, problems: [] });
});

test('parseConfig: unknown keys, with a suggestion when one is close', () => {
  const text = 'rule:\n  privileged: off\nlevel: restricted\n';
  assert.deepEqual(problems(text), [
    [rangeOf(text, 'rule'), 'Unknown key "rule" (did you mean "rules"?)'],
    [rangeOf(text, 'level'), 'Unknown key "level" (expected one of policy, defaults, defaultNamespace, namespaces, rules, categories, hardening, ignore)'],
  ]);
});

test('parseConfig: wrong types are reported on the value, and the rest of the file is still read', () => {
  const text = 'rules: [privileged]\ndefaultNamespace: 42\nignore: vendor\nnamespaces: prod\ncategories: {pss: off}\n';
  assert.deepEqual(problems(text), [
    [rangeOf(text, '[privileged]'), 'rules must be a mapping (got [privileged])'],
    [rangeOf(text, '42'), 'defaultNamespace must be a string (got 42)'],
    [rangeOf(text, 'vendor'), 'ignore must be a list (got vendor)'],
    [rangeOf(text, 'prod'), 'namespaces must be a mapping (got prod)'],
  ]);
  assert.deepEqual(parseConfig(text).config.categories, { pss: 'off' });
});

test('parseConfig: invalid levels and versions, with a hint for numbers that look like versions', () => {
  const text = 'policy:\n  enforce: strict\n  version: 1.30\n  warn-version: v2.0\n  mode: x\n';
  assert.deepEqual(problems(text), [
    [rangeOf(text, 'strict'), 'policy.enforce must be one of privileged, baseline, restricted (got strict)'],
    [rangeOf(text, '1.30'), 'policy.version must be "latest" or "v1.N" (got 1.30; write "v1.30")'],
    [rangeOf(text, 'v2.0'), 'policy.warn-version must be "latest" or "v1.N" (got v2.0)'],
    [rangeOf(text, 'mode'), 'Unknown key "mode" in policy (expected one of enforce, warn, audit, enforce-version, warn-version, audit-version, version)'],
  ]);
  assert.deepEqual(parseConfig(text).config.defaults, {});
});

test('parseConfig: rule ids and severities are checked; `off` is a string (YAML 1.2), `false` is not accepted', () => {
  const text = 'rules:\n  privilegd: off\n  hostPorts: loud\n  sysctls: false\n  yamlSyntax: off\n  hostNamespaces: off\n';
  assert.deepEqual(problems(text), [
    [rangeOf(text, 'privilegd'), 'Unknown rule "privilegd" (did you mean "privileged"?)'],
    [rangeOf(text, 'loud'), 'rules.hostPorts must be one of off, info, warning, error (got loud)'],
    [rangeOf(text, 'false'), 'rules.sysctls must be one of off, info, warning, error (got false)'],
    [rangeOf(text, 'yamlSyntax'), 'Unknown rule "yamlSyntax"'],
  ]);
  assert.deepEqual(parseConfig(text).config.rules, { hostNamespaces: 'off' });
});

test('parseConfig: categories are pss, hardening, network and rbac', () => {
  const text = 'categories:\n  networking: off\n  syntax: off\n  pss: hint\n';
  assert.deepEqual(problems(text), [
    [rangeOf(text, 'networking'), 'Unknown category "networking" (did you mean "network"?)'],
    [rangeOf(text, 'syntax'), 'Unknown category "syntax" (expected one of pss, hardening, network, rbac)'],
    [rangeOf(text, 'hint'), 'categories.pss must be one of off, info, warning, error (got hint)'],
  ]);
});

test('parseConfig: hardening options are true or false, with a suggestion for a misspelled one', () => {
  assert.deepEqual(parseConfig('hardening: {requireCpuLimits: false, requireImageDigest: true}\n'), {
    config: { hardening: { requireCpuLimits: false, requireImageDigest: true } },
    problems: [],
  });
  const text = 'hardening:\n  requireCPULimit: true\n  requireImageDigest: yes\n  requireCpuLimits: 1\n  pinImages: true\n';
  assert.deepEqual(problems(text), [
    [rangeOf(text, 'requireCPULimit'), 'Unknown key "requireCPULimit" in hardening (did you mean "requireCpuLimits"?)'],
    [rangeOf(text, 'yes'), 'hardening.requireImageDigest must be true or false (got yes)'],
    [rangeOf(text, '1'), 'hardening.requireCpuLimits must be true or false (got 1)'],
    [rangeOf(text, 'pinImages'), 'Unknown key "pinImages" in hardening (expected one of requireCpuLimits, requireImageDigest)'],
  ]);
  assert.deepEqual(parseConfig(text).config, { hardening: {} });
  assert.deepEqual(problems('hardening: [requireCpuLimits]\n'), [['1:12-1:30', 'hardening must be a mapping (got [requireCpuLimits])']]);
});

test('parseConfig: namespace names, label keys, label values and repeated labels', () => {
  const text = [
    'namespaces:',
    '  Prod_1: {enforce: restricted}',
    '  ok:',
    '    enforce: restricted',
    '    pod-security.kubernetes.io/enforce: baseline',
    '    pod-security.kubernetes.io/enforcer: baseline',
    '    owner: team-a',
    '    warn: strict',
    '    audit-version: latest',
    '',
  ].join('\n');
  assert.deepEqual(problems(text), [
    [rangeOf(text, 'Prod_1'), '"Prod_1" is not a valid namespace name (lowercase letters, digits and "-", at most 63 characters)'],
    [rangeOf(text, 'pod-security.kubernetes.io/enforce', 0), '"pod-security.kubernetes.io/enforce" and "enforce" are the same label: keep one'],
    [rangeOf(text, 'pod-security.kubernetes.io/enforcer'), 'Unknown label "pod-security.kubernetes.io/enforcer" in namespace "ok" (did you mean "pod-security.kubernetes.io/enforce"?)'],
    [rangeOf(text, 'owner'), 'Unknown label "owner" in namespace "ok" (expected one of enforce, warn, audit, enforce-version, warn-version, audit-version)'],
    [rangeOf(text, 'strict', 2), 'warn must be one of privileged, baseline, restricted (got strict)'],
  ]);
  assert.deepEqual(parseConfig(text).config.namespaces, {
    ok: { 'pod-security.kubernetes.io/enforce': 'restricted', 'pod-security.kubernetes.io/audit-version': 'latest' },
  });
});

test('parseConfig: ignore entries must be non-empty strings without negation; policy and defaults together', () => {
  const text = 'ignore:\n  - vendor\n  - 3\n  - "  "\n  - "!keep.yaml"\npolicy: {}\ndefaults: {}\n';
  assert.deepEqual(problems(text), [
    [rangeOf(text, '3'), 'Each ignore entry must be a string (got 3)'],
    [rangeOf(text, '"  "'), 'An ignore glob must not be empty'],
    [rangeOf(text, '"!keep.yaml"'), 'Negated globs ("!...") are not supported in ignore'],
    [rangeOf(text, 'defaults'), '"defaults" repeats "policy": they are the same setting, keep one'],
  ]);
  assert.deepEqual(parseConfig(text).config.ignore, ['vendor']);
});

test('parseConfig: syntax errors, duplicate keys and a root that is not a mapping', () => {
  const broken = 'rules:\n  privileged: off\n bad: 1\n';
  assert.deepEqual(problems(broken), [['3:1-3:2', 'All mapping items must start at the same column']]);
  assert.deepEqual(parseConfig(broken).config, {});
  const dup = 'rules: {privileged: off}\nrules: {}\n';
  assert.deepEqual(problems(dup), [[rangeOf(dup, 'rules', 1), 'Map keys must be unique']]);
  const list = '- rules\n';
  assert.deepEqual(problems(list), [[rangeOf(list, '- rules'), 'The configuration must be a mapping (got - rules)']]);
  assert.doesNotThrow(() => parseConfig('&a [*a, *a]\n: : :\n\t\u0000'));
});

test('parseConfig: aliases are followed', () => {
  const text = 'namespaces:\n  a: &strict {enforce: restricted}\n  b: *strict\n';
  assert.deepEqual(parseConfig(text).config.namespaces, {
    a: { 'pod-security.kubernetes.io/enforce': 'restricted' },
    b: { 'pod-security.kubernetes.io/enforce': 'restricted' },
  });
});

// ---- policy options -------------------------------------------------------------------------------------------

test('configPolicyOptions: policy defaults, default namespace and configured namespaces drive the resolver', () => {
  const { config } = parseConfig(FULL);
  const options = configPolicyOptions(config);
  assert.deepEqual(options.defaults, {
    enforce: { level: 'restricted', version: 'v1.30' },
    warn: { level: 'restricted', version: 'v1.30' },
    audit: { level: 'baseline', version: 'latest' },
  });
  const manifests = new NamespaceIndex();
  manifests.update('ns.yaml', parseManifest('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: staging\n  labels:\n    pod-security.kubernetes.io/enforce: privileged\n'));
  const resolver = new PolicyResolver(options, manifests);
  const prod = resolver.forNamespace('production');
  assert.deepEqual([prod.source, prod.enforce], ['config', { level: 'restricted', version: 'v1.29' }]);
  // A Namespace manifest among the inputs wins over the config's labels.
  assert.deepEqual([resolver.forNamespace('staging').source, resolver.forNamespace('staging').enforce.level], ['namespace', 'privileged']);
  const apps = resolver.forObject({});
  assert.deepEqual([apps.namespace, apps.source, apps.enforce.level, apps.audit.level], ['apps', 'default', 'restricted', 'baseline']);
});

test('configPolicyOptions: a version alone keeps the levels of the base; --level/--version stay on top', () => {
  const { config } = parseConfig('policy: {version: v1.25}\n');
  const options = configPolicyOptions(config, { level: 'restricted', version: 'v1.30' });
  assert.deepEqual(options.defaults!.enforce, { level: 'baseline', version: 'v1.25' });
  assert.deepEqual(options.defaults!.warn, { level: 'restricted', version: 'v1.25' });
  const decision = new PolicyResolver(options, new NamespaceIndex()).forNamespace('x');
  assert.deepEqual([decision.source, decision.enforce], ['level', { level: 'restricted', version: 'v1.30' }]);
  assert.deepEqual(configPolicyOptions({}).defaults!.enforce, { level: 'baseline', version: 'latest' });
});

// ---- severities -----------------------------------------------------------------------------------------------

function finding(ruleId: string, category: Finding['category'], severity: Finding['severity']): Finding {
  return { ruleId, category, severity, message: ruleId, span: { start: 0, end: 1 }, documentIndex: 0 };
}

const SAMPLE = [
  finding('privileged', 'pss', 'error'),
  finding('runAsUser', 'pss', 'warning'),
  finding('readOnlyRootFilesystem', 'hardening', 'warning'),
  finding('resources', 'hardening', 'warning'),
  finding('rbacWildcard', 'rbac', 'warning'),
  finding('yamlSyntax', 'syntax', 'error'),
  finding('unusedDirective', 'syntax', 'hint'),
];
const sev = (config: PodsecConfig) => applyRuleSettings(SAMPLE, config).map((f) => `${f.ruleId}:${f.severity}`);

test('applyRuleSettings: off removes, a severity replaces; a rule wins over its category', () => {
  assert.deepEqual(sev({ rules: { privileged: 'info', runAsUser: 'off', resources: 'error' }, categories: { hardening: 'info', rbac: 'off' } }), [
    'privileged:info', 'readOnlyRootFilesystem:info', 'resources:error', 'yamlSyntax:error', 'unusedDirective:hint',
  ]);
});

test('applyRuleSettings: the pss category can only switch PSS findings off; their mode keeps the severity', () => {
  assert.deepEqual(sev({ categories: { pss: 'info' } }).slice(0, 2), ['privileged:error', 'runAsUser:warning']);
  assert.deepEqual(sev({ categories: { pss: 'off' }, rules: { runAsUser: 'error' } }).slice(0, 2), ['runAsUser:error', 'readOnlyRootFilesystem:warning']);
});

test('applyRuleSettings: yamlSyntax is untouchable; unusedDirective can be set like a rule', () => {
  assert.deepEqual(sev({ rules: { yamlSyntax: 'off', unusedDirective: 'off' } as PodsecConfig['rules'] }).slice(-1), ['yamlSyntax:error']);
  assert.deepEqual(sev({ rules: { unusedDirective: 'warning' } }).slice(-1), ['unusedDirective:warning']);
  assert.deepEqual(applyRuleSettings(SAMPLE, {}), SAMPLE);
});

test('lintText with a config: suppression first (the directive counts as used), then severities', () => {
  const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  hostNetwork: true
  containers:
    - name: a
      image: nginx
      securityContext:
        # podsec-disable-next-line privileged
        privileged: true
        runAsUser: 0
`;
  // Pod Security checks only (hardening: false): the hardening rules' part is in lint-hardening.test.ts.
  const policy = new PolicyResolver({}, new NamespaceIndex());
  const warnings = ['allowPrivilegeEscalation:warning', 'capabilities_restricted:warning', 'runAsNonRoot:warning', 'seccompProfile_restricted:warning'];
  assert.deepEqual(lintText(text, { policy, hardening: false }).findings.map((f) => `${f.ruleId}:${f.severity}`), ['hostNamespaces:error', ...warnings, 'runAsUser:warning']);
  // privileged is off too, but the directive already suppressed it: no unusedDirective hint either way.
  const { config } = parseConfig('rules: {privileged: off, hostNamespaces: warning, runAsUser: error}\ncategories: {pss: warning}\n');
  assert.deepEqual(lintText(text, { policy, config, hardening: false }).findings.map((f) => `${f.ruleId}:${f.severity}`), ['hostNamespaces:warning', ...warnings, 'runAsUser:error']);
});

// ---- ignore globs ---------------------------------------------------------------------------------------------

test('isIgnored: names without a slash match at any depth, files or folders', () => {
  const config = { ignore: ['vendor', '*.tpl.yaml', '.github/'] };
  assert.equal(isIgnored('vendor/a.yaml', config), true);
  assert.equal(isIgnored('deploy/vendor/x/a.yaml', config), true);
  assert.equal(isIgnored('deploy/vendored/a.yaml', config), false);
  assert.equal(isIgnored('charts/app/deploy.tpl.yaml', config), true);
  assert.equal(isIgnored('charts/app/deploy.yaml', config), false);
  assert.equal(isIgnored('.github/workflows/ci.yaml', config), true);
});

test('isIgnored: globs with a slash are anchored at the config folder; ** and a leading / work', () => {
  const config = { ignore: ['charts/**', '/legacy', 'deploy/*/old.yaml', 'examples/**/*.json'] };
  assert.equal(isIgnored('charts', config), true);
  assert.equal(isIgnored('charts/a/b.yaml', config), true);
  assert.equal(isIgnored('sub/charts/b.yaml', config), false);
  assert.equal(isIgnored('legacy/x.yaml', config), true);
  assert.equal(isIgnored('sub/legacy/x.yaml', config), false);
  assert.equal(isIgnored('deploy/prod/old.yaml', config), true);
  assert.equal(isIgnored('deploy/prod/new.yaml', config), false);
  assert.equal(isIgnored('examples/a/b/c.json', config), true);
  assert.equal(isIgnored('examples/a/b/c.yaml', config), false);
});

test('isIgnored: Windows separators and ./ are normalised; paths outside the folder are never ignored', () => {
  const config = { ignore: ['charts/**', 'x.yaml'] };
  assert.equal(isIgnored('charts\\a\\b.yaml', config), true);
  assert.equal(isIgnored('./charts/b.yaml', config), true);
  assert.equal(isIgnored('../charts/b.yaml', config), false);
  assert.equal(isIgnored('/abs/x.yaml', config), false);
  assert.equal(isIgnored('C:\\x.yaml', config), false);
  assert.equal(isIgnored('a/x.yaml', {}), false);
});

// ---- upward lookup --------------------------------------------------------------------------------------------

test('findConfigFile: nearest folder upward, POSIX and Windows paths, undefined at the root', () => {
  const posix = new Set(['/repo/.podsec.yaml', '/repo/sub/.podsec.yaml']);
  const seen: string[] = [];
  assert.equal(findConfigFile('/repo/sub/deep/', (p) => (seen.push(p), posix.has(p))), '/repo/sub/.podsec.yaml');
  assert.deepEqual(seen, ['/repo/sub/deep/.podsec.yaml', '/repo/sub/.podsec.yaml']);
  assert.equal(findConfigFile('/repo/other', (p) => posix.has(p)), '/repo/.podsec.yaml');
  const visited: string[] = [];
  assert.equal(findConfigFile('/a/b', (p) => (visited.push(p), false)), undefined);
  assert.deepEqual(visited, ['/a/b/.podsec.yaml', '/a/.podsec.yaml', '/.podsec.yaml']);
  const win: string[] = [];
  assert.equal(findConfigFile('C:\\repo\\sub', (p) => (win.push(p), p === 'C:\\.podsec.yaml')), 'C:\\.podsec.yaml');
  assert.deepEqual(win, ['C:\\repo\\sub\\.podsec.yaml', 'C:\\repo\\.podsec.yaml', 'C:\\.podsec.yaml']);
});

test('property: parseConfig never throws and every problem span lies inside the text', () => {
  const piece = fc.constantFrom('policy:', 'rules:', 'namespaces:', 'ignore:', 'categories:', 'defaults:', ' enforce: x', '  prod:', ' - a',
    ' privileged: off', '{', '}', '[', ']', ',', ': ', '"', "'", '&a ', '*a', '!!str ', '? ', '\n', '\r\n', '  ', '\t', '1.30', 'null', '~');
  fc.assert(fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
    const text = pieces.join('');
    for (const p of parseConfig(text).problems) assert.ok(p.span.start >= 0 && p.span.end <= text.length && p.span.start <= p.span.end, JSON.stringify(p));
  }), { numRuns: 500 });
});

test('a deeply nested or huge configuration is refused with one problem, without parsing it', () => {
  const deep = `policy: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
  const r = parseConfig(deep);
  assert.deepEqual(r.config, {});
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0].message, /too large or nested too deeply/);
  assert.deepEqual(parseConfig('policy:\n  enforce: restricted\n').problems, []);
});
