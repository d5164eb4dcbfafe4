/**
 * "Disable <rule> for this line / for this document": suppression comments in the grammar of ../suppress.ts.
 * A new `# podsec-disable-next-line <rule>` line copies the indentation of the finding's line; a directive that
 * already covers the line (or the document) is extended with `, <rule>` instead of stacking a second comment, as
 * eslint's createDisableLineTextEdit does. JSON has no comments, so JSON files get neither.
 */
import { suppressibleRuleIds } from '../config';
import type { ParsedManifest } from '../parse/documents';
import { Directive, parseDirectives } from '../suppress';
import type { Finding } from '../types';
import { isJsonText } from './style';
import { eolOf, indentationOf, lineEnd, lineStart, nextLineStart } from './text';
import type { Fix, TextEdit } from './types';

export function disableLineFix(finding: Finding, parsed: ParsedManifest): Fix | undefined {
  const text = parsed.text;
  if (!suppressible(finding, text)) return undefined;
  const line = lineStart(text, finding.span.start);
  const directives = parseDirectives(text).directives;
  const existing = directives.filter((d) => d.kind === 'disable-next-line' && d.target?.start === line).pop();
  const edit = existing ? extend(existing, finding.ruleId) : {
    span: { start: line, end: line },
    newText: `${indentationOf(text, line)}# podsec-disable-next-line ${finding.ruleId}${eolOf(text)}`,
  };
  return edit && { ruleId: finding.ruleId, title: `Disable ${finding.ruleId} for this line`, isPreferred: false, edits: [edit] };
}

export function disableDocumentFix(finding: Finding, parsed: ParsedManifest): Fix | undefined {
  const text = parsed.text;
  const doc = parsed.documents[finding.documentIndex];
  if (!doc || !suppressible(finding, text)) return undefined;
  const directives = parseDirectives(text).directives;
  const existing = directives.filter((d) => d.kind === 'disable' && d.documentIndex === finding.documentIndex).pop();
  let edit: TextEdit | undefined;
  if (existing) edit = extend(existing, finding.ruleId);
  else {
    const at = documentTop(text, doc.doc.range[0]);
    if (at === undefined) return undefined;
    edit = { span: { start: at, end: at }, newText: `# podsec-disable ${finding.ruleId}${eolOf(text)}` };
  }
  return edit && { ruleId: finding.ruleId, title: `Disable ${finding.ruleId} for this document`, isPreferred: false, edits: [edit] };
}

function suppressible(finding: Finding, text: string): boolean {
  return !isJsonText(text) && suppressibleRuleIds().includes(finding.ruleId);
}

/** `, rule` after the directive's last rule; nothing when it already names the rule or covers every rule. */
function extend(directive: Directive, ruleId: string): TextEdit | undefined {
  const rules = directive.rules;
  if (!rules.length || rules.some((r) => r.name === ruleId)) return undefined;
  const end = rules[rules.length - 1].span.end;
  return { span: { start: end, end }, newText: `, ${ruleId}` };
}

/**
 * Where a document-level directive goes: on the line after the document's `---` (only a comment may follow the
 * marker on its line), or above the first line of a document that has no marker; after a BOM at either place.
 */
function documentTop(text: string, docStart: number): number | undefined {
  if (!text.startsWith('---', docStart)) return afterBom(text, lineStart(text, docStart));
  const rest = text.slice(docStart + 3, lineEnd(text, docStart));
  if (!/^(\s*|\s+#.*)$/.test(rest)) return undefined;
  return afterBom(text, nextLineStart(text, docStart));
}

/** A BOM starting the file or the line after `---` stays first: the parser only drops it there. */
function afterBom(text: string, at: number): number {
  return text.charCodeAt(at) === 0xfeff ? at + 1 : at;
}
