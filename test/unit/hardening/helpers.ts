import { LineIndex, NamespaceIndex, parseManifest } from '../../../server/src/engine';
import { evaluateHardening, HardeningOptions } from '../../../server/src/engine/evaluate-hardening';

/** Hardening findings of `text` (file main.yaml) as [ruleId, at, message, severity], with other files indexed too. */
export function harden(text: string, others: Record<string, string> = {}, options: Omit<HardeningOptions, 'workspace' | 'file'> = {}, only?: string): [string, string, string, string][] {
  const workspace = new NamespaceIndex();
  for (const [file, t] of Object.entries(others)) workspace.update(file, parseManifest(t));
  const parsed = parseManifest(text);
  workspace.update('main.yaml', parsed);
  const lines = new LineIndex(text);
  return evaluateHardening(parsed, { ...options, workspace, file: 'main.yaml', onRuleError: (id, e) => { throw new Error(`${id}: ${String(e)}`); } })
    .filter((f) => !only || f.ruleId === only)
    .map((f) => {
      const s = lines.positionAt(f.span.start);
      const e = lines.positionAt(f.span.end);
      return [f.ruleId, `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`, f.message, f.severity];
    });
}
