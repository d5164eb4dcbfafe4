/**
 * Resolves the enforce / warn / audit policy of a namespace from its `pod-security.kubernetes.io/*` labels,
 * the way the admission controller does (api/helpers.go): invalid enforce fails closed (restricted), invalid
 * warn/audit fail open (privileged), invalid versions mean `latest`, and warn follows a stricter enforce.
 */
import type { Level, Mode } from '../types';
import { isLevel, levelRank } from './levels';
import { isValidVersion } from './version';

export interface ModePolicy {
  level: Level;
  /** As written: `latest` or `v1.N`. */
  version: string;
}

export type NamespacePolicy = Record<Mode, ModePolicy>;

export interface ResolvedPolicy extends NamespacePolicy {
  /** Problems with the labels, in the controller's words. */
  labelErrors: string[];
}

export const MODES: readonly Mode[] = ['enforce', 'warn', 'audit'];
export const LABEL_PREFIX = 'pod-security.kubernetes.io/';

/**
 * The tool's default when nothing says otherwise. The cluster's own default (privileged everywhere) would make a
 * linter silent, so PodSec assumes enforce baseline and warn restricted, at latest.
 */
export const DEFAULT_POLICY: NamespacePolicy = {
  enforce: { level: 'baseline', version: 'latest' },
  warn: { level: 'restricted', version: 'latest' },
  audit: { level: 'privileged', version: 'latest' },
};

export type Labels = Readonly<Record<string, string>>;

/** True when any of the six Pod Security labels is present. */
export function hasPodSecurityLabels(labels: Labels | undefined): boolean {
  return !!labels && Object.keys(labels).some((k) => k.startsWith(LABEL_PREFIX));
}

export function resolveNamespacePolicy(labels: Labels | undefined, defaults: NamespacePolicy = DEFAULT_POLICY): ResolvedPolicy {
  const labelErrors: string[] = [];
  const result = { labelErrors } as ResolvedPolicy;
  const get = (key: string): string | undefined => labels?.[LABEL_PREFIX + key];
  for (const mode of MODES) {
    const levelLabel = get(mode);
    const versionLabel = get(`${mode}-version`);
    let level = defaults[mode].level;
    if (levelLabel !== undefined) {
      if (isLevel(levelLabel)) level = levelLabel;
      else {
        level = mode === 'enforce' ? 'restricted' : 'privileged';
        labelErrors.push(`${LABEL_PREFIX}${mode}: must be one of privileged, baseline, restricted`);
      }
    }
    let version = defaults[mode].version;
    if (versionLabel !== undefined) {
      if (isValidVersion(versionLabel)) version = versionLabel;
      else {
        version = 'latest';
        labelErrors.push(`${LABEL_PREFIX}${mode}-version: must be "latest" or "v1.x"`);
      }
    }
    result[mode] = { level, version };
  }
  // Warn follows enforce (controllers since 1.26): a valid, stricter enforce with no warn label raises warn. PodSec's
  // default warn level stands in for the cluster's (privileged) default, so an enforce label of the same level takes
  // warn along too: a namespace pinned to `restricted:v1.30` warns at v1.30, as it would on a stock cluster.
  const enforceLabel = get('enforce');
  if (enforceLabel !== undefined && isLevel(enforceLabel) && get('warn') === undefined
    && levelRank(result.enforce.level) >= levelRank(result.warn.level) && result.enforce.level !== 'privileged') {
    result.warn = {
      level: result.enforce.level,
      version: get('warn-version') !== undefined ? result.warn.version : result.enforce.version,
    };
  }
  return result;
}

/** Every mode at one level and version (the CLI's --level). */
export function uniformPolicy(level: Level, version: string): ResolvedPolicy {
  return { enforce: { level, version }, warn: { level: 'privileged', version }, audit: { level: 'privileged', version }, labelErrors: [] };
}
