/**
 * A fast-check generator of manifests shaped for the hardening fixes: images with and without a known writable-path
 * list, pull policies, partial or empty `resources`, existing or empty `volumeMounts` and `volumes`, service account
 * fields, namespaces with or without a Namespace manifest; written in 2 or 4 spaces, indented or non-indented lists,
 * some collections in flow style, `key:` / `~` / `null` for empty values, comments, CRLF, or JSON.
 */
import fc from 'fast-check';

type Value = string | number | boolean | null | Value[] | { [key: string]: Value };
type Obj = { [key: string]: Value };

export interface Style {
  indent: 2 | 4;
  seqIndent: 0 | 2 | 4;
  flowKeys: string[];
  nullAs: '' | '~' | 'null';
  comments: boolean;
  crlf: boolean;
  json: boolean;
}

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });
const emptyOr = <T>(arb: fc.Arbitrary<T>, empty: Value) => fc.oneof({ weight: 1, arbitrary: fc.constant(empty) }, { weight: 3, arbitrary: arb as fc.Arbitrary<T | Value> });

const quantities = fc.record({ cpu: opt(fc.constantFrom('50m', '2', '250m')), memory: opt(fc.constantFrom('64Mi', '1Gi', '300Mi')) }, { requiredKeys: [] });

const container = fc.record({
  name: fc.constantFrom('app', 'web', 'side'),
  image: fc.constantFrom('nginx:1.27', 'redis:7.2', 'postgres:16', 'httpd:2.4', 'nginxinc/nginx-unprivileged:1.27', 'app:1.0', 'app', `app@sha256:${'a'.repeat(64)}`),
  imagePullPolicy: opt(fc.constantFrom<Value>('IfNotPresent', 'Never', 'Always', null)),
  securityContext: opt(emptyOr(fc.record({ readOnlyRootFilesystem: opt(fc.boolean()), runAsUser: opt(fc.constant(1000)) }, { requiredKeys: [] }), null)),
  resources: opt(emptyOr(fc.record({ requests: opt(emptyOr(quantities, {})), limits: opt(emptyOr(quantities, null)) }, { requiredKeys: [] }), {})),
  volumeMounts: opt(emptyOr(fc.uniqueArray(fc.record({ name: fc.constantFrom('tmp', 'data', 'cache'), mountPath: fc.constantFrom('/tmp', '/var/cache/nginx', '/data', '/var/lib/postgresql/data', '/srv') }), { minLength: 1, maxLength: 2, selector: (m) => m.mountPath }), [])),
}, { requiredKeys: ['name', 'image'] });

const podSpec = fc.record({
  serviceAccountName: opt(fc.constant('api')),
  automountServiceAccountToken: opt(fc.constantFrom<Value>(true, false, null)),
  initContainers: opt(fc.array(container, { minLength: 1, maxLength: 1 })),
  containers: fc.uniqueArray(container, { minLength: 1, maxLength: 2, selector: (c) => c.name }),
  volumes: opt(emptyOr(fc.uniqueArray(fc.record({ name: fc.constantFrom('tmp', 'data', 'cache', 'tmp-2'), emptyDir: fc.constant({}) }), { minLength: 1, maxLength: 2, selector: (v) => v.name }), [])),
}, { requiredKeys: ['containers'] });

const workload = fc.record({ kind: fc.constantFrom('Pod', 'Deployment', 'StatefulSet'), namespace: opt(fc.constant('shop')), spec: podSpec });

export const styleArb: fc.Arbitrary<Style> = fc.record({
  indent: fc.constantFrom(2 as const, 4 as const),
  seqIndent: fc.constantFrom(0 as const, 2 as const, 4 as const),
  flowKeys: fc.subarray(['securityContext', 'resources', 'requests', 'volumeMounts', 'volumes', 'limits']),
  nullAs: fc.constantFrom('' as const, '~' as const, 'null' as const),
  comments: fc.boolean(),
  crlf: fc.boolean(),
  json: fc.boolean(),
});

export const hardeningManifestArb: fc.Arbitrary<string> = fc.tuple(fc.array(workload, { minLength: 1, maxLength: 2 }), fc.boolean(), styleArb).map(([workloads, namespaceDoc, style]) => {
  const objects = workloads.map((w, i) => toObject(w, i));
  if (style.json) return endings(`${JSON.stringify(objects[0], null, style.indent)}\n`, style.crlf);
  if (namespaceDoc) objects.unshift({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  return endings(`${objects.map((o) => emitMap(o, 0, style).join('\n')).join('\n---\n')}\n`, style.crlf);
});

function toObject(w: { kind: string; namespace?: string; spec: object }, i: number): Obj {
  const metadata = prune({ name: `w${i}`, namespace: w.namespace }) as Obj;
  const spec = prune(w.spec) as Obj;
  if (w.kind === 'Pod') return { apiVersion: 'v1', kind: 'Pod', metadata, spec };
  return { apiVersion: 'apps/v1', kind: w.kind, metadata, spec: { selector: { matchLabels: { app: `w${i}` } }, template: { metadata: { labels: { app: `w${i}` } }, spec } } };
}

/** Drops undefined entries (fast-check's optional keys), deeply. */
function prune(v: unknown): Value {
  if (Array.isArray(v)) return v.map(prune);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => [k, prune(x)]));
  return v as Value;
}

function endings(text: string, crlf: boolean): string {
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

function scalar(v: Value): string {
  if (typeof v === 'string') return /^[A-Za-z_/][\w./@:-]*$/.test(v) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(v) ? v : JSON.stringify(v);
  return String(v);
}

function flow(v: Value): string {
  if (Array.isArray(v)) return `[${v.map(flow).join(', ')}]`;
  if (v && typeof v === 'object') return `{${Object.entries(v).map(([k, x]) => `${k}: ${flow(x)}`).join(', ')}}`;
  return v === null ? 'null' : scalar(v);
}

let comments = 0;

/** Block YAML for a map whose keys start at `column`; comments on names and above `containers:`. */
function emitMap(o: Obj, column: number, style: Style): string[] {
  const pad = ' '.repeat(column);
  const lines: string[] = [];
  for (const [key, value] of Object.entries(o)) {
    const head = `${pad}${key}:`;
    if (style.comments && key === 'containers') lines.push(`${pad}# containers ${++comments}`);
    const comment = style.comments && key === 'name' ? `   # name ${++comments}` : '';
    if (value === null) lines.push(style.nullAs ? `${head} ${style.nullAs}${comment}` : `${head}${comment}`);
    else if (typeof value !== 'object') lines.push(`${head} ${scalar(value)}${comment}`);
    else if (style.flowKeys.includes(key) || (Array.isArray(value) ? !value.length : !Object.keys(value).length)) lines.push(`${head} ${flow(value)}`);
    else if (Array.isArray(value)) {
      lines.push(head);
      const dash = ' '.repeat(column + style.seqIndent);
      for (const item of value) {
        if (item && typeof item === 'object' && !Array.isArray(item)) {
          const inner = emitMap(item, column + style.seqIndent + 2, style);
          lines.push(`${dash}- ${inner[0].trimStart()}`, ...inner.slice(1));
        } else lines.push(`${dash}- ${scalar(item)}`);
      }
    } else lines.push(head, ...emitMap(value, column + style.indent, style));
  }
  return lines;
}
