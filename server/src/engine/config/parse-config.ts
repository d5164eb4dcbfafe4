/**
 * Reads and validates `.podsec.yaml`. The file is YAML 1.2 (so `off` stays a string):
 *
 * ```yaml
 * policy:                      # or `defaults:`; fallback for namespaces without Pod Security labels
 *   enforce: baseline          # privileged | baseline | restricted, also warn: and audit:
 *   version: v1.30             # latest | v1.N, for every mode; enforce-version: etc. per mode
 * defaultNamespace: apps       # namespace of objects without metadata.namespace
 * namespaces:                  # namespaces that live outside the repository
 *   production: {enforce: restricted, enforce-version: v1.30}
 *   staging:
 *     pod-security.kubernetes.io/enforce: baseline
 * rules: {runAsUser: warning, seccompProfile_restricted: off}
 * categories: {hardening: off} # pss | hardening | network | rbac
 * hardening:                   # options of the hardening rules
 *   requireCpuLimits: true     # resources also asks for a CPU limit (default false)
 *   requireImageDigest: true   # imageTag also asks for an @sha256 digest (default false)
 * ignore: ["charts/**", vendor] # globs relative to this file's folder
 * ```
 *
 * Pure: text in, config and problems out. Every mistake (syntax, unknown key, wrong type, invalid level, version,
 * rule id, severity, namespace name) becomes a problem with the exact span of what is wrong; the entry is left out
 * of the config and the rest is still read.
 */
import { isScalar, parseDocument } from 'yaml';
import { isLevel, LEVELS } from '../policy/levels';
import { LABEL_PREFIX, MODES } from '../policy/namespace-policy';
import { isValidVersion } from '../policy/version';
import type { HardeningSettings } from '../rules/hardening/rule';
import type { Level, Mode, Span } from '../types';
import { ConfigReader, Entry } from './config-reader';
import { CONFIGURABLE_CATEGORIES, configurableRuleIds } from './rule-catalog';
import { ParsedConfig, PodsecConfig, PolicyDefaults, RULE_SETTINGS, RuleSetting } from './types';

export const TOP_LEVEL_KEYS = ['policy', 'defaults', 'defaultNamespace', 'namespaces', 'rules', 'categories', 'hardening', 'ignore'] as const;
/** Keys of `hardening:`: every option of the hardening rules (a Record, so a new option cannot be forgotten here). */
const HARDENING_OPTIONS: Record<keyof HardeningSettings, true> = { requireCpuLimits: true, requireImageDigest: true };
export const HARDENING_KEYS = Object.keys(HARDENING_OPTIONS) as (keyof HardeningSettings)[];
/** Keys of `policy:` and the short form of a namespace's labels. */
export const POLICY_KEYS = ['enforce', 'warn', 'audit', 'enforce-version', 'warn-version', 'audit-version'] as const;
/** RFC 1123 label, what Kubernetes accepts as a namespace name. */
export const NAMESPACE_NAME = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** A configuration is small and shallow; anything else is refused before the `yaml` composer could overflow its stack. */
const MAX_CONFIG_LENGTH = 1_000_000;
const MAX_CONFIG_DEPTH = 64;

