// Generators of realistic Kubernetes manifests (one `---` document each), driven by a seeded Rng. The mix follows
// what rendered charts and hand-written repos contain: workloads with and without security settings, Services,
// ConfigMaps with long embedded files, Namespaces with Pod Security labels, RBAC, NetworkPolicies, comments and
// some flow style. About a third of the workloads violate Baseline, a third only Restricted, a third are compliant.

const APPS = ['payments', 'checkout', 'inventory', 'search', 'auth', 'billing', 'gateway', 'metrics', 'ingest', 'notifier',
  'frontend', 'catalog', 'orders', 'ledger', 'reports', 'shipping', 'profile', 'media', 'cache', 'queue', 'pricing', 'audit'];
const ROLES = ['api', 'worker', 'web', 'db', 'consumer', 'exporter', 'proxy', 'agent', 'scheduler', 'sync', 'cron', 'indexer'];
const REGISTRIES = ['registry.example.com/platform', 'ghcr.io/acme', 'docker.io/library', 'quay.io/acme', '123456789012.dkr.ecr.eu-west-1.amazonaws.com'];
const BASE_IMAGES = ['nginx', 'redis', 'postgres', 'busybox', 'envoy', 'fluent-bit', 'node-exporter', 'alpine'];

/** Namespaces of the corpora and the Pod Security labels their Namespace manifests carry (none = unlabeled). */
export const NAMESPACES = [
  { name: 'payments', labels: { enforce: 'restricted', 'enforce-version': 'v1.30', warn: 'restricted' } },
  { name: 'legacy', labels: { enforce: 'baseline', warn: 'restricted', audit: 'restricted' } },
  { name: 'monitoring', labels: { enforce: 'privileged', warn: 'baseline' } },
  { name: 'platform', labels: { enforce: 'baseline', 'enforce-version': 'latest', audit: 'restricted' } },
  { name: 'data', labels: { enforce: 'restricted' } },
  { name: 'edge', labels: { warn: 'restricted', 'warn-version': 'v1.28' } },
  { name: 'batch', labels: {} },
  { name: 'kube-system', labels: { enforce: 'privileged' } },
  { name: 'team-a', labels: { enforce: 'baseline' } },
  { name: 'team-b', labels: {} },
];

const pad = (n) => ' '.repeat(n);
const version = (rng) => `${rng.int(0, 4)}.${rng.int(0, 30)}.${rng.int(0, 12)}`;
const hex = (rng, n) => Array.from({ length: n }, () => '0123456789abcdef'[rng.int(0, 15)]).join('');

export function appName(rng, i) {
  return `${rng.pick(APPS)}-${rng.pick(ROLES)}${i === undefined ? '' : `-${i}`}`;
}

function image(rng, name) {
  const r = rng.int(0, 9);
  if (r === 0) return `${rng.pick(REGISTRIES)}/${rng.pick(BASE_IMAGES)}@sha256:${hex(rng, 64)}`;
  if (r === 1) return `${rng.pick(BASE_IMAGES)}:latest`;
  return `${rng.pick(REGISTRIES)}/${name}:${version(rng)}`;
}

function namespaceLine(rng, ind, namespace) {
  return namespace ? [`${pad(ind)}namespace: ${namespace}`] : [];
}

function labelsBlock(rng, ind, app, extra = {}) {
  const labels = { app, 'app.kubernetes.io/part-of': app.split('-')[0], ...extra };
  if (rng.chance(0.3)) return [`${pad(ind)}labels: {${Object.entries(labels).map(([k, v]) => `${k}: ${v}`).join(', ')}}`];
  return [`${pad(ind)}labels:`, ...Object.entries(labels).map(([k, v]) => `${pad(ind + 2)}${k}: ${v}`)];
}

