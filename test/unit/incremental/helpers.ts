/**
 * A file linted incrementally, edit after edit, next to the same text linted whole by lintParsed with the same
 * options, in a workspace that may hold other files: the equivalence the incremental lint promises.
 */
import { lintParsed, NamespaceIndex, parseManifest, PolicyResolver } from '../../../server/src/engine';
import type { Finding, PodsecConfig, PolicyOptions } from '../../../server/src/engine';
import { factsOfText, IncrementalLint, lintIncrementally } from '../../../server/src/engine/incremental';
import type { FileFacts } from '../../../server/src/engine/workspace-facts';

export const FILE = '/w/main.yaml';

export interface Settings {
  policy: PolicyOptions;
  config?: PodsecConfig;
}

/** An open file, linted incrementally in a workspace that other files can join and leave. */
export class EditedFile {
  readonly workspace = new NamespaceIndex();
  private generation = 0;
  private others = new Map<string, string>();
  state?: IncrementalLint;
  published: FileFacts[] = [];
  ruleErrors: string[] = [];

  constructor(public settings: Settings = { policy: {} }) {}

  /** Another workspace file (undefined: removed); counts as a change of the workspace. */
  setOther(name: string, text: string | undefined): void {
    if (text === undefined) this.others.delete(name);
    else this.others.set(name, text);
    this.workspace.updateFacts(name, text === undefined ? factsOfText('', name) : factsOfText(text, name));
    this.generation++;
  }

  lint(text: string): IncrementalLint {
    this.state = lintIncrementally(this.state, text, {
      key: JSON.stringify(this.settings),
      file: FILE,
      workspace: this.workspace,
      generation: () => this.generation,
      publishFacts: (facts) => {
        this.published.push(facts);
        this.workspace.updateFacts(FILE, facts);
        this.generation++;
      },
      policy: this.settings.policy,
      config: this.settings.config,
      hardening: { defaultNamespace: this.settings.policy.defaultNamespace },
      onRuleError: (id, e) => this.ruleErrors.push(`${id}: ${String(e)}`),
    });
    return this.state;
  }

  /** lintParsed over the whole text, with every workspace file indexed the way the CLI indexes them. */
  whole(text: string): Finding[] {
    const index = new NamespaceIndex();
    const parsed = parseManifest(text);
    index.update(FILE, parsed);
    for (const [name, other] of this.others) index.update(name, parseManifest(other));
    return lintParsed(parsed, {
      policy: new PolicyResolver(this.settings.policy, index),
      config: this.settings.config,
      hardening: { workspace: index, file: FILE, defaultNamespace: this.settings.policy.defaultNamespace },
    });
  }
}

export const NAMESPACE_PROD = `apiVersion: v1
kind: Namespace
metadata:
  name: prod
  labels:
    pod-security.kubernetes.io/enforce: restricted
`;

export const SERVICE_ACCOUNT = `apiVersion: v1
kind: ServiceAccount
metadata:
  name: default
  namespace: prod
automountServiceAccountToken: false
`;

/** A pod in a namespace, breaking baseline (privileged) and restricted (no runAsNonRoot, no seccomp). */
export function pod(name: string, namespace = 'prod'): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  namespace: ${namespace}
spec:
  containers:
    - name: app
      image: nginx:1.25
      securityContext:
        privileged: true
`;
}

export function joinDocuments(...docs: string[]): string {
  return docs.join('---\n');
}
