/** Turns the config's policy settings into the resolver's options. */
import { DEFAULT_POLICY, MODES, NamespacePolicy } from '../policy/namespace-policy';
import type { Labels } from '../policy/namespace-policy';
import type { PolicyOptions } from '../policy/resolver';
import type { PodsecConfig } from './types';

/**
 * The policy options a config file asks for, on top of `base` (the editor's settings, or nothing for the CLI):
 * what the file sets wins, level by level and version by version, because the CLI in CI reads the same file and
 * the editor should agree with it. `base.level`/`base.version` (the CLI's --level/--version) are kept as they are
 * and still override everything in the resolver.
 */
export function configPolicyOptions(config: PodsecConfig, base: PolicyOptions = {}): PolicyOptions {
  const from = base.defaults ?? DEFAULT_POLICY;
  const defaults = {} as NamespacePolicy;
  for (const mode of MODES) defaults[mode] = { ...from[mode], ...config.defaults?.[mode] };
  const namespaces = new Map<string, Labels>(base.configuredNamespaces ?? []);
  for (const [name, labels] of Object.entries(config.namespaces ?? {})) namespaces.set(name, labels);
  return {
    ...base,
    defaults,
    defaultNamespace: config.defaultNamespace ?? base.defaultNamespace,
    configuredNamespaces: namespaces,
  };
}
