/**
 * Pass and fail mutations for the 12 baseline checks, mirroring the controller's fixture generators
 * (test/fixtures_<check>.go): each takes the minimal valid pod of the level and version and changes as little as
 * possible. They also run under restricted, where a few are reported by the restricted check that overrides them.
 */
import type { CheckCases } from './generator';
import { container, ensureAnnotations, ensureCapabilities, ensureSecurityContext, ensureSELinuxOptions, initContainer, Pod, podSC, sc, tweak } from './pod-model';

const APPARMOR = 'container.apparmor.security.beta.kubernetes.io/';
const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER = 'container.seccomp.security.alpha.kubernetes.io/';
/** The 13 capabilities baseline allows to be added. */
const DEFAULT_CAPABILITIES = ['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT'];

const SYSCTLS_1_0 = [
  { name: 'kernel.shm_rmid_forced', value: '0' },
  { name: 'net.ipv4.ip_local_port_range', value: '1024 65535' },
  { name: 'net.ipv4.tcp_syncookies', value: '0' },
  { name: 'net.ipv4.ping_group_range', value: '1 0' },
  { name: 'net.ipv4.ip_unprivileged_port_start', value: '1024' },
];
const SYSCTLS_1_27 = [...SYSCTLS_1_0, { name: 'net.ipv4.ip_local_reserved_ports', value: '1024-4999' }];
const SYSCTLS_1_29 = [
  ...SYSCTLS_1_27,
  { name: 'net.ipv4.tcp_keepalive_time', value: '7200' },
  { name: 'net.ipv4.tcp_fin_timeout', value: '60' },
  { name: 'net.ipv4.tcp_keepalive_intvl', value: '75' },
  { name: 'net.ipv4.tcp_keepalive_probes', value: '9' },
];
// From v1.32 the pass fixture names only the sysctls the version adds.
const SYSCTLS_1_32 = [
  { name: 'net.ipv4.tcp_rmem', value: '4096 87380 16777216' },
  { name: 'net.ipv4.tcp_wmem', value: '4096 65536 16777216' },
];
const SYSCTLS_1_37 = [
  { name: 'net.ipv4.tcp_slow_start_after_idle', value: '0' },
  { name: 'net.ipv4.tcp_notsent_lowat', value: '16384' },
];

/** sysctls: no sysctls, or the allowed ones of the version, pass; any other name fails. */
function sysctlCases(allowed: { name: string; value: string }[]): CheckCases['versions'][number][1] {
  return {
    expect: 'forbidden sysctl',
    pass: (p) => {
      const base = tweak(p, (q) => void podSC(q));
      return [base, tweak(base, (q) => void (podSC(q).sysctls = allowed))];
    },
    fail: (p) => [tweak(p, (q) => void (podSC(q).sysctls = [{ name: 'othersysctl', value: 'other' }]))],
  };
}

const procMountPod = (p: Pod, init: string | undefined, app: string | undefined, hostUsers: boolean) =>
  tweak(ensureSecurityContext(p), (q) => {
    if (app !== undefined) sc(container(q)).procMount = app;
    if (init !== undefined) sc(initContainer(q)).procMount = init;
    q.spec.hostUsers = hostUsers;
  });

