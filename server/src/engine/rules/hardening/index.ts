/** The hardening, network and RBAC rules (not part of any Pod Security Standards profile), listed explicitly. */
import { automountServiceAccountToken } from './automountServiceAccountToken';
import { imagePullPolicy } from './imagePullPolicy';
import { imageTag } from './imageTag';
import { limitRange } from './limitRange';
import { networkPolicyAllowAll } from './networkPolicyAllowAll';
import { networkPolicyDefaultDeny } from './networkPolicyDefaultDeny';
import { rbacClusterAdmin } from './rbacClusterAdmin';
import { rbacDefaultServiceAccount } from './rbacDefaultServiceAccount';
import { rbacEscalation } from './rbacEscalation';
import { rbacSecrets } from './rbacSecrets';
import { rbacWildcard } from './rbacWildcard';
import { readOnlyRootFilesystem } from './readOnlyRootFilesystem';
import { resources } from './resources';
import type { HardeningRule } from './rule';

export const HARDENING_RULES: readonly HardeningRule[] = [
  readOnlyRootFilesystem,
  resources,
  imageTag,
  imagePullPolicy,
  automountServiceAccountToken,
  networkPolicyDefaultDeny,
  networkPolicyAllowAll,
  rbacWildcard,
  rbacSecrets,
  rbacEscalation,
  rbacClusterAdmin,
  rbacDefaultServiceAccount,
  limitRange,
];

export function hardeningRule(id: string): HardeningRule | undefined {
  return HARDENING_RULES.find((r) => r.id === id);
}