/** Deepest flow nesting or block indentation (in levels of at least one space), ignoring quoted text and comments. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let quote: string | undefined;
  let comment = false;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') { comment = false; lineStart = true; indent = 0; continue; }
    if (lineStart) {
      if (c === ' ' || c === '-') { indent++; continue; }
      lineStart = false;
      max = Math.max(max, Math.floor(indent / 2));
    }
    if (comment) continue;
    if (quote) { if (c === quote) quote = undefined; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#') comment = true;
    else if (c === '[' || c === '{') max = Math.max(max, ++depth);
    else if (c === ']' || c === '}') depth = Math.max(0, depth - 1);
  }
  return max;
}

export function parseConfig(text: string): ParsedConfig {
  if (text.length > MAX_CONFIG_LENGTH || nestingDepth(text) > MAX_CONFIG_DEPTH) {
    return { config: {}, problems: [{ message: 'The configuration is too large or nested too deeply to be a PodSec configuration', span: { start: 0, end: Math.min(text.length, 1) } }] };
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, strict: true });
  const syntax = [...doc.errors, ...doc.warnings].map((e) => ({ message: firstLine(e.message), span: errorSpan(text, e.code, e.pos) }));
  // A file that is not valid YAML is not read further: what the parser recovered would only add confusing problems.
  if (doc.errors.length) return { config: {}, problems: syntax };
  const reader = new ConfigReader(doc, text);
  const config: PodsecConfig = {};
  const whole = { start: 0, end: text.length };
  const root = reader.entries(doc.contents ?? undefined, whole, 'The configuration');
  let policyKey: Entry | undefined;
  for (const entry of root ?? []) {
    switch (entry.key) {
      case 'policy':
      case 'defaults':
        if (policyKey) {
          reader.report(entry.keySpan, `"${entry.key}" repeats "${policyKey.key}": they are the same setting, keep one`);
          break;
        }
        policyKey = entry;
        config.defaults = readPolicy(reader, entry);
        break;
      case 'defaultNamespace': {
        const name = reader.string(entry, 'defaultNamespace');
        if (name !== undefined && checkNamespaceName(reader, name, entry.valueSpan)) config.defaultNamespace = name;
        break;
      }
      case 'namespaces':
        config.namespaces = readNamespaces(reader, entry);
        break;
      case 'rules':
        config.rules = readSettings(reader, entry, configurableRuleIds(), 'rule');
        break;
      case 'categories':
        config.categories = readSettings(reader, entry, CONFIGURABLE_CATEGORIES, 'category');
        break;
      case 'hardening':
        config.hardening = readHardening(reader, entry);
        break;
      case 'ignore':
        config.ignore = readIgnore(reader, entry);
        break;
      default:
        reader.unknownKey(entry, TOP_LEVEL_KEYS, 'key');
    }
  }
  return { config, problems: [...syntax, ...reader.problems] };
}

function readPolicy(reader: ConfigReader, entry: Entry): PolicyDefaults {
  const out: PolicyDefaults = {};
  let shared: string | undefined;
  const perMode: Partial<Record<Mode, string>> = {};
  for (const e of reader.entries(entry.value, entry.valueSpan, entry.key) ?? []) {
    if (e.key === 'version') {
      shared = readVersion(reader, e, `${entry.key}.version`);
      continue;
    }
    const mode = MODES.find((m) => m === e.key);
    const versionOf = MODES.find((m) => `${m}-version` === e.key);
    if (mode) {
      const level = readLevel(reader, e, `${entry.key}.${mode}`);
      if (level) out[mode] = { ...out[mode], level };
    } else if (versionOf) {
      const v = readVersion(reader, e, `${entry.key}.${e.key}`);
      if (v) perMode[versionOf] = v;
    } else {
      reader.unknownKey(e, [...POLICY_KEYS, 'version'], 'key', entry.key);
    }
  }
  for (const mode of MODES) {
    const version = perMode[mode] ?? shared;
    if (version) out[mode] = { ...out[mode], version };
  }
  return out;
}

function readNamespaces(reader: ConfigReader, entry: Entry): PodsecConfig['namespaces'] {
  const out: Record<string, Record<string, string>> = {};
  for (const ns of reader.entries(entry.value, entry.valueSpan, 'namespaces') ?? []) {
    if (!checkNamespaceName(reader, ns.key, ns.keySpan)) continue;
    const labels: Record<string, string> = {};
    const writtenAs = new Map<string, string>();
    for (const e of reader.entries(ns.value, ns.valueSpan, `namespaces.${ns.key}`) ?? []) {
      const short = e.key.startsWith(LABEL_PREFIX) ? e.key.slice(LABEL_PREFIX.length) : e.key;
      if (!(POLICY_KEYS as readonly string[]).includes(short)) {
        const known = e.key.startsWith(LABEL_PREFIX) ? POLICY_KEYS.map((k) => LABEL_PREFIX + k) : [...POLICY_KEYS];
        reader.unknownKey(e, known, 'label', `namespace "${ns.key}"`);
        continue;
      }
      const label = LABEL_PREFIX + short;
      const earlier = writtenAs.get(label);
      if (earlier !== undefined) {
        reader.report(e.keySpan, `"${e.key}" and "${earlier}" are the same label: keep one`);
        continue;
      }
      writtenAs.set(label, e.key);
      const value = short.endsWith('-version') ? readVersion(reader, e, e.key) : readLevel(reader, e, e.key);
      if (value) labels[label] = value;
    }
    out[ns.key] = labels;
  }
  return out;
}

function readSettings(reader: ConfigReader, entry: Entry, known: readonly string[], what: string): Record<string, RuleSetting> {
  const out: Record<string, RuleSetting> = {};
  for (const e of reader.entries(entry.value, entry.valueSpan, entry.key) ?? []) {
    if (!known.includes(e.key)) {
      reader.unknownKey(e, known, what);
      continue;
    }
    const setting = reader.oneOf(e, RULE_SETTINGS, `${entry.key}.${e.key}`);
    // A Pod Security finding's severity comes from its namespace's mode; the category can only be switched off.
    if (what === 'category' && e.key === 'pss' && setting && setting !== 'off') reader.report(e.valueSpan, 'categories.pss can only be off: a Pod Security finding\'s severity comes from its namespace\'s mode (set one rule\'s severity under rules: instead)');
    else if (setting) out[e.key] = setting;
  }
  return out;
}

function readHardening(reader: ConfigReader, entry: Entry): Partial<HardeningSettings> {
  const out: Partial<HardeningSettings> = {};
  for (const e of reader.entries(entry.value, entry.valueSpan, 'hardening') ?? []) {
    const key = HARDENING_KEYS.find((k) => k === e.key);
    if (!key) {
      reader.unknownKey(e, HARDENING_KEYS, 'key', 'hardening');
      continue;
    }
    const value = reader.boolean(e, `hardening.${key}`);
    if (value !== undefined) out[key] = value;
  }
  return out;
}

function readIgnore(reader: ConfigReader, entry: Entry): string[] {
  const out: string[] = [];
  for (const item of reader.items(entry, 'ignore') ?? []) {
    const glob = reader.string(item, 'Each ignore entry');
    if (glob === undefined) continue;
    if (!glob.trim()) reader.report(item.valueSpan, 'An ignore glob must not be empty');
    else if (glob.startsWith('!')) reader.report(item.valueSpan, 'Negated globs ("!...") are not supported in ignore');
    // minimatch reads `\` as an escape: `deploy\legacy\*.yaml` would match nothing, silently.
    else if (glob.includes('\\')) reader.report(item.valueSpan, 'Ignore globs use "/" between folders, on Windows too ("\\" escapes the next character)');
    else out.push(glob);
  }
  return out;
}

function readLevel(reader: ConfigReader, entry: Entry, what: string): Level | undefined {
  const level = reader.oneOf(entry, LEVELS, what);
  return level !== undefined && isLevel(level) ? level : undefined;
}

function readVersion(reader: ConfigReader, entry: Entry, what: string): string | undefined {
  const v = entry.value;
  const written = reader.source(v);
  const s = isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
  if (s !== undefined && isValidVersion(s)) return s;
  // `1.30` reads as the number 1.3: say how to write it.
  const asVersion = /^1\.\d+$/.test(written) ? `; write "v${written}"` : '';
  reader.report(entry.valueSpan, `${what} must be "latest" or "v1.N" (got ${written}${asVersion})`);
  return undefined;
}

function checkNamespaceName(reader: ConfigReader, name: string, span: Span): boolean {
  if (NAMESPACE_NAME.test(name)) return true;
  reader.report(span, `"${name}" is not a valid namespace name (lowercase letters, digits and "-", at most 63 characters)`);
  return false;
}

const KEY_TOKEN = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s:,[\]{}#]+)/;

/**
 * Where to show a YAML error: yaml points at the first character of a repeated key (cover the whole key), and at
 * the very end of the file for what is left unclosed (show the last character written instead, on a real line).
 */
function errorSpan(text: string, code: string, pos: [number, number]): Span {
  const start = pos[0];
  const end = Math.max(pos[0], pos[1]);
  const written = text.trimEnd().length;
  if (start >= written && written > 0) return { start: written - 1, end: written };
  if (code !== 'DUPLICATE_KEY') return { start, end };
  const key = KEY_TOKEN.exec(text.slice(start, start + 1000));
  return { start, end: key ? start + key[0].length : end };
}

function firstLine(message: string): string {
  const i = message.indexOf('\n');
  return i < 0 ? message : message.slice(0, i);
}
