/**
 * `path:line:col: severity ruleId message`, 1-based, one finding a line; colour only when asked. A file name or a
 * message (container names are the user's text) holding a line break or another control character has it escaped:
 * one finding stays one line, and a name cannot send terminal escape sequences to a CI log.
 */
import type { Severity } from '../engine';
import type { FileFinding } from './report';

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m', dim: '\x1b[2m', reset: '\x1b[0m' };

export function formatText(findings: FileFinding[], color: boolean): string {
  const lines = findings.map((f) => {
    const loc = `${oneLine(f.file)}:${f.range.start.line + 1}:${f.range.start.character + 1}:`;
    const sev = color ? `${COLORS[f.severity]}${f.severity}${COLORS.reset}` : f.severity;
    const rule = color ? `${COLORS.dim}${f.ruleId}${COLORS.reset}` : f.ruleId;
    return `${loc} ${sev} ${rule} ${oneLine(f.message)}`;
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}

const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g;
const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r' };

function oneLine(text: string): string {
  return text.replace(CONTROL, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `3 problems (1 error, 0 warnings, 1 info, 1 hint) in 2 files`: every severity counted, so the parts add up. */
export function summaryLine(findings: FileFinding[], fileCount: number): string {
  const count = (s: Severity) => findings.filter((f) => f.severity === s).length;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const parts = [plural(count('error'), 'error'), plural(count('warning'), 'warning'), `${count('info')} info`, plural(count('hint'), 'hint')];
  return `${plural(findings.length, 'problem')} (${parts.join(', ')}) in ${plural(fileCount, 'file')}`;
}
