/**
 * From a finding back to what a fix edits: the document, the pod spec whose object contains the finding, and the
 * place inside it (a container, a volume, the pod template's metadata, or the pod spec itself). Rules report a
 * missing field on the nearest existing key or the container's name (rules/anchors.ts), which always lies inside
 * the container, so containment is enough; anything that matches two places is ambiguous and gets no fix.
 * A finding on an object without a pod spec (a Namespace) gets the `object` site; its context has no pod, and a
 * fixer that reads `pod` there refuses (CannotFix) like any other impossible edit.
 */
import type { ManifestDocument, ParsedManifest } from '../parse/documents';
import type { NodeReader, Ref } from '../parse/nodes';
import type { K8sObject } from '../parse/objects';
import type { ContainerRef, PodTarget } from '../parse/pod-specs';
import { podTargets } from '../evaluate';
import type { Finding, Span } from '../types';
import type { EditContext } from './edits/context';
import { refuse } from './refuse';
import { docStyle } from './style';
import { DEFAULT_NON_ROOT_USER_ID, DEFAULT_RESOURCE_DEFAULTS, FixOptions, ResourceDefaults } from './types';

export type Site =
  | { kind: 'container'; container: ContainerRef }
  | { kind: 'volume'; volume: Ref; name: string }
  | { kind: 'metadata'; metadata: Ref }
  | { kind: 'pod' }
  | { kind: 'object'; object: K8sObject };

export interface FixContext extends EditContext {
  finding: Finding;
  /** The whole file, for fixes that look at its other documents. */
  parsed: ParsedManifest;
  doc: ManifestDocument;
  reader: NodeReader;
  pod: PodTarget;
  site: Site;
  nonRootUserId: number;
  resourceDefaults: ResourceDefaults;
}

export const contains = (outer: Span, inner: Span) => outer.start <= inner.start && inner.end <= outer.end;

export function locate(finding: Finding, parsed: ParsedManifest, options: FixOptions = {}): FixContext | undefined {
  const doc = parsed.documents[finding.documentIndex];
  if (!doc || doc.errors.length) return undefined;
  const base = {
    text: parsed.text,
    style: docStyle(parsed.text, doc.doc),
    finding,
    parsed,
    doc,
    reader: doc.reader,
    nonRootUserId: options.nonRootUserId ?? DEFAULT_NON_ROOT_USER_ID,
    resourceDefaults: { ...DEFAULT_RESOURCE_DEFAULTS, ...options.resourceDefaults },
  };
  const pods = podTargets(doc).filter((p) => !p.object.ref.aliased && contains(p.object.ref.span, finding.span));
  if (!pods.length) return objectContext(base, doc, finding);
  if (pods.length !== 1) return undefined;
  const pod = pods[0];
  const site = siteOf(pod, finding.span);
  if (!site) return undefined;
  return { ...base, pod, site };
}

/** The context of a finding on an object that has no pod spec: reading its `pod` refuses the fix. */
function objectContext(base: Omit<FixContext, 'pod' | 'site'>, doc: ManifestDocument, finding: Finding): FixContext | undefined {
  const objects = doc.objects.filter((o) => !o.ref.aliased && contains(o.ref.span, finding.span));
  if (objects.length !== 1) return undefined;
  return {
    ...base,
    site: { kind: 'object', object: objects[0] },
    get pod(): PodTarget {
      return refuse('the finding is not in a pod spec');
    },
  };
}

function siteOf(pod: PodTarget, span: Span): Site | undefined {
  const r = pod.reader;
  const containers = pod.containers.filter((c) => contains(c.ref.span, span));
  if (containers.length > 1) return undefined;
  if (containers.length === 1) return { kind: 'container', container: containers[0] };
  const volumes = r.items(r.child(pod.spec, 'volumes')).filter((v) => r.map(v) && contains(v.span, span));
  if (volumes.length > 1) return undefined;
  if (volumes.length === 1) return { kind: 'volume', volume: volumes[0], name: r.text(r.child(volumes[0], 'name')) ?? '' };
  if (pod.metadata && contains(pod.metadata.span, span)) return { kind: 'metadata', metadata: pod.metadata };
  return { kind: 'pod' };
}
