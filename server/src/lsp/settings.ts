/**
 * The `podsec.*` settings: read leniently from whatever the client sends (VS Code sends only the keys the user set,
 * see client/src/configuration.ts; other editors send a table or nothing), then merged over the workspace's
 * `.podsec.yaml` into the options the engine takes. Pure: no connection in here.
 */
import type { Labels, Level, NamespacePolicy, PodsecConfig, PolicyOptions, ResourceDefaults, RuleSetting } from '../engine';
import type { HardeningSettings } from '../engine/rules/hardening/rule';
import { DEFAULT_POLICY, isLevel, isValidVersion, LABEL_PREFIX, MODES } from '../engine';
import type { FixSettings } from './document-state';

/** Settings as the user wrote them; a missing key means "not set" (the config file or the default applies). */
export interface PodsecSettings {
  enforce?: Level;
  warn?: Level;
  audit?: Level;
  version?: string;
  defaultNamespace?: string;
  /** Namespace name -> `pod-security.kubernetes.io/*` labels. */
  namespaces?: Record<string, Labels>;
  maxFileSize?: number;
  rules?: Record<string, RuleSetting>;
  nonRootUserId?: number;
  /** `podsec.fix.resources`: what the resources fix writes (quantities as strings; the fix ignores invalid ones). */
  resourceDefaults?: Partial<ResourceDefaults>;
  /** `podsec.hardening.*`: options of the hardening rules (they win over the config file's `hardening:`). */
  hardening?: Partial<HardeningSettings>;
}

/** What one document is checked with. */
export interface EffectiveSettings {
  policy: PolicyOptions;
  /** Passed to lintParsed: rule severities, categories and the rest of the config file. */
  config: PodsecConfig;
  maxFileSize: number;
  fix: FixSettings;
}

export const DEFAULT_MAX_FILE_SIZE = 5_000_000;
export const DEFAULT_NON_ROOT_USER_ID = 1000;
const RULE_SETTINGS: readonly string[] = ['off', 'info', 'warning', 'error'];
const RESOURCE_KEYS: readonly (keyof ResourceDefaults)[] = ['cpuRequest', 'memoryRequest', 'memoryLimit', 'cpuLimit'];
const HARDENING_KEYS: readonly (keyof HardeningSettings)[] = ['requireCpuLimits', 'requireImageDigest'];
/** The short keys of `podsec.namespaces` entries, as the label suffixes they stand for. */
const LABEL_KEYS: readonly string[] = MODES.flatMap((m) => [m, `${m}-version`]);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Keeps the well-formed settings and drops the rest (a typo in one setting must not disable the others). */
export function readSettings(raw: unknown): PodsecSettings {
  const s: PodsecSettings = {};
  if (!isObject(raw)) return s;
  for (const mode of MODES) if (isLevel(raw[mode])) s[mode] = raw[mode] as Level;
  if (typeof raw.version === 'string' && isValidVersion(raw.version)) s.version = raw.version;
  if (nonEmptyString(raw.defaultNamespace)) s.defaultNamespace = raw.defaultNamespace.trim();
  if (isObject(raw.namespaces)) s.namespaces = namespaceLabels(raw.namespaces);
  if (typeof raw.maxFileSize === 'number' && Number.isFinite(raw.maxFileSize) && raw.maxFileSize > 0) s.maxFileSize = raw.maxFileSize;
  if (isObject(raw.rules)) {
    s.rules = Object.fromEntries(Object.entries(raw.rules).filter(([, v]) => typeof v === 'string' && RULE_SETTINGS.includes(v))) as Record<string, RuleSetting>;
  }
  const fix = raw.fix;
  if (isObject(fix) && Number.isInteger(fix.nonRootUserId) && (fix.nonRootUserId as number) > 0) s.nonRootUserId = fix.nonRootUserId as number;
  if (isObject(fix) && isObject(fix.resources)) {
    const resources = Object.fromEntries(RESOURCE_KEYS.filter((k) => nonEmptyString((fix.resources as Record<string, unknown>)[k])).map((k) => [k, ((fix.resources as Record<string, string>)[k]).trim()]));
    if (Object.keys(resources).length) s.resourceDefaults = resources;
  }
  if (isObject(raw.hardening)) {
    const hardening = Object.fromEntries(HARDENING_KEYS.filter((k) => typeof (raw.hardening as Record<string, unknown>)[k] === 'boolean').map((k) => [k, (raw.hardening as Record<string, boolean>)[k]]));
    if (Object.keys(hardening).length) s.hardening = hardening;
  }
  return s;
}

/**
 * `{"production": {"enforce": "restricted", "enforce-version": "v1.30"}}` -> the labels a Namespace manifest would
 * carry. Full label names are accepted too. Values are passed through unvalidated: an invalid label behaves as
 * the controller treats it (enforce fails closed), which is what the user would get from the real namespace.
 */
export function namespaceLabels(raw: Record<string, unknown>): Record<string, Labels> {
  const out: Record<string, Labels> = {};
  for (const [name, entry] of Object.entries(raw)) {
    if (!isObject(entry) || !name) continue;
    const labels: Record<string, string> = {};
    for (const [key, value] of Object.entries(entry)) {
      if (typeof value !== 'string') continue;
      if (LABEL_KEYS.includes(key)) labels[LABEL_PREFIX + key] = value;
      else if (key.startsWith(LABEL_PREFIX)) labels[key] = value;
    }
    out[name] = labels;
  }
  return out;
}

/** Settings win over the config file key by key; namespaces and rules are merged entry by entry. */
export function effectiveSettings(settings: PodsecSettings, file: PodsecConfig = {}): EffectiveSettings {
  const defaults = {} as NamespacePolicy;
  for (const mode of MODES) {
    const fromFile = file.defaults?.[mode];
    defaults[mode] = {
      level: settings[mode] ?? fromFile?.level ?? DEFAULT_POLICY[mode].level,
      version: settings.version ?? fromFile?.version ?? DEFAULT_POLICY[mode].version,
    };
  }
  const namespaces = { ...file.namespaces, ...settings.namespaces };
  const defaultNamespace = settings.defaultNamespace ?? file.defaultNamespace ?? 'default';
  const config: PodsecConfig = {
    ...file,
    defaults,
    defaultNamespace,
    namespaces,
    rules: { ...file.rules, ...settings.rules },
  };
  if (settings.hardening) config.hardening = { ...file.hardening, ...settings.hardening };
  return {
    policy: { defaults, defaultNamespace, configuredNamespaces: new Map(Object.entries(namespaces)) },
    config,
    maxFileSize: settings.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    fix: { nonRootUserId: settings.nonRootUserId ?? DEFAULT_NON_ROOT_USER_ID, ...(settings.resourceDefaults ? { resourceDefaults: settings.resourceDefaults } : {}) },
  };
}
