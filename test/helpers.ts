/**
 * Test helpers: run the engine on inline YAML and describe findings by position, so tests assert exact ranges.
 *
 * Caret markers: `at(text, '«')` style helpers are avoided; instead `rangeOf(text, needle, occurrence)` finds the
 * 0-based line/character range of the n-th occurrence of a substring, which keeps fixtures readable.
 */
import { analyzeText, LineIndex, NamespaceIndex, parseManifest, PolicyResolver } from '../server/src/engine';
import type { Finding, Level, PolicyOptions } from '../server/src/engine';

export interface LocatedFinding extends Finding {
  /** `line:col-line:col`, 1-based lines and columns, for compact assertions. */
  at: string;
}

/** Findings for one file under a uniform level/version (like `podsec check --level L --version V`). */
export function check(text: string, level: Level = 'restricted', version = 'latest'): LocatedFinding[] {
  return checkWith(text, { level, version });
}

/** Findings for one file with full policy options; Namespace manifests in `extraFiles` are indexed too. */
export function checkWith(text: string, options: PolicyOptions, extraFiles: string[] = []): LocatedFinding[] {
  const namespaces = new NamespaceIndex();
  extraFiles.forEach((f, i) => namespaces.update(`extra${i}.yaml`, parseManifest(f)));
  namespaces.update('main.yaml', parseManifest(text));
  const policy = new PolicyResolver(options, namespaces);
  const lines = new LineIndex(text);
  return analyzeText(text, { policy, onRuleError: (id, e) => { throw new Error(`rule ${id} threw: ${String(e)}`); } })
    .findings.map((f) => ({ ...f, at: locate(lines, f.span.start, f.span.end) }));
}

function locate(lines: LineIndex, start: number, end: number): string {
  const s = lines.positionAt(start);
  const e = lines.positionAt(end);
  return `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`;
}

/** Only the findings of one rule, as `[at, message]` pairs. */
export function ruleFindings(findings: LocatedFinding[], ruleId: string): [string, string][] {
  return findings.filter((f) => f.ruleId === ruleId).map((f) => [f.at, f.message]);
}

/** `line:col-line:col` (1-based) of the n-th occurrence (0-based) of `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 0): string {
  let i = -1;
  for (let n = 0; n <= occurrence; n++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`"${needle}" occurrence ${occurrence} not found`);
  }
  return locate(new LineIndex(text), i, i + needle.length);
}

/** A minimal Pod manifest around a spec body written at pod-spec indentation (2 spaces under `spec:`). */
export function pod(specBody: string, metadataExtra = ''): string {
  return `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n${metadataExtra}spec:\n${specBody}`;
}

/**
 * The minimal Pod that passes restricted at every version (the controller's fixture base): pod-level
 * runAsNonRoot and seccompProfile, and per container allowPrivilegeEscalation: false and drop ALL.
 */
export const RESTRICTED_POD = `apiVersion: v1
kind: Pod
metadata:
  name: base
spec:
  securityContext:
    runAsNonRoot: true
    seccompProfile:
      type: RuntimeDefault
  initContainers:
    - name: initcontainer1
      image: registry.k8s.io/pause
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop: [ALL]
  containers:
    - name: container1
      image: registry.k8s.io/pause
      securityContext:
        allowPrivilegeEscalation: false
        capabilities:
          drop: [ALL]
`;
