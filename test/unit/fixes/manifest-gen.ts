/**
 * A fast-check generator of varied workload manifests for the fix property test: any kind, any mix of PSS
 * violations in containers, init and ephemeral containers, pod securityContext and volumes, written in 2 or 4
 * spaces, with indented or non-indented lists, some maps in flow style, comments, CRLF, several documents, or JSON.
 */
import fc from 'fast-check';

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
type Obj = { [key: string]: Value };

export interface Style {
  indent: 2 | 4;
  /** Spaces between a key and its list's `-`. */
  seqIndent: 0 | 2 | 4;
  /** Keys whose values are written in flow style. */
  flowKeys: string[];
  comments: boolean;
  crlf: boolean;
  json: boolean;
  /** How null is written: `key:` with nothing, `~` or `null`. */
  nullAs: '' | '~' | 'null';
}

const name = fc.constantFrom('app', 'web', 'side', 'init', 'debug', 'worker');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const capability = fc.constantFrom('NET_ADMIN', 'SYS_ADMIN', 'NET_BIND_SERVICE', 'CHOWN', 'NET_RAW', 'ALL');

const securityContext: fc.Arbitrary<Obj | null | undefined> = fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 6, arbitrary: securityContextMap() });

function securityContextMap(): fc.Arbitrary<Obj | undefined> {
  return maybe(fc.record({
  privileged: maybe(fc.boolean()),
  allowPrivilegeEscalation: maybe(fc.boolean()),
  runAsNonRoot: maybe(fc.boolean()),
  runAsUser: maybe(fc.constantFrom(0, 1000)),
  procMount: maybe(fc.constantFrom('Default', 'Unmasked')),
  capabilities: maybe(fc.record({
    add: maybe(fc.uniqueArray(capability, { maxLength: 3 })),
    drop: maybe(fc.oneof(fc.constant(null), fc.uniqueArray(fc.constantFrom('ALL', 'NET_RAW'), { maxLength: 2 }))),
  }, { requiredKeys: [] })),
  seccompProfile: maybe(fc.record({ type: fc.constantFrom('RuntimeDefault', 'Unconfined', 'Localhost') })),
  seLinuxOptions: maybe(fc.record({ type: maybe(fc.constantFrom('container_t', 'spc_t')), user: maybe(fc.constant('system_u')) }, { requiredKeys: [] })),
  appArmorProfile: maybe(fc.record({ type: fc.constantFrom('RuntimeDefault', 'Unconfined') })),
  windowsOptions: maybe(fc.record({ hostProcess: fc.boolean() })),
  }, { requiredKeys: [] }).map(prune));
}

const container = fc.record({
  name,
  image: fc.constantFrom('nginx', 'busybox:1.36'),
  securityContext,
  ports: maybe(fc.array(fc.record({ containerPort: fc.constantFrom(80, 8080), hostPort: maybe(fc.constantFrom(80, 9090)) }, { requiredKeys: ['containerPort'] }), { minLength: 1, maxLength: 2 })),
  livenessProbe: maybe(fc.record({ httpGet: fc.record({ port: fc.constant(8080), host: maybe(fc.constantFrom('10.0.0.1', 'localhost')) }, { requiredKeys: ['port'] }) })),
}, { requiredKeys: ['name', 'image'] });

const podSpec = fc.record({
  hostNetwork: maybe(fc.boolean()),
  hostPID: maybe(fc.boolean()),
  securityContext: maybe(fc.record({
    runAsNonRoot: maybe(fc.boolean()),
    runAsUser: maybe(fc.constantFrom(0, 1000)),
    seccompProfile: maybe(fc.record({ type: fc.constantFrom('RuntimeDefault', 'Unconfined') })),
    sysctls: maybe(fc.array(fc.record({ name: fc.constantFrom('kernel.shm_rmid_forced', 'kernel.msgmax', 'net.core.somaxconn'), value: fc.constant('1') }), { minLength: 1, maxLength: 2 })),
    fsGroup: maybe(fc.constant(2000)),
  }, { requiredKeys: [] }).map(prune)),
  initContainers: maybe(fc.array(container, { minLength: 1, maxLength: 1 })),
  containers: fc.array(container, { minLength: 1, maxLength: 2 }),
  ephemeralContainers: maybe(fc.array(container, { minLength: 1, maxLength: 1 })),
  volumes: maybe(fc.array(fc.record({ name: fc.constantFrom('data', 'logs'), source: fc.constantFrom('hostPath', 'emptyDir', 'nfs', 'configMap') }), { minLength: 1, maxLength: 2 })),
}, { requiredKeys: ['containers'] });