function metadata(rng, name, namespace, opts = {}) {
  const lines = ['metadata:', `  name: ${name}`, ...namespaceLine(rng, 2, namespace)];
  if (opts.labels !== false) lines.push(...labelsBlock(rng, 2, name, rng.chance(0.4) ? { 'app.kubernetes.io/version': version(rng) } : {}));
  if (opts.annotations?.length) lines.push('  annotations:', ...opts.annotations.map((a) => `    ${a}`));
  return lines;
}

/**
 * How a workload treats security: `restricted` sets everything the Restricted profile wants, `none` sets nothing
 * (Restricted warnings), `partial` some of it, `violating` breaks Baseline in one or two ways.
 */
function securityProfile(rng) {
  return rng.weighted([[33, 'restricted'], [27, 'none'], [12, 'partial'], [28, 'violating']]);
}

const BASELINE_BREAKS = ['privileged', 'hostNetwork', 'hostPID', 'hostPath', 'capAdd', 'hostPort', 'seLinux', 'sysctl', 'procMount', 'appArmor', 'runAsRoot'];

function containerSecurity(rng, ind, profile, breaks) {
  const p = pad(ind);
  const lines = [];
  if (profile === 'restricted') {
    lines.push(`${p}securityContext:`, `${p}  allowPrivilegeEscalation: false`, `${p}  readOnlyRootFilesystem: true`);
    if (rng.chance(0.5)) lines.push(`${p}  runAsUser: ${rng.int(1000, 65000)}`);
    lines.push(rng.chance(0.5) ? `${p}  capabilities: {drop: [ALL]}` : `${p}  capabilities:\n${p}    drop:\n${p}      - ALL`);
    if (rng.chance(0.3)) lines.push(`${p}  runAsGroup: 3000`);
    return lines;
  }
  if (profile === 'partial') {
    lines.push(`${p}securityContext:`);
    if (rng.chance(0.6)) lines.push(`${p}  allowPrivilegeEscalation: false`);
    if (rng.chance(0.5)) lines.push(`${p}  runAsNonRoot: true`);
    lines.push(rng.chance(0.5) ? `${p}  readOnlyRootFilesystem: true` : `${p}  readOnlyRootFilesystem: false  # writes to /tmp`);
    return lines;
  }
  if (profile === 'violating') {
    const sc = [];
    if (breaks.includes('privileged')) sc.push(`${p}  privileged: true`);
    if (breaks.includes('capAdd')) sc.push(rng.chance(0.5) ? `${p}  capabilities: {add: [NET_ADMIN, SYS_TIME]}` : `${p}  capabilities:\n${p}    add:\n${p}      - SYS_ADMIN`);
    if (breaks.includes('seLinux')) sc.push(`${p}  seLinuxOptions:\n${p}    type: spc_t`);
    if (breaks.includes('procMount')) sc.push(`${p}  procMount: Unmasked`);
    if (breaks.includes('runAsRoot')) sc.push(`${p}  runAsUser: 0`);
    if (sc.length) lines.push(`${p}securityContext:`, ...sc);
  }
  return lines;
}

