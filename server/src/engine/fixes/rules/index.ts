/** The fix of each rule, listed explicitly (like rules/pss/index.ts), by rule id. */
import { allowPrivilegeEscalation } from './allowPrivilegeEscalation';
import { appArmorProfile } from './appArmorProfile';
import { automountServiceAccountToken } from './automountServiceAccountToken';
import { capabilities_baseline } from './capabilities_baseline';
import { capabilities_restricted } from './capabilities_restricted';
import type { RuleFixer } from './common';
import { hostNamespaces } from './hostNamespaces';
import { hostPathVolumes } from './hostPathVolumes';
import { hostPorts } from './hostPorts';
import { hostProbesAndHostLifecycle } from './hostProbesAndHostLifecycle';
import { imagePullPolicy } from './imagePullPolicy';
import { networkPolicyDefaultDeny } from './networkPolicyDefaultDeny';
import { privileged } from './privileged';
import { procMount } from './procMount';
import { procMount_restricted } from './procMount_restricted';
import { readOnlyRootFilesystem } from './readOnlyRootFilesystem';
import { resources } from './resources';
import { restrictedVolumes } from './restrictedVolumes';
import { runAsNonRoot } from './runAsNonRoot';
import { runAsUser } from './runAsUser';
import { seccompProfile_baseline } from './seccompProfile_baseline';
import { seccompProfile_restricted } from './seccompProfile_restricted';
import { seLinuxOptions } from './seLinuxOptions';
import { sysctls } from './sysctls';
import { windowsHostProcess } from './windowsHostProcess';

export const RULE_FIXERS: readonly RuleFixer[] = [
  appArmorProfile,
  capabilities_baseline,
  hostNamespaces,
  hostPathVolumes,
  hostPorts,
  hostProbesAndHostLifecycle,
  privileged,
  procMount,
  seLinuxOptions,
  seccompProfile_baseline,
  sysctls,
  windowsHostProcess,
  allowPrivilegeEscalation,
  capabilities_restricted,
  procMount_restricted,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seccompProfile_restricted,
  // Hardening and network rules (imageTag, limitRange, networkPolicyAllowAll and the RBAC rules have no fix:
  // nothing safe can be guessed for them).
  readOnlyRootFilesystem,
  resources,
  imagePullPolicy,
  automountServiceAccountToken,
  networkPolicyDefaultDeny,
];

const BY_ID = new Map(RULE_FIXERS.map((f) => [f.ruleId, f]));

export function ruleFixer(ruleId: string): RuleFixer | undefined {
  return BY_ID.get(ruleId);
}
