/**
 * Decides the policy of each object: a uniform `--level`, else its namespace's labels (from a Namespace manifest
 * among the inputs, or from configured labels), else the defaults. Kept apart from the workspace scan so the CLI
 * and the language server share it.
 */
import type { K8sObject } from '../parse/objects';
import type { Level } from '../types';
import { DEFAULT_POLICY, Labels, NamespacePolicy, resolveNamespacePolicy, ResolvedPolicy, uniformPolicy } from './namespace-policy';

export interface PolicyOptions {
  /** Evaluate every object at this level (labels ignored); all findings are errors. */
  level?: Level;
  /** Version for `level`, or the default version. */
  version?: string;
  /** Fallback policy for namespaces with no labels. */
  defaults?: NamespacePolicy;
  /** Namespace of objects without `metadata.namespace`. */
  defaultNamespace?: string;
  /** Labels of namespaces known from configuration (outside the inputs); manifests win over these. */
  configuredNamespaces?: ReadonlyMap<string, Labels>;
}

export interface NamespaceSource {
  /** Labels of the Namespace manifest with this name, if one is among the inputs. */
  labels(name: string): Labels | undefined;
}

export interface PolicyDecision extends ResolvedPolicy {
  namespace: string;
  /** Where the policy came from. */
  source: 'level' | 'namespace' | 'config' | 'default';
}

export class PolicyResolver {
  constructor(private readonly options: PolicyOptions, private readonly namespaces: NamespaceSource) {}

  namespaceOf(object: Pick<K8sObject, 'namespace'>): string {
    return object.namespace || this.options.defaultNamespace || 'default';
  }

  forObject(object: Pick<K8sObject, 'namespace'>): PolicyDecision {
    return this.forNamespace(this.namespaceOf(object));
  }

  forNamespace(namespace: string): PolicyDecision {
    const o = this.options;
    if (o.level) return { ...uniformPolicy(o.level, o.version ?? 'latest'), namespace, source: 'level' };
    const defaults = this.defaults();
    const fromManifest = this.namespaces.labels(namespace);
    if (fromManifest) return { ...resolveNamespacePolicy(fromManifest, defaults), namespace, source: 'namespace' };
    const configured = o.configuredNamespaces?.get(namespace);
    if (configured) return { ...resolveNamespacePolicy(configured, defaults), namespace, source: 'config' };
    return { ...resolveNamespacePolicy(undefined, defaults), namespace, source: 'default' };
  }

  private defaults(): NamespacePolicy {
    const d = this.options.defaults ?? DEFAULT_POLICY;
    const v = this.options.version;
    if (!v) return d;
    return { enforce: { ...d.enforce, version: v }, warn: { ...d.warn, version: v }, audit: { ...d.audit, version: v } };
  }
}
