/** Recognises Kubernetes objects: a map with string `apiVersion` and `kind`; `kind: List` items are objects too. */
import type { Node } from 'yaml';
import type { ObjectRef } from '../types';
import { NodeReader, Ref } from './nodes';

export interface K8sObject extends ObjectRef {
  apiVersion: string;
  ref: Ref;
  documentIndex: number;
  labels: Map<string, string>;
}

/**
 * kubectl unpacks Lists inside Lists however deep; this bounds the recursion only (the parser's nesting limit comes
 * first in practice, and aliases that would multiply items are cut off by the alias limit before objects are found).
 */
const MAX_LIST_NESTING = 64;

export function findObjects(reader: NodeReader, contents: Node | null, documentIndex: number): K8sObject[] {
  const root = reader.root(contents);
  const out: K8sObject[] = [];
  const visit = (ref: Ref | undefined, depth: number): void => {
    const obj = toObject(reader, ref, documentIndex);
    if (!obj) return;
    if (/List$/.test(obj.kind) && depth < MAX_LIST_NESTING) {
      const items = reader.child(ref, 'items');
      if (items && reader.seq(items)) {
        for (const item of reader.items(items)) visit(item, depth + 1);
        return;
      }
    }
    out.push(obj);
  };
  visit(root, 0);
  return out;
}

function toObject(reader: NodeReader, ref: Ref | undefined, documentIndex: number): K8sObject | undefined {
  if (!ref || !reader.map(ref)) return undefined;
  const apiVersion = reader.str(reader.child(ref, 'apiVersion'));
  const kind = reader.str(reader.child(ref, 'kind'));
  if (!apiVersion || !kind) return undefined;
  const metadata = reader.child(ref, 'metadata');
  const labels = new Map<string, string>();
  for (const [k, v] of reader.stringMap(reader.child(metadata, 'labels'))) labels.set(k, v.value);
  return {
    apiVersion,
    kind,
    name: reader.text(reader.child(metadata, 'name')),
    namespace: reader.text(reader.child(metadata, 'namespace')),
    ref,
    documentIndex,
    labels,
  };
}

/** The API group of an apiVersion (`apps/v1` -> `apps`, `v1` -> ``). */
export function apiGroup(apiVersion: string): string {
  const i = apiVersion.indexOf('/');
  return i < 0 ? '' : apiVersion.slice(0, i);
}
