/**
 * Pass and fail mutations for the 7 restricted checks, mirroring the controller's fixture generators
 * (test/fixtures_<check>.go) applied to the minimal restricted pod of each version.
 */
import type { CheckCases } from './generator';
import { container, ensureCapabilities, ensureSecurityContext, initContainer, Pod, podSC, sc, tweak } from './pod-model';

const DEFAULT_CAPABILITIES = ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'];
/** Every capability by name (SYS_TIME twice), which is still not `ALL`. */
const EVERY_CAPABILITY = [
  'SYS_TIME', 'SYS_MODULE', 'SYS_RAWIO', 'SYS_PACCT', 'SYS_ADMIN', 'SYS_NICE', 'SYS_RESOURCE', 'SYS_TIME', 'SYS_TTY_CONFIG', 'MKNOD',
  'AUDIT_WRITE', 'AUDIT_CONTROL', 'MAC_OVERRIDE', 'MAC_ADMIN', 'NET_ADMIN', 'SYSLOG', 'CHOWN', 'NET_RAW', 'DAC_OVERRIDE', 'FOWNER',
  'DAC_READ_SEARCH', 'FSETID', 'KILL', 'SETGID', 'SETUID', 'LINUX_IMMUTABLE', 'NET_BIND_SERVICE', 'NET_BROADCAST', 'IPC_LOCK',
  'IPC_OWNER', 'SYS_CHROOT', 'SYS_PTRACE', 'SYS_BOOT', 'LEASE', 'SETFCAP', 'WAKE_ALARM', 'BLOCK_SUSPEND',
];

/** One volume per allowed source; `volume0` has no source and is defaulted to emptyDir. */
const ALLOWED_VOLUMES = [
  { name: 'volume0' },
  { name: 'volume1', emptyDir: {} },
  { name: 'volume2', secret: { secretName: 'test' } },
  { name: 'volume3', persistentVolumeClaim: { claimName: 'test' } },
  { name: 'volume4', downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] } },
  { name: 'volume5', configMap: { name: 'test' } },
  { name: 'volume6', projected: { sources: [] } },
];

/** One forbidden source each, in the upstream order. */
const RESTRICTED_SOURCES: Record<string, unknown>[] = [
  { gcePersistentDisk: { pdName: 'test' } },
  { awsElasticBlockStore: { volumeID: 'test' } },
  { gitRepo: { repository: 'github.com/kubernetes/kubernetes' } },
  { nfs: { server: 'test', path: '/test' } },
  { iscsi: { targetPortal: 'test', iqn: 'iqn.2001-04.com.example:storage.kube.sys1.xyz', lun: 0 } },
  { glusterfs: { path: 'test', endpoints: 'test' } },
  { rbd: { monitors: ['test'], image: 'test' } },
  { flexVolume: { driver: 'test' } },
  { cinder: { volumeID: 'test' } },
  { cephfs: { monitors: ['test'] } },
  { flocker: { datasetName: 'test' } },
  { fc: { wwids: ['test'] } },
  { azureFile: { secretName: 'test', shareName: 'test' } },
  { vsphereVolume: { volumePath: 'test' } },
  { quobyte: { registry: 'localhost:1234', volume: 'test' } },
  { azureDisk: { diskName: 'test', diskURI: 'https://test.blob.core.windows.net/test/test.vhd' } },
  { portworxVolume: { volumeID: 'test', fsType: 'ext4' } },
  { scaleIO: { volumeName: 'test', gateway: 'localhost', system: 'test' } },
  { storageos: { volumeName: 'test' } },
  { hostPath: { path: '/dev/null' } },
];

const isWindows = (p: Pod) => p.spec.os?.name === 'windows';

