/**
 * The Pod Security Standards checks, listed explicitly (no side-effect registration), in the controller's
 * reporting order: baseline ids by byte order, then restricted ids by byte order. The registry validates this list.
 */
import type { PssRule } from '../rule';
import { allowPrivilegeEscalation } from './allowPrivilegeEscalation';
import { appArmorProfile } from './appArmorProfile';
import { capabilities_baseline } from './capabilities_baseline';
import { capabilities_restricted } from './capabilities_restricted';
import { hostNamespaces } from './hostNamespaces';
import { hostPathVolumes } from './hostPathVolumes';
import { hostPorts } from './hostPorts';
import { hostProbesAndHostLifecycle } from './hostProbesAndHostLifecycle';
import { privileged } from './privileged';
import { procMount } from './procMount';
import { procMount_restricted } from './procMount_restricted';
import { restrictedVolumes } from './restrictedVolumes';
import { runAsNonRoot } from './runAsNonRoot';
import { runAsUser } from './runAsUser';
import { seccompProfile_baseline } from './seccompProfile_baseline';
import { seccompProfile_restricted } from './seccompProfile_restricted';
import { seLinuxOptions } from './seLinuxOptions';
import { sysctls } from './sysctls';
import { windowsHostProcess } from './windowsHostProcess';

export const PSS_RULES: readonly PssRule[] = [
  // baseline
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
  // restricted
  allowPrivilegeEscalation,
  capabilities_restricted,
  procMount_restricted,
  restrictedVolumes,
  runAsNonRoot,
  runAsUser,
  seccompProfile_restricted,
];
