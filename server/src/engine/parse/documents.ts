/**
 * Splits a file into its `---` documents with the `yaml` package (YAML 1.1 scalars, as kubectl's decoder reads
 * them: `yes`/`on` are booleans) and finds the Kubernetes objects in each. JSON files parse the same way.
 */
import { Document, parseAllDocuments } from 'yaml';
import type { Span } from '../types';
import { findObjects, K8sObject } from './objects';
import { NodeReader } from './nodes';

export interface SyntaxProblem {
  message: string;
  span: Span;
}

export interface ManifestDocument {
  index: number;
  /** The document's extent in the file, from its first byte (or `---`) to its end. */
  span: Span;
  doc: Document.Parsed;
  reader: NodeReader;
  errors: SyntaxProblem[];
  objects: K8sObject[];
}

export interface ParsedManifest {
  text: string;
  documents: ManifestDocument[];
}

export function parseManifest(text: string): ParsedManifest {
  const parsed = parseAllDocuments(text, {
    version: '1.1',
    merge: true,
    prettyErrors: false,
    uniqueKeys: false,
    strict: false,
  });
  const list = Array.isArray(parsed) ? parsed : [];
  const documents = list.map((doc, index) => {
    const reader = new NodeReader(doc);
    const errors = doc.errors.map((e) => ({
      message: firstLine(e.message),
      span: { start: e.pos[0], end: Math.max(e.pos[1], e.pos[0]) },
    }));
    const r = doc.range;
    return {
      index,
      span: { start: r[0], end: r[2] },
      doc,
      reader,
      errors,
      objects: errors.length ? [] : findObjects(reader, doc.contents, index),
    };
  });
  return { text, documents };
}

function firstLine(message: string): string {
  const i = message.indexOf('\n');
  return i < 0 ? message : message.slice(0, i);
}