export const RESTRICTED_CASES: CheckCases[] = [
  {
    check: 'allowPrivilegeEscalation',
    level: 'restricted',
    versions: [[8, {
      pass: () => [], // the minimal pod already sets it
      fail: (p) => isWindows(p) ? [] : [
        tweak(p, (q) => void (sc(container(q)).allowPrivilegeEscalation = true)),
        tweak(p, (q) => void (sc(initContainer(q)).allowPrivilegeEscalation = true)),
        tweak(p, (q) => void delete sc(container(q)).allowPrivilegeEscalation),
        tweak(p, (q) => void delete container(q).securityContext),
      ],
    }]],
  },
  {
    check: 'capabilities_restricted',
    level: 'restricted',
    versions: [[22, {
      expect: 'unrestricted capabilities',
      pass: (p) => [tweak(ensureCapabilities(p), (q) => {
        for (const c of [container(q), initContainer(q)]) sc(c).capabilities = { drop: ['ALL'], add: ['NET_BIND_SERVICE'] };
      })],
      fail: (p) => {
        const base = ensureCapabilities(p);
        return [
          tweak(base, (q) => void (sc(container(q)).capabilities!.drop = [])),
          tweak(base, (q) => void (sc(initContainer(q)).capabilities!.drop = [])),
          tweak(base, (q) => {
            for (const c of [container(q), initContainer(q)]) sc(c).capabilities!.drop = [...EVERY_CAPABILITY];
          }),
          // adding back any default capability other than NET_BIND_SERVICE
          tweak(base, (q) => {
            for (const c of [container(q), initContainer(q)]) sc(c).capabilities = { drop: ['ALL'], add: [...DEFAULT_CAPABILITIES] };
          }),
        ];
      },
    }]],
  },
  {
    check: 'procMount_restricted',
    level: 'restricted',
    versions: [[35, {
      expect: 'procMount',
      pass: (p) => [tweak(ensureSecurityContext(p), (q) => {
        for (const c of [container(q), initContainer(q)]) sc(c).procMount = 'Default';
        q.spec.hostUsers = false;
      })],
      // a user namespace does not relax restricted
      fail: (p) => [container, initContainer].map((pick) => tweak(ensureSecurityContext(p), (q) => {
        sc(pick(q)).procMount = 'Unmasked';
        q.spec.hostUsers = false;
      })),
    }]],
  },
  {
    check: 'restrictedVolumes',
    level: 'restricted',
    versions: [[0, {
      expect: 'restricted volume types',
      pass: (p) => [tweak(p, (q) => void (q.spec.volumes = structuredClone(ALLOWED_VOLUMES)))],
      fail: (p) => RESTRICTED_SOURCES.map((source) => tweak(p, (q) => void (q.spec.volumes = [{ name: 'volume1', ...structuredClone(source) }]))),
    }]],
  },
  {
    check: 'runAsNonRoot',
    level: 'restricted',
    versions: [[0, {
      pass: (p) => {
        const base = ensureSecurityContext(p);
        return [
          tweak(base, (q) => {
            podSC(q).runAsNonRoot = true;
            for (const c of [container(q), initContainer(q)]) delete sc(c).runAsNonRoot;
          }),
          tweak(base, (q) => {
            delete podSC(q).runAsNonRoot;
            for (const c of [container(q), initContainer(q)]) sc(c).runAsNonRoot = true;
          }),
        ];
      },
      fail: (p) => {
        const base = ensureSecurityContext(p);
        return [
          tweak(base, (q) => {
            delete podSC(q).runAsNonRoot;
            for (const c of [container(q), initContainer(q)]) delete sc(c).runAsNonRoot;
          }),
          tweak(base, (q) => void (podSC(q).runAsNonRoot = false)),
          tweak(base, (q) => void (sc(container(q)).runAsNonRoot = false)),
          tweak(base, (q) => void (sc(initContainer(q)).runAsNonRoot = false)),
        ];
      },
    }]],
  },
  {
    check: 'runAsUser',
    level: 'restricted',
    versions: [[23, {
      pass: (p) => [tweak(ensureSecurityContext(p), (q) => {
        podSC(q).runAsUser = 1000;
        for (const c of [container(q), initContainer(q)]) sc(c).runAsUser = 1000;
      })],
      fail: (p) => {
        const base = ensureSecurityContext(p);
        return [
          tweak(base, (q) => void (podSC(q).runAsUser = 0)),
          tweak(base, (q) => void (sc(container(q)).runAsUser = 0)),
          tweak(base, (q) => void (sc(initContainer(q)).runAsUser = 0)),
        ];
      },
    }]],
  },
  {
    check: 'seccompProfile_restricted',
    level: 'restricted',
    versions: [[19, {
      expect: 'seccompProfile',
      pass: (p) => {
        const base = ensureSecurityContext(p);
        return [
          tweak(base, (q) => void (podSC(q).seccompProfile = { type: 'RuntimeDefault' })),
          tweak(base, (q) => void (podSC(q).seccompProfile = { type: 'Localhost', localhostProfile: 'testing' })),
          tweak(base, (q) => {
            delete podSC(q).seccompProfile;
            sc(container(q)).seccompProfile = { type: 'RuntimeDefault' };
            sc(initContainer(q)).seccompProfile = { type: 'Localhost', localhostProfile: 'testing' };
          }),
        ];
      },
      fail: (p) => {
        const base = ensureSecurityContext(p);
        const unsetAtPod = (change: (q: Pod) => void = () => {}) => tweak(base, (q) => {
          delete podSC(q).seccompProfile;
          change(q);
        });
        return [
          unsetAtPod(), // nowhere
          tweak(base, (q) => void (podSC(q).seccompProfile = { type: 'Unconfined' })),
          unsetAtPod((q) => void (sc(container(q)).seccompProfile = { type: 'RuntimeDefault' })), // init container unset
          unsetAtPod((q) => void (sc(initContainer(q)).seccompProfile = { type: 'RuntimeDefault' })), // container unset
          unsetAtPod((q) => {
            sc(container(q)).seccompProfile = { type: 'RuntimeDefault' };
            sc(initContainer(q)).seccompProfile = { type: 'Unconfined' };
          }),
        ];
      },
    }]],
  },
];
