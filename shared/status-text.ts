/** Words for the language status item, from a `podsec/status` payload (pure, so it is tested without VS Code). */
import type { ProblemCounts, StatusParams } from './protocol';

/** `PodSec: restricted:v1.30 · ns production` (the enforce policy of the file's first workload). */
export function statusLabel(s: StatusParams): string {
  if (s.state !== 'ok') return `PodSec: ${s.state === 'skipped' ? 'not analysed' : 'analysis failed'}`;
  const [first, ...more] = s.policies;
  if (!first) return 'PodSec: no workloads';
  const others = more.length ? ` +${more.length} more` : '';
  return `PodSec: ${first.enforce} · ns ${first.namespace}${others}`;
}

/** `2 errors, 1 warning` / `no problems`, then the full policy of each namespace. */
export function statusDetail(s: StatusParams): string {
  if (s.state !== 'ok') return s.reason ?? '';
  const policies = s.policies.map((p) => `${p.namespace}: enforce ${p.enforce}, warn ${p.warn}, audit ${p.audit}`);
  return [countsText(s.counts), ...policies].join(' · ');
}

export function countsText(c: ProblemCounts): string {
  const parts = [
    [c.error, 'error', 'errors'],
    [c.warning, 'warning', 'warnings'],
    [c.info, 'info', 'infos'],
    [c.hint, 'hint', 'hints'],
  ] as const;
  const text = parts.filter(([n]) => n > 0).map(([n, one, many]) => `${n} ${n === 1 ? one : many}`);
  return text.length ? text.join(', ') : 'no problems';
}