function env(rng, ind, app) {
  const p = pad(ind);
  const lines = [`${p}env:`];
  const n = rng.int(2, 9);
  for (let i = 0; i < n; i++) {
    const r = rng.int(0, 5);
    if (r === 0) lines.push(`${p}  - name: DB_PASSWORD_${i}`, `${p}    valueFrom:`, `${p}      secretKeyRef: {name: ${app}-db, key: password}`);
    else if (r === 1) lines.push(`${p}  - name: POD_NAMESPACE`, `${p}    valueFrom:`, `${p}      fieldRef:`, `${p}        fieldPath: metadata.namespace`);
    else if (r === 2) lines.push(`${p}  - name: FEATURE_FLAG_${i}`, `${p}    value: "${rng.pick(['true', 'false', 'on', 'off', 'yes'])}"`);
    else lines.push(`${p}  - name: ${rng.pick(['LOG_LEVEL', 'PORT', 'REGION', 'CACHE_TTL', 'UPSTREAM_URL', 'WORKERS'])}_${i}`, `${p}    value: ${rng.pick(['info', '"8080"', 'eu-west-1', '"300"', `http://${app}.svc:8080`, '"4"'])}`);
  }
  return lines;
}

function container(rng, ind, name, app, profile, breaks, opts = {}) {
  const p = pad(ind);
  const lines = [`${p}- name: ${name}`, `${p}  image: ${image(rng, app)}`];
  if (rng.chance(0.6)) lines.push(`${p}  imagePullPolicy: ${rng.pick(['IfNotPresent', 'Always'])}`);
  if (rng.chance(0.4)) lines.push(`${p}  args: [${rng.sample(['"--port=8080"', '"--verbose"', '"--config=/etc/app/config.yaml"', '"--metrics"', '"--workers=4"'], rng.int(1, 3)).join(', ')}]`);
  else if (rng.chance(0.3)) lines.push(`${p}  command:`, `${p}    - /bin/sh`, `${p}    - -c`, `${p}    - exec /app/server --listen :8080`);
  if (!opts.init) {
    const port = rng.pick([80, 8080, 8443, 9090, 3000, 5432]);
    lines.push(`${p}  ports:`, `${p}    - name: http`, `${p}      containerPort: ${port}`);
    if (breaks.includes('hostPort')) lines.push(`${p}      hostPort: ${port}`);
    lines.push(`${p}      protocol: TCP`);
    if (rng.chance(0.8)) lines.push(...env(rng, ind + 2, app));
  }
  if (rng.chance(0.75)) {
    lines.push(`${p}  resources:`);
    lines.push(rng.chance(0.4) ? `${p}    requests: {cpu: ${rng.int(1, 20) * 50}m, memory: ${rng.int(1, 16) * 64}Mi}` : `${p}    requests:\n${p}      cpu: ${rng.int(1, 20) * 50}m\n${p}      memory: ${rng.int(1, 16) * 64}Mi`);
    if (rng.chance(0.7)) lines.push(`${p}    limits:`, `${p}      cpu: "${rng.int(1, 4)}"`, `${p}      memory: ${rng.int(1, 8)}Gi`);
  }
  if (!opts.init && rng.chance(0.6)) {
    lines.push(`${p}  livenessProbe:`, `${p}    httpGet: {path: /healthz, port: http}`, `${p}    initialDelaySeconds: ${rng.int(5, 30)}`, `${p}    periodSeconds: 10`);
    lines.push(`${p}  readinessProbe:`, `${p}    httpGet:`, `${p}      path: /ready`, `${p}      port: http`, `${p}    failureThreshold: 3`);
  }
  if (opts.mounts?.length) {
    lines.push(`${p}  volumeMounts:`);
    for (const m of opts.mounts) lines.push(`${p}    - name: ${m}`, `${p}      mountPath: /${m === 'host-logs' ? 'var/log' : `etc/${m}`}`, ...(rng.chance(0.5) ? [`${p}      readOnly: true`] : []));
  }
  lines.push(...containerSecurity(rng, ind + 2, profile, breaks));
  return lines;
}

/** The pod template's `spec:` body at indentation `ind` (the lines below `spec:`). */
function podSpec(rng, ind, app, force = {}) {
  const p = pad(ind);
  const profile = force.profile ?? securityProfile(rng);
  const breaks = profile === 'violating' ? rng.sample(BASELINE_BREAKS, rng.int(1, 2)) : [];
  const lines = [];
  if (rng.chance(0.6)) lines.push(`${p}serviceAccountName: ${app}`);
  if (rng.chance(0.3)) lines.push(`${p}automountServiceAccountToken: false`);
  if (breaks.includes('hostNetwork')) lines.push(`${p}hostNetwork: true`, `${p}dnsPolicy: ClusterFirstWithHostNet`);
  if (breaks.includes('hostPID')) lines.push(`${p}hostPID: true  # needed to see node processes`);
  if (profile === 'restricted') {
    lines.push(`${p}securityContext:`, `${p}  runAsNonRoot: true`);
    if (rng.chance(0.5)) lines.push(`${p}  fsGroup: ${rng.int(1000, 3000)}`);
    lines.push(rng.chance(0.5) ? `${p}  seccompProfile: {type: RuntimeDefault}` : `${p}  seccompProfile:\n${p}    type: RuntimeDefault`);
  } else if (breaks.includes('sysctl')) {
    lines.push(`${p}securityContext:`, `${p}  sysctls:`, `${p}    - name: kernel.msgmax`, `${p}      value: "65536"`);
  } else if (profile === 'partial' && rng.chance(0.5)) {
    lines.push(`${p}securityContext:`, `${p}  seccompProfile:`, `${p}    type: ${rng.pick(['RuntimeDefault', 'Unconfined'])}`);
  }
  if (rng.chance(0.4)) lines.push(`${p}nodeSelector:`, `${p}  kubernetes.io/os: linux`);
  if (rng.chance(0.3)) lines.push(`${p}tolerations:`, `${p}  - key: dedicated`, `${p}    operator: Equal`, `${p}    value: ${app.split('-')[0]}`, `${p}    effect: NoSchedule`);
  if (rng.chance(0.2)) {
    lines.push(`${p}affinity:`, `${p}  podAntiAffinity:`, `${p}    preferredDuringSchedulingIgnoredDuringExecution:`, `${p}      - weight: 100`,
      `${p}        podAffinityTerm:`, `${p}          topologyKey: kubernetes.io/hostname`, `${p}          labelSelector:`, `${p}            matchLabels: {app: ${app}}`);
  }
  const mounts = [];
  const volumes = [];
  if (rng.chance(0.6)) { mounts.push('config'); volumes.push(`${p}  - name: config`, `${p}    configMap:`, `${p}      name: ${app}-config`); }
  if (rng.chance(0.3)) { mounts.push('tls'); volumes.push(`${p}  - name: tls`, `${p}    secret: {secretName: ${app}-tls}`); }
  if (rng.chance(0.3)) { mounts.push('cache'); volumes.push(`${p}  - name: cache`, `${p}    emptyDir: {}`); }
  if (breaks.includes('hostPath')) { mounts.push('host-logs'); volumes.push(`${p}  - name: host-logs`, `${p}    hostPath:`, `${p}      path: /var/log`, `${p}      type: Directory`); }
  if (rng.chance(0.15)) {
    lines.push(`${p}initContainers:`, ...container(rng, ind + 2, 'init-migrate', app, profile, breaks.filter((b) => b !== 'hostPort'), { init: true }));
  }
  lines.push(`${p}containers:`);
  const sidecars = force.sidecars ?? rng.weighted([[70, 0], [25, 1], [5, 2]]);
  lines.push(...container(rng, ind + 2, app.split('-').pop() === 'db' ? 'db' : 'main', app, profile, breaks, { mounts }));
  for (let i = 0; i < sidecars; i++) {
    lines.push(...container(rng, ind + 2, rng.pick(['envoy', 'log-shipper', 'metrics-exporter']) + (i ? `-${i}` : ''), app, profile, [], { mounts: mounts.slice(0, 1) }));
  }
  if (volumes.length) lines.push(`${p}volumes:`, ...volumes);
  return { lines, breaks };
}

function podTemplate(rng, ind, app, force) {
  const p = pad(ind);
  const { lines, breaks } = podSpec(rng, ind + 4, app, force);
  const annotations = [];
  if (breaks.includes('appArmor')) annotations.push(`container.apparmor.security.beta.kubernetes.io/main: unconfined`);
  if (rng.chance(0.3)) annotations.push(`prometheus.io/scrape: "true"`);
  if (rng.chance(0.2)) annotations.push(`checksum/config: ${hex(rng, 64)}`);
  return [
    `${p}template:`,
    `${p}  metadata:`,
    ...labelsBlock(rng, ind + 4, app),
    ...(annotations.length ? [`${p}    annotations:`, ...annotations.map((a) => `${p}      ${a}`)] : []),
    `${p}  spec:`,
    ...lines,
  ];
}

function selector(rng, ind, app) {
  return rng.chance(0.5) ? [`${pad(ind)}selector:`, `${pad(ind)}  matchLabels: {app: ${app}}`] : [`${pad(ind)}selector:`, `${pad(ind)}  matchLabels:`, `${pad(ind)}    app: ${app}`];
}

export function deployment(rng, app, namespace, force) {
  return ['apiVersion: apps/v1', 'kind: Deployment', ...metadata(rng, app, namespace), 'spec:',
    `  replicas: ${rng.int(1, 6)}${rng.chance(0.2) ? '  # scaled by the HPA' : ''}`,
    ...(rng.chance(0.4) ? ['  strategy:', '    type: RollingUpdate', '    rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}'] : []),
    ...selector(rng, 2, app), ...podTemplate(rng, 2, app, force)];
}

export function statefulSet(rng, app, namespace, force) {
  return ['apiVersion: apps/v1', 'kind: StatefulSet', ...metadata(rng, app, namespace), 'spec:',
    `  serviceName: ${app}-headless`, `  replicas: ${rng.pick([1, 3, 5])}`, ...selector(rng, 2, app), ...podTemplate(rng, 2, app, force),
    '  volumeClaimTemplates:', '    - metadata:', '        name: data', '      spec:', '        accessModes: ["ReadWriteOnce"]',
    `        storageClassName: ${rng.pick(['gp3', 'standard', 'fast-ssd'])}`, '        resources:', '          requests:', `            storage: ${rng.int(1, 100)}Gi`];
}

export function daemonSet(rng, app, namespace, force) {
  return ['# Node agent: runs on every node', 'apiVersion: apps/v1', 'kind: DaemonSet', ...metadata(rng, app, namespace), 'spec:',
    ...selector(rng, 2, app), '  updateStrategy:', '    type: RollingUpdate', ...podTemplate(rng, 2, app, force)];
}

export function cronJob(rng, app, namespace, force) {
  const t = podTemplate(rng, 6, app, force);
  return ['apiVersion: batch/v1', 'kind: CronJob', ...metadata(rng, app, namespace), 'spec:',
    `  schedule: "${rng.int(0, 59)} ${rng.int(0, 23)} * * ${rng.pick(['*', '1-5', '0'])}"`, '  concurrencyPolicy: Forbid', '  successfulJobsHistoryLimit: 3',
    '  jobTemplate:', '    spec:', `      backoffLimit: ${rng.int(0, 6)}`, ...t,
    '          restartPolicy: OnFailure'];
}

export function job(rng, app, namespace, force) {
  return ['apiVersion: batch/v1', 'kind: Job', ...metadata(rng, app, namespace), 'spec:', '  ttlSecondsAfterFinished: 600', ...podTemplate(rng, 2, app, force), '      restartPolicy: Never'];
}

export function pod(rng, app, namespace, force) {
  const { lines } = podSpec(rng, 2, app, force);
  return ['apiVersion: v1', 'kind: Pod', ...metadata(rng, `${app}-debug`, namespace), 'spec:', ...lines];
}

export function service(rng, app, namespace) {
  const port = rng.pick([80, 443, 8080, 9090]);
  const lines = ['apiVersion: v1', 'kind: Service', ...metadata(rng, app, namespace, { annotations: rng.chance(0.3) ? ['service.beta.kubernetes.io/aws-load-balancer-type: nlb'] : [] }), 'spec:',
    `  type: ${rng.weighted([[70, 'ClusterIP'], [20, 'LoadBalancer'], [10, 'NodePort']])}`, `  selector: {app: ${app}}`, '  ports:',
    '    - name: http', `      port: ${port}`, '      targetPort: http', '      protocol: TCP'];
  if (rng.chance(0.3)) lines.push('    - name: metrics', '      port: 9090', '      targetPort: 9090');
  return lines;
}

const CONFIG_FILES = [
  ['nginx.conf', (rng, app) => ['server {', `  listen ${rng.pick([80, 8080])};`, `  server_name ${app}.example.com;`, '  location / {', `    proxy_pass http://${app}:8080;`, '    proxy_set_header Host $host;',
    '    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;', `    proxy_read_timeout ${rng.int(10, 120)}s;`, '  }', '  location /healthz {', '    return 200 "ok";', '  }', '}']],
  ['application.properties', (rng, app) => Array.from({ length: rng.int(8, 30) }, (_, i) => `${app.replace(/-/g, '.')}.setting${i}=${rng.pick(['true', 'false', rng.int(1, 9999), `"${hex(rng, 12)}"`])}`)],
  ['config.json', (rng, app) => {
    const n = rng.int(2, 10);
    const upstreams = Array.from({ length: n }, (_, i) => `    {"host": "${app}-${i}.svc", "port": ${8000 + i}}${i < n - 1 ? ',' : ''}`);
    return ['{', `  "service": "${app}",`, `  "replicas": ${rng.int(1, 9)},`, '  "upstreams": [', ...upstreams, '  ],', '  "debug": false', '}'];
  }],
  ['prometheus.yml', (rng) => ['global:', `  scrape_interval: ${rng.int(10, 60)}s`, 'scrape_configs:', ...Array.from({ length: rng.int(2, 8) }, (_, i) => [`  - job_name: job-${i}`, '    static_configs:', `      - targets: ["10.0.${i}.${rng.int(1, 254)}:9100"]`]).flat()]],
];

export function configMap(rng, app, namespace) {
  const lines = ['apiVersion: v1', 'kind: ConfigMap', ...metadata(rng, `${app}-config`, namespace, { labels: rng.chance(0.5) }), 'data:'];
  const entries = rng.int(1, 4);
  for (let i = 0; i < entries; i++) {
    if (rng.chance(0.3)) {
      lines.push(`  KEY_${i}: "${hex(rng, rng.int(4, 40))}"`);
      continue;
    }
    const [fileName, content] = rng.pick(CONFIG_FILES);
    lines.push(`  ${i ? `${i}-` : ''}${fileName}: |`, ...content(rng, app).map((l) => `    ${l}`));
  }
  return lines;
}

export function namespaceDoc(rng, ns) {
  const labels = Object.entries(ns.labels).map(([k, v]) => `pod-security.kubernetes.io/${k}: ${v}`);
  return ['apiVersion: v1', 'kind: Namespace', 'metadata:', `  name: ${ns.name}`, '  labels:', `    kubernetes.io/metadata.name: ${ns.name}`,
    ...(rng.chance(0.3) ? [`    team: ${ns.name}-owners`] : []), ...labels.map((l) => `    ${l}`)];
}

export function rbac(rng, app, namespace) {
  const cluster = rng.chance(0.3);
  const kind = cluster ? 'ClusterRole' : 'Role';
  const rules = [];
  const n = rng.int(1, 4);
  for (let i = 0; i < n; i++) {
    const r = rng.int(0, 5);
    if (r === 0) rules.push('  - apiGroups: ["*"]', '    resources: ["*"]', '    verbs: ["*"]');
    else if (r === 1) rules.push('  - apiGroups: [""]', '    resources: ["secrets"]', '    verbs: ["get", "list", "watch"]');
    else rules.push('  - apiGroups:', `      - ${rng.pick(['""', 'apps', 'batch', 'networking.k8s.io'])}`, '    resources:', `      - ${rng.pick(['pods', 'configmaps', 'deployments', 'jobs', 'services'])}`,
      `    verbs: [${rng.sample(['"get"', '"list"', '"watch"', '"create"', '"update"', '"patch"'], rng.int(1, 4)).join(', ')}]`);
  }
  const name = `${app}-${cluster ? 'reader' : 'role'}`;
  return [
    ['apiVersion: v1', 'kind: ServiceAccount', ...metadata(rng, app, namespace, { labels: false })],
    [`apiVersion: rbac.authorization.k8s.io/v1`, `kind: ${kind}`, ...metadata(rng, name, cluster ? undefined : namespace, { labels: false }), 'rules:', ...rules],
    [`apiVersion: rbac.authorization.k8s.io/v1`, `kind: ${kind}Binding`, ...metadata(rng, name, cluster ? undefined : namespace, { labels: false }),
      'roleRef:', '  apiGroup: rbac.authorization.k8s.io', `  kind: ${kind}`, `  name: ${rng.chance(0.1) ? 'cluster-admin' : name}`,
      'subjects:', `  - kind: ServiceAccount`, `    name: ${rng.chance(0.1) ? 'default' : app}`, `    namespace: ${namespace ?? 'default'}`],
  ];
}

export function networkPolicy(rng, app, namespace) {
  if (rng.chance(0.25)) {
    return ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', ...metadata(rng, 'default-deny', namespace, { labels: false }), 'spec:', '  podSelector: {}', '  policyTypes: [Ingress, Egress]'];
  }
  return ['apiVersion: networking.k8s.io/v1', 'kind: NetworkPolicy', ...metadata(rng, `${app}-allow`, namespace, { labels: false }), 'spec:',
    '  podSelector:', '    matchLabels:', `      app: ${app}`, '  policyTypes:', '    - Ingress', '  ingress:', '    - from:',
    '        - namespaceSelector:', '            matchLabels:', `              kubernetes.io/metadata.name: ${rng.pick(NAMESPACES).name}`,
    '        - podSelector:', `            matchLabels: {app: ${rng.pick(APPS)}-${rng.pick(ROLES)}}`, '      ports:', `        - protocol: TCP`, `          port: ${rng.pick([80, 8080, 5432])}`];
}

export function hpa(rng, app, namespace) {
  return ['apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', ...metadata(rng, app, namespace, { labels: false }), 'spec:',
    '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: ' + app + '}', `  minReplicas: ${rng.int(1, 3)}`, `  maxReplicas: ${rng.int(4, 20)}`,
    '  metrics:', '    - type: Resource', '      resource:', '        name: cpu', '        target: {type: Utilization, averageUtilization: 70}'];
}

/** A one-line flow-style document, as some tools emit. */
export function flowServiceAccount(rng, app, namespace) {
  return [`{apiVersion: v1, kind: ServiceAccount, metadata: {name: ${app}-sa${namespace ? `, namespace: ${namespace}` : ''}}, automountServiceAccountToken: false}`];
}

export const WORKLOADS = { deployment, statefulSet, daemonSet, cronJob, job, pod };

/**
 * One "release" of an app as a chart would render it: a workload plus what usually comes with it. `force` pins the
 * workload kind and its security profile (so even the smallest corpus has both findings and clean objects).
 */
export function appBundle(rng, i, force = {}) {
  const app = appName(rng, i);
  const namespace = rng.chance(0.85) ? rng.pick(NAMESPACES).name : undefined;
  const kind = force.kind ?? rng.weighted([[45, 'deployment'], [12, 'statefulSet'], [12, 'daemonSet'], [13, 'cronJob'], [8, 'job'], [10, 'pod']]);
  const docs = [];
  if (rng.chance(0.5)) docs.push(configMap(rng, app, namespace));
  if (rng.chance(0.25)) docs.push(...rbac(rng, app, namespace));
  if (rng.chance(0.1)) docs.push(flowServiceAccount(rng, app, namespace));
  docs.push(WORKLOADS[kind](rng, app, namespace, force));
  if (kind !== 'cronJob' && kind !== 'job' && kind !== 'pod' && rng.chance(0.8)) docs.push(service(rng, app, namespace));
  if (rng.chance(0.2)) docs.push(networkPolicy(rng, app, namespace));
  if (kind === 'deployment' && rng.chance(0.2)) docs.push(hpa(rng, app, namespace));
  return { app, namespace, docs };
}