const workload = fc.record({
  kind: fc.constantFrom('Pod', 'Deployment', 'CronJob'),
  name: fc.constantFrom('one', 'two'),
  annotate: fc.boolean(),
  spec: podSpec,
});

export const styleArb: fc.Arbitrary<Style> = fc.record({
  indent: fc.constantFrom(2 as const, 4 as const),
  seqIndent: fc.constantFrom(0 as const, 2 as const, 4 as const),
  flowKeys: fc.subarray(['securityContext', 'capabilities', 'seccompProfile', 'ports', 'add', 'drop', 'httpGet']),
  comments: fc.boolean(),
  crlf: fc.boolean(),
  json: fc.boolean(),
  nullAs: fc.constantFrom('' as const, '~' as const, 'null' as const),
});

export const manifestArb: fc.Arbitrary<string> = fc.tuple(fc.array(workload, { minLength: 1, maxLength: 2 }), styleArb).map(([docs, style]) => {
  const objects = docs.map(toObject);
  if (style.json) return endings(`${JSON.stringify(objects[0], null, style.indent)}\n`, style.crlf);
  return endings(`${objects.map((o) => emitMap(o, 0, style).join('\n')).join('\n---\n')}\n`, style.crlf);
});

function toObject(w: { kind: string; name: string; annotate: boolean; spec: Obj & { volumes?: { name: string; source: string }[] } }): Obj {
  const volumes = w.spec.volumes?.map((v) => ({ name: v.name, [v.source]: v.source === 'hostPath' ? { path: '/var/data' } : v.source === 'nfs' ? { server: 'nfs', path: '/x' } : v.source === 'configMap' ? { name: 'cm' } : {} }));
  const spec = prune({ ...w.spec, volumes }) as Obj;
  const metadata: Obj = w.annotate ? { annotations: { 'container.apparmor.security.beta.kubernetes.io/app': 'unconfined' } } : {};
  const template = prune({ metadata: Object.keys(metadata).length ? metadata : undefined, spec }) as Obj;
  switch (w.kind) {
    case 'Pod': return { apiVersion: 'v1', kind: 'Pod', metadata: { name: w.name, ...metadata }, spec };
    case 'Deployment': return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: w.name }, spec: { replicas: 1, template } };
    default: return { apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: w.name }, spec: { schedule: '0 0 * * *', jobTemplate: { spec: { template } } } };
  }
}

/** Drops undefined entries (fast-check's optional keys) so the emitters never see them. */
function prune<T>(o: T): T {
  return Object.fromEntries(Object.entries(o as object).filter(([, v]) => v !== undefined)) as T;
}

function endings(text: string, crlf: boolean): string {
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

function scalar(v: Value): string {
  if (typeof v === 'string') return /^[A-Za-z_/][\w./-]*$/.test(v) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(v) ? v : JSON.stringify(v);
  return String(v);
}

function flow(v: Value): string {
  if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
  if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}: ${flow(x)}`).join(', ')}}`;
  return scalar(v);
}

let commentCounter = 0;

/**
 * Block YAML for a map whose keys start at `column`. Comments go where no fix removes lines: on the name of an
 * object or a container, and above `spec:` and `containers:`.
 */
function emitMap(o: Obj, column: number, style: Style, parentKey = ''): string[] {
  const pad = ' '.repeat(column);
  const lines: string[] = [];
  for (const [key, value] of Object.entries(o)) {
    const head = `${pad}${key}:`;
    if (style.comments && (key === 'containers' || key === 'spec')) lines.push(`${pad}# about ${key} ${++commentCounter}`);
    const named = parentKey === 'metadata' || parentKey === 'containers' || parentKey === 'initContainers' || parentKey === 'ephemeralContainers';
    const comment = style.comments && key === 'name' && named ? `   # name ${++commentCounter}` : '';
    if (value === null) lines.push(style.nullAs ? `${head} ${style.nullAs}${comment}` : `${head}${comment}`);
    else if (typeof value !== 'object') lines.push(`${head} ${scalar(value)}${comment}`);
    else if (style.flowKeys.includes(key) || (Array.isArray(value) ? !value.length : !Object.keys(value).length)) lines.push(`${head} ${flow(value)}`);
    else if (Array.isArray(value)) {
      lines.push(head);
      const dash = ' '.repeat(column + style.seqIndent);
      for (const item of value) {
        if (item && typeof item === 'object' && !Array.isArray(item)) {
          const inner = emitMap(item, column + style.seqIndent + 2, style, key);
          lines.push(`${dash}- ${inner[0].trimStart()}`, ...inner.slice(1));
        } else lines.push(`${dash}- ${scalar(item)}`);
      }
    } else {
      lines.push(head, ...emitMap(value, column + style.indent, style, key));
    }
  }
  return lines;
}
