/**
 * The controller's full object text for a selection of the rebuilt upstream fail fixtures, written out by hand
 * from the controller's formatting rules (reference 2.6, 3 and 4): every check's wording is pinned at least once.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtures } from './generator';
import type { FixtureLevel } from './minimal-pods';
import { renderPod } from './pod-model';
import { summaryOf } from './summary';

const CASES: [FixtureLevel, number, string, string][] = [
  ['restricted', 35, 'capabilities_restricted2', 'unrestricted capabilities (containers "initcontainer1", "container1" must set securityContext.capabilities.drop=["ALL"])'],
  ['restricted', 35, 'capabilities_restricted3',
    'unrestricted capabilities (containers "initcontainer1", "container1" must not include "AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", ' +
    '"FSETID", "KILL", "MKNOD", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT" in securityContext.capabilities.add)'],
  ['restricted', 22, 'capabilities_baseline0', 'unrestricted capabilities (container "container1" must not include "NET_RAW" in securityContext.capabilities.add)'],
  ['restricted', 8, 'allowprivilegeescalation3', 'allowPrivilegeEscalation != false (container "container1" must set securityContext.allowPrivilegeEscalation=false)'],
  ['restricted', 19, 'seccompprofile_restricted0',
    'seccompProfile (pod or containers "initcontainer1", "container1" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")'],
  ['restricted', 19, 'seccompprofile_restricted1', 'seccompProfile (pod must not set securityContext.seccompProfile.type to "Unconfined")'],
  ['restricted', 25, 'seccompprofile_restricted4', 'seccompProfile (container "initcontainer1" must not set securityContext.seccompProfile.type to "Unconfined")'],
  ['restricted', 0, 'restrictedvolumes19', 'restricted volume types (volume "volume1" uses restricted volume type "hostPath")'],
  ['restricted', 0, 'hostpathvolumes1', 'restricted volume types (volumes "volume-hostpath-a", "volume-hostpath-b" use restricted volume type "hostPath")'],
  ['restricted', 23, 'runasuser0', 'runAsUser=0 (pod must not set runAsUser=0)'],
  ['restricted', 0, 'runasnonroot1', 'runAsNonRoot != true (pod must not set securityContext.runAsNonRoot=false)'],
  ['restricted', 35, 'procmount_restricted1', 'procMount (container "initcontainer1" must not set securityContext.procMount to "Unmasked")'],
  ['restricted', 22, 'privileged0',
    'privileged (container "container1" must not set securityContext.privileged=true), ' +
    'allowPrivilegeEscalation != false (container "container1" must set securityContext.allowPrivilegeEscalation=false)'],
  ['baseline', 0, 'windowshostprocess1',
    'host namespaces (hostNetwork=true), hostProcess (containers "initcontainer1", "container1" must not set securityContext.windowsOptions.hostProcess=true)'],
  ['baseline', 34, 'hostprobesandhostlifecycle3', 'probe or lifecycle host (container "container1" uses probe or lifecycle host "127.0.0.1")'],
  ['baseline', 0, 'seccompprofile_baseline0', 'seccompProfile (forbidden annotation seccomp.security.alpha.kubernetes.io/pod="unconfined")'],
  ['baseline', 19, 'seccompprofile_baseline2', 'seccompProfile (container "initcontainer1" must not set securityContext.seccompProfile.type to "Unconfined")'],
  ['baseline', 0, 'hostports2', 'hostPort (containers "initcontainer1", "container1" use hostPorts 12345, 12346)'],
  ['baseline', 0, 'selinuxoptions0', 'seLinuxOptions (pod set forbidden securityContext.seLinuxOptions: type "somevalue")'],
  ['baseline', 0, 'apparmorprofile0',
    'forbidden AppArmor profile (annotation must not set AppArmor profile type to "container.apparmor.security.beta.kubernetes.io/container1="unconfined"")'],
  ['baseline', 0, 'sysctls0', 'forbidden sysctls (othersysctl)'],
  ['baseline', 0, 'capabilities_baseline3', 'non-default capabilities (container "container1" must not include "CAP_CHOWN" in securityContext.capabilities.add)'],
  ['baseline', 0, 'hostnamespaces0', 'host namespaces (hostIPC=true)'],
  ['baseline', 0, 'hostpathvolumes0', 'hostPath volumes (volume "volume-hostpath")'],
  ['baseline', 35, 'procmount0', 'procMount (container "container1" must not set securityContext.procMount to "Unmasked")'],
];

for (const [level, minor, name, expected] of CASES) {
  test(`summary: ${level} v1.${minor} fail/${name}`, () => {
    const c = fixtures(level, minor).find((f) => f.outcome === 'fail' && f.name === name);
    assert.ok(c, 'no such fixture');
    assert.equal(summaryOf(renderPod(name, c.pod), level, `v1.${minor}`), expected);
  });
}
