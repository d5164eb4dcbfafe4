/**
 * A small model of the Pod fields the Pod Security checks read, shaped like the API's JSON, plus the helpers the
 * fixture generators use to mutate it. An absent property is Go's nil; `render` writes the object the way the
 * upstream fixtures are written (keys sorted, block style, sequences not indented).
 */
import { stringify } from 'yaml';

export interface SeccompProfile {
  type: string;
  localhostProfile?: string;
}

export interface SELinuxOptions {
  user?: string;
  role?: string;
  type?: string;
  level?: string;
}

export interface SecurityContext {
  allowPrivilegeEscalation?: boolean;
  privileged?: boolean;
  capabilities?: { add?: string[]; drop?: string[] };
  procMount?: string;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  seccompProfile?: SeccompProfile;
  seLinuxOptions?: SELinuxOptions;
  appArmorProfile?: { type: string; localhostProfile?: string };
  windowsOptions?: { hostProcess?: boolean };
}

export interface PodSecurityContext extends Omit<SecurityContext, 'allowPrivilegeEscalation' | 'privileged' | 'capabilities' | 'procMount'> {
  sysctls?: { name: string; value: string }[];
}

export interface Handler {
  httpGet?: { host?: string; port: number };
  tcpSocket?: { host?: string; port: number };
}

export interface Container {
  name: string;
  image: string;
  restartPolicy?: string;
  ports?: { containerPort: number; hostPort?: number }[];
  livenessProbe?: Handler;
  readinessProbe?: Handler;
  lifecycle?: { postStart?: Handler; preStop?: Handler };
  securityContext?: SecurityContext;
}

/** A volume: its name and (at most, when valid) one source, keyed by the source's field name. */
export interface Volume {
  name: string;
  [source: string]: unknown;
}

export interface PodSpec {
  os?: { name: string };
  hostUsers?: boolean;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  securityContext?: PodSecurityContext;
  initContainers: Container[];
  containers: Container[];
  ephemeralContainers?: Container[];
  volumes?: Volume[];
}

export interface Pod {
  annotations?: Record<string, string>;
  spec: PodSpec;
}

/** A changed copy; the input is left alone. */
export function tweak(pod: Pod, change: (copy: Pod) => void): Pod {
  const copy = structuredClone(pod);
  change(copy);
  return copy;
}

/** The pod's and every container's securityContext exist (possibly empty). */
export function ensureSecurityContext(pod: Pod): Pod {
  return tweak(pod, (p) => {
    p.spec.securityContext ??= {};
    for (const c of [...p.spec.initContainers, ...p.spec.containers]) c.securityContext ??= {};
  });
}

/** Every container's securityContext.capabilities exists. */
export function ensureCapabilities(pod: Pod): Pod {
  return tweak(ensureSecurityContext(pod), (p) => {
    for (const c of [...p.spec.initContainers, ...p.spec.containers]) c.securityContext!.capabilities ??= {};
  });
}

/** The pod's and every container's seLinuxOptions exist. */
export function ensureSELinuxOptions(pod: Pod): Pod {
  return tweak(ensureSecurityContext(pod), (p) => {
    p.spec.securityContext!.seLinuxOptions ??= {};
    for (const c of [...p.spec.initContainers, ...p.spec.containers]) c.securityContext!.seLinuxOptions ??= {};
  });
}

export function ensureAnnotations(pod: Pod): Pod {
  return tweak(pod, (p) => {
    p.annotations ??= {};
  });
}

/** The first (and only) container and init container, which the generators mutate. */
export const container = (p: Pod): Container => p.spec.containers[0];
export const initContainer = (p: Pod): Container => p.spec.initContainers[0];
export const sc = (c: Container): SecurityContext => (c.securityContext ??= {});
export const podSC = (p: Pod): PodSecurityContext => (p.spec.securityContext ??= {});

const YAML_OPTIONS = { sortMapEntries: true, indentSeq: false, version: '1.1' } as const;

/** As a Pod manifest named `name`; empty annotations are left out, as Go's omitempty does. */
export function renderPod(name: string, pod: Pod): string {
  const metadata: Record<string, unknown> = { name };
  if (pod.annotations && Object.keys(pod.annotations).length) metadata.annotations = pod.annotations;
  return stringify({ apiVersion: 'v1', kind: 'Pod', metadata, spec: pod.spec }, YAML_OPTIONS);
}

/** The same pod spec as the template of a Deployment (annotations on the template's metadata). */
export function renderDeployment(name: string, pod: Pod): string {
  const templateMetadata: Record<string, unknown> = { labels: { app: name } };
  if (pod.annotations && Object.keys(pod.annotations).length) templateMetadata.annotations = pod.annotations;
  const spec = { selector: { matchLabels: { app: name } }, template: { metadata: templateMetadata, spec: pod.spec } };
  return stringify({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name }, spec }, YAML_OPTIONS);
}
