/** The JSON contract: {"findings":[{file, ruleId, severity, message, range (0-based), object}]}, plus context fields. */
import type { FileFinding } from './report';

export function formatJson(findings: FileFinding[]): string {
  return `${JSON.stringify({
    findings: findings.map((f) => ({
      file: f.file,
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      range: f.range,
      object: f.object ? { kind: f.object.kind, name: f.object.name ?? null, namespace: f.object.namespace ?? null } : null,
      category: f.category,
      policy: f.policy ?? null,
      mode: f.mode ?? null,
      ...(f.note ? { note: f.note } : {}),
    })),
  }, null, 2)}\n`;
}
