/**
 * The options of the hardening, network and RBAC rules that a config file sets: the `hardening:` options, the
 * default namespace, and the rules that are turned off (by their own setting, or by their category's when they
 * have none), which are then not run at all. The caller adds the workspace and the file name.
 */
import type { HardeningOptions } from '../evaluate-hardening';
import { HARDENING_RULES } from '../rules/hardening';
import { settingFor } from './severities';
import type { PodsecConfig } from './types';

export type ConfigHardeningOptions = Required<Pick<HardeningOptions, 'settings' | 'disabled'>> & Pick<HardeningOptions, 'defaultNamespace'>;

export function configHardeningOptions(config: PodsecConfig): ConfigHardeningOptions {
  return {
    ...(config.defaultNamespace ? { defaultNamespace: config.defaultNamespace } : {}),
    settings: { ...config.hardening },
    disabled: disabledHardeningRules(config),
  };
}

/** Ids of the hardening rules whose effective setting is `off`. */
export function disabledHardeningRules(config: PodsecConfig): Set<string> {
  return new Set(HARDENING_RULES.filter((r) => settingFor(r.id, r.category, config) === 'off').map((r) => r.id));
}
