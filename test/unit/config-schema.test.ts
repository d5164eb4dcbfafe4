/**
 * The JSON Schema of `.podsec.yaml` (what Red Hat YAML users see) must agree with parseConfig (what PodSec
 * enforces). A tiny validator for the draft-07 subset the schema uses checks both on the same examples.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { CONFIGURABLE_CATEGORIES, configurableRuleIds, parseConfig, RULE_SETTINGS } from '../../server/src/engine';
import { HARDENING_KEYS, POLICY_KEYS, TOP_LEVEL_KEYS } from '../../server/src/engine/config';

type Schema = Record<string, any>;
const schema: Schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../../schemas/podsec-config.schema.json'), 'utf8'));

const SUPPORTED = new Set([
  '$schema', 'title', 'description', 'markdownDescription', 'defaultSnippets', 'examples', 'definitions', '$ref', 'type', 'enum',
  'pattern', 'properties', 'additionalProperties', 'propertyNames', 'items', 'required', 'not', 'allOf',
]);

/** Errors of `value` against `s` (draft-07 subset; throws on keywords it does not know, so it cannot pass by ignoring them). */
function validate(value: unknown, s: Schema, at = '$'): string[] {
  for (const k of Object.keys(s)) if (!SUPPORTED.has(k)) throw new Error(`validator does not support "${k}" (at ${at})`);
  if (s.$ref) return validate(value, resolveRef(s.$ref), at);
  const errors: string[] = [];
  if (s.type) {
    const types: string[] = Array.isArray(s.type) ? s.type : [s.type];
    if (!types.includes(typeOf(value))) return [`${at}: expected ${types.join('|')}, got ${typeOf(value)}`];
  }
  if (s.enum && !s.enum.includes(value)) errors.push(`${at}: not in enum`);
  if (s.pattern && typeof value === 'string' && !new RegExp(s.pattern, 'u').test(value)) errors.push(`${at}: does not match ${s.pattern}`);
  if (Array.isArray(value) && s.items) value.forEach((v, i) => errors.push(...validate(v, s.items, `${at}[${i}]`)));
  if (typeOf(value) === 'object') {
    const obj = value as Record<string, unknown>;
    for (const r of s.required ?? []) if (!(r in obj)) errors.push(`${at}: missing ${r}`);
    for (const [k, v] of Object.entries(obj)) {
      if (s.propertyNames) errors.push(...validate(k, s.propertyNames, `${at}.${k}(name)`));
      if (s.properties && k in s.properties) errors.push(...validate(v, s.properties[k], `${at}.${k}`));
      else if (s.additionalProperties === false) errors.push(`${at}: unknown ${k}`);
      else if (typeof s.additionalProperties === 'object') errors.push(...validate(v, s.additionalProperties, `${at}.${k}`));
    }
  }
  for (const sub of s.allOf ?? []) errors.push(...validate(value, sub, at));
  if (s.not && validate(value, s.not, at).length === 0) errors.push(`${at}: matches a forbidden shape`);
  return errors;
}

function resolveRef(ref: string): Schema {
  const m = /^#\/definitions\/(.+)$/.exec(ref);
  if (!m || !schema.definitions[m[1]]) throw new Error(`unresolvable $ref ${ref}`);
  return schema.definitions[m[1]];
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v;
}

const VALID = [
  '',
  'policy: {enforce: restricted, warn: restricted, audit: baseline, version: v1.30, audit-version: latest}\n',
  'defaults:\n  enforce: privileged\n',
  'defaultNamespace: apps\n',
  'namespaces:\n  prod: {enforce: restricted, enforce-version: v1.29}\n  dev:\n    pod-security.kubernetes.io/warn: baseline\n  empty:\n',
  'rules:\n  privileged: off\n  runAsUser: warning\n  rbacWildcard: error\n  unusedDirective: off\n',
  'categories: {pss: off, hardening: info, network: warning, rbac: error}\n',
  'ignore:\n  - charts/**\n  - "*.tpl.yaml"\n',
  'rules:\nignore:\npolicy:\n',
  'hardening: {requireCpuLimits: true, requireImageDigest: false}\n',
  'hardening:\n  requireImageDigest: true\n',
  'hardening:\n',
];

const INVALID = [
  'polciy: {}\n',
  'policy: {enforce: strict}\n',
  'policy: {version: "1.30"}\n',
  'policy: {mode: enforce}\n',
  'policy: {}\ndefaults: {}\n',
  'defaultNamespace: Apps\n',
  'defaultNamespace: 12\n',
  'namespaces: {Prod: {}}\n',
  'namespaces: {prod: {owner: me}}\n',
  'namespaces: {prod: {enforce: restricted, pod-security.kubernetes.io/enforce: baseline}}\n',
  'namespaces: {prod: {warn-version: v2}}\n',
  'namespaces: [prod]\n',
  'rules: {privilegd: off}\n',
  'rules: {privileged: loud}\n',
  'rules: {privileged: false}\n',
  'rules: {yamlSyntax: off}\n',
  'categories: {syntax: off}\n',
  'categories: {pss: hint}\n',
  'ignore: vendor\n',
  'ignore: [3]\n',
  'ignore: ["  "]\n',
  'ignore: ["!keep.yaml"]\n',
  'hardening: {requireCpuLimits: yes}\n',
  'hardening: {requireImageDigest: "true"}\n',
  'hardening: {requireCPULimits: true}\n',
  'hardening: [requireCpuLimits]\n',
  '- a\n',
];

test('schema: draft-07, and every key of parseConfig is there with the same names', () => {
  assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
  assert.deepEqual(Object.keys(schema.properties).sort(), [...TOP_LEVEL_KEYS].sort());
  assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), configurableRuleIds().sort());
  assert.deepEqual(Object.keys(schema.properties.categories.properties).sort(), [...CONFIGURABLE_CATEGORIES].sort());
  assert.deepEqual(schema.definitions.setting.enum, [...RULE_SETTINGS]);
  assert.deepEqual(Object.keys(schema.definitions.policy.properties).sort(), [...POLICY_KEYS, 'version'].sort());
  assert.deepEqual(Object.keys(schema.properties.hardening.properties).sort(), [...HARDENING_KEYS].sort());
  const labels = Object.keys(schema.definitions.namespaceLabels.properties).sort();
  assert.deepEqual(labels, [...POLICY_KEYS, ...POLICY_KEYS.map((k) => `pod-security.kubernetes.io/${k}`)].sort());
});

test('schema: every setting has a description, and completions have snippets', () => {
  const missing: string[] = [];
  const walk = (s: Schema, at: string) => {
    for (const [k, v] of Object.entries<Schema>(s.properties ?? {})) {
      if (!v.description && !(v.$ref && resolveRef(v.$ref).description)) missing.push(`${at}.${k}`);
      walk(v.$ref ? resolveRef(v.$ref) : v, `${at}.${k}`);
    }
  };
  walk(schema, '$');
  assert.deepEqual(missing, []);
  assert.ok(schema.defaultSnippets?.length && schema.properties.namespaces.defaultSnippets?.length);
});

for (const text of VALID) {
  test(`schema and parseConfig both accept: ${JSON.stringify(text)}`, () => {
    assert.deepEqual(parseConfig(text).problems, []);
    assert.deepEqual(validate(parse(text) ?? null, schema), []);
  });
}

for (const text of INVALID) {
  test(`schema and parseConfig both reject: ${JSON.stringify(text)}`, () => {
    assert.notDeepEqual(parseConfig(text).problems, []);
    assert.notDeepEqual(validate(parse(text) ?? null, schema), []);
  });
}