export const BASELINE_CASES: CheckCases[] = [
  {
    check: 'appArmorProfile',
    level: 'baseline',
    versions: [[0, {
      expect: 'forbidden AppArmor profile',
      // The upstream pass case writes both annotations under the container's name, so only localhost/foo remains.
      pass: (p) => [tweak(ensureAnnotations(p), (q) => void (q.annotations![APPARMOR + 'container1'] = 'localhost/foo'))],
      fail: (p) => ['container1', 'initcontainer1'].map((name) => tweak(ensureAnnotations(p), (q) => void (q.annotations![APPARMOR + name] = 'unconfined'))),
    }]],
  },
  {
    check: 'capabilities_baseline',
    level: 'baseline',
    versions: [[0, {
      expect: 'capabilities',
      pass: (p) => {
        // a minimal pod that already drops ALL (restricted >= v1.22) has nothing to add here
        if (container(p).securityContext?.capabilities?.drop?.includes('ALL')) return [];
        return [tweak(ensureCapabilities(p), (q) => {
          for (const c of [container(q), initContainer(q)]) sc(c).capabilities!.add = [...DEFAULT_CAPABILITIES];
        })];
      },
      fail: (p) => {
        const base = ensureCapabilities(p);
        return [
          tweak(base, (q) => void (sc(container(q)).capabilities!.add = ['NET_RAW'])),
          tweak(base, (q) => void (sc(initContainer(q)).capabilities!.add = ['NET_RAW'])),
          tweak(base, (q) => void (sc(container(q)).capabilities!.add = ['chown'])), // not normalised: case matters
          tweak(base, (q) => void (sc(container(q)).capabilities!.add = ['CAP_CHOWN'])), // nor the CAP_ prefix
        ];
      },
    }]],
  },
  {
    check: 'hostNamespaces',
    level: 'baseline',
    versions: [[0, {
      expect: 'host namespaces',
      pass: () => [],
      fail: (p) => [
        tweak(p, (q) => void (q.spec.hostIPC = true)),
        tweak(p, (q) => void (q.spec.hostNetwork = true)),
        tweak(p, (q) => void (q.spec.hostPID = true)),
      ],
    }]],
  },
  {
    check: 'hostPathVolumes',
    level: 'baseline',
    versions: [[0, {
      expect: 'hostPath',
      pass: () => [],
      fail: (p) => [
        tweak(p, (q) => void (q.spec.volumes = [{ name: 'volume-emptydir', emptyDir: {} }, { name: 'volume-hostpath', hostPath: { path: '/a' } }])),
        tweak(p, (q) => void (q.spec.volumes = [{ name: 'volume-hostpath-a', hostPath: { path: '/a' } }, { name: 'volume-hostpath-b', hostPath: { path: '/b' } }])),
      ],
    }]],
  },
  {
    check: 'hostPorts',
    level: 'baseline',
    versions: [[0, {
      expect: 'hostPort',
      pass: (p) => [tweak(p, (q) => {
        container(q).ports = [{ containerPort: 12345 }];
        initContainer(q).ports = [{ containerPort: 12346 }];
      })],
      fail: (p) => [
        tweak(p, (q) => void (container(q).ports = [{ containerPort: 12345, hostPort: 12345 }])),
        tweak(p, (q) => void (initContainer(q).ports = [{ containerPort: 12346, hostPort: 12346 }])),
        tweak(p, (q) => {
          container(q).ports = [{ containerPort: 12345, hostPort: 12345 }, { containerPort: 12347 }];
          initContainer(q).ports = [{ containerPort: 12346, hostPort: 12346 }, { containerPort: 12348 }];
        }),
      ],
    }]],
  },
  {
    check: 'hostProbesAndHostLifecycle',
    level: 'baseline',
    versions: [[34, {
      expect: 'probe or lifecycle host',
      pass: (p) => [
        p,
        tweak(p, (q) => void (container(q).livenessProbe = { httpGet: { port: 8080 } })),
        tweak(p, (q) => void (container(q).readinessProbe = { tcpSocket: { port: 8080 } })),
      ],
      fail: (p) => [
        tweak(p, (q) => void (container(q).livenessProbe = { httpGet: { host: 'bad.host', port: 8080 } })),
        tweak(p, (q) => {
          initContainer(q).restartPolicy = 'Always'; // a sidecar, so the probe is valid
          initContainer(q).readinessProbe = { tcpSocket: { host: '8.8.8.8', port: 8080 } };
        }),
        tweak(p, (q) => void (container(q).lifecycle = { postStart: { httpGet: { host: 'bad.host', port: 8080 } } })),
        // loopback hosts are not exempt
        tweak(p, (q) => void (container(q).livenessProbe = { httpGet: { host: '127.0.0.1', port: 8080 } })),
        tweak(p, (q) => void (container(q).readinessProbe = { tcpSocket: { host: '::1', port: 8080 } })),
      ],
    }]],
  },
  {
    check: 'privileged',
    level: 'baseline',
    versions: [[0, {
      pass: (p) => [tweak(ensureSecurityContext(p), (q) => {
        for (const c of [container(q), initContainer(q)]) sc(c).privileged = false;
      })],
      fail: (p) => [container, initContainer].map((pick) => tweak(ensureSecurityContext(p), (q) => {
        sc(pick(q)).privileged = true;
        delete sc(pick(q)).allowPrivilegeEscalation; // privileged implies escalation; restricted would reject true
      })),
    }]],
  },
  {
    check: 'procMount',
    level: 'baseline',
    versions: [
      [0, {
        expect: 'procMount',
        pass: (p) => [procMountPod(p, 'Default', 'Default', false)],
        fail: (p) => [procMountPod(p, undefined, 'Unmasked', false), procMountPod(p, 'Unmasked', undefined, false)],
      }],
      [35, {
        expect: 'procMount',
        // From v1.35 a pod in a user namespace may unmask /proc under baseline, but never under restricted.
        pass: (p, level) => [
          procMountPod(p, 'Default', 'Default', false),
          ...(level === 'restricted' ? [] : [procMountPod(p, 'Unmasked', 'Unmasked', false)]),
        ],
        fail: (p) => [procMountPod(p, undefined, 'Unmasked', true), procMountPod(p, 'Unmasked', undefined, true)],
      }],
    ],
  },
  {
    check: 'seLinuxOptions',
    level: 'baseline',
    versions: [[0, {
      expect: 'seLinuxOptions',
      pass: (p) => {
        const base = ensureSELinuxOptions(p);
        return [
          tweak(base, (q) => {
            delete podSC(q).seLinuxOptions;
            delete sc(container(q)).seLinuxOptions;
            sc(initContainer(q)).seLinuxOptions = {};
          }),
          tweak(base, (q) => {
            podSC(q).seLinuxOptions = { type: 'container_t' }; // with an empty level, which the API leaves out
            sc(container(q)).seLinuxOptions = { type: 'container_init_t', level: 'somevalue' };
            sc(initContainer(q)).seLinuxOptions = { type: 'container_kvm_t' };
          }),
        ];
      },
      fail: (p) => {
        const base = ensureSELinuxOptions(p);
        return [
          tweak(base, (q) => void (podSC(q).seLinuxOptions!.type = 'somevalue')),
          tweak(base, (q) => void (sc(container(q)).seLinuxOptions!.type = 'somevalue')),
          tweak(base, (q) => void (sc(initContainer(q)).seLinuxOptions!.type = 'somevalue')),
          tweak(base, (q) => void (podSC(q).seLinuxOptions!.user = 'somevalue')),
          tweak(base, (q) => void (podSC(q).seLinuxOptions!.role = 'somevalue')),
        ];
      },
    }]],
  },
  {
    check: 'seccompProfile_baseline',
    level: 'baseline',
    versions: [
      [0, {
        // before v1.19 only the alpha annotations count
        expect: 'seccompProfile',
        pass: (p) => {
          if (p.annotations?.[SECCOMP_POD] === 'runtime/default') return [];
          return [tweak(ensureAnnotations(p), (q) => {
            q.annotations![SECCOMP_POD] = 'runtime/default';
            q.annotations![SECCOMP_CONTAINER + 'container1'] = 'localhost/testing';
          })];
        },
        fail: (p) => [SECCOMP_POD, SECCOMP_CONTAINER + 'container1', SECCOMP_CONTAINER + 'initcontainer1'].map((key) =>
          tweak(ensureAnnotations(p), (q) => void (q.annotations![key] = 'unconfined'))),
      }],
      [19, {
        expect: 'seccompProfile',
        pass: (p) => {
          if (p.spec.securityContext?.seccompProfile?.type === 'RuntimeDefault') return [];
          return [tweak(ensureSecurityContext(p), (q) => {
            podSC(q).seccompProfile = { type: 'RuntimeDefault' };
            sc(container(q)).seccompProfile = { type: 'RuntimeDefault' };
          })];
        },
        fail: (p) => {
          const base = ensureSecurityContext(p);
          return [
            tweak(base, (q) => void (podSC(q).seccompProfile = { type: 'Unconfined' })),
            tweak(base, (q) => void (sc(container(q)).seccompProfile = { type: 'Unconfined' })),
            tweak(base, (q) => void (sc(initContainer(q)).seccompProfile = { type: 'Unconfined' })),
          ];
        },
      }],
    ],
  },
  {
    check: 'sysctls',
    level: 'baseline',
    versions: [[0, sysctlCases(SYSCTLS_1_0)], [27, sysctlCases(SYSCTLS_1_27)], [29, sysctlCases(SYSCTLS_1_29)], [32, sysctlCases(SYSCTLS_1_32)], [37, sysctlCases(SYSCTLS_1_37)]],
  },
  {
    check: 'windowsHostProcess',
    level: 'baseline',
    versions: [[0, {
      expect: 'hostProcess',
      pass: () => [],
      fail: (p) => {
        const base = tweak(ensureSecurityContext(p), (q) => {
          podSC(q).windowsOptions ??= {};
          for (const c of [container(q), initContainer(q)]) sc(c).windowsOptions ??= {};
        });
        return [
          // HostProcess pods must use the host network (API validation), so these also fail hostNamespaces.
          tweak(base, (q) => {
            q.spec.hostNetwork = true;
            podSC(q).windowsOptions!.hostProcess = true;
          }),
          tweak(base, (q) => {
            q.spec.hostNetwork = true;
            sc(container(q)).windowsOptions!.hostProcess = true;
            sc(initContainer(q)).windowsOptions!.hostProcess = true;
          }),
        ];
      },
    }]],
  },
];
