/**
 * Suppression comments. The grammar (only real YAML comments count: a `#` inside a quoted string, a plain scalar
 * or a block scalar is text):
 *
 * ```
 * directive  = "#" [spaces] keyword [spaces rules] [spaces "--" [spaces reason]]
 * keyword    = "podsec-disable-next-line" | "podsec-disable" | "podsec-disable-file"
 * rules      = rule id, separated by commas and/or spaces; none means every rule
 * reason     = any text, for the reader (not interpreted)
 * ```
 *
 * - `# podsec-disable-next-line privileged, hostNamespaces -- reason` covers the next line that is neither blank
 *   nor a comment (a finding is on a line when its span starts there).
 * - `# podsec-disable runAsNonRoot` covers its whole `---` document; it must come before the document's first
 *   content (above or on the `---` line, or above the first key of a document without `---`).
 * - `# podsec-disable-file` (rules optional) covers the whole file, wherever it is written.
 *
 * `yamlSyntax` problems are never suppressed. A misplaced `podsec-disable` or a misspelled keyword
 * (`podsec-disable-line`) is kept as an invalid directive so that it can be reported instead of silently ignored.
 *
 * @example
 * parseDirectives('# podsec-disable-next-line privileged -- CNI needs it\nprivileged: true\n')
 * // directives[0]: { kind: 'disable-next-line', rules: [{ name: 'privileged', ... }], reason: 'CNI needs it',
 * //                  target: { start: 54, end: 70 } }  (the line `privileged: true`)
 */
import { LineIndex } from './line-index';
import { lexableText } from './parse/token-stream';
import type { Span } from './types';
import { yamlComments } from './yaml-comments';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'disable-file';

export interface DirectiveRule {
  name: string;
  span: Span;
}

export interface Directive {
  kind: DirectiveKind;
  /** The whole comment, from `#` to its last non-blank character. */
  span: Span;
  /** Empty: every rule. */
  rules: DirectiveRule[];
  reason?: string;
  /** The `---` document the comment is in. */
  documentIndex: number;
  /** disable-next-line only: the line it covers, without its line break (undefined when no line follows). */
  target?: Span;
}

export interface InvalidDirective {
  span: Span;
  message: string;
  documentIndex: number;
}

export interface DirectiveSet {
  directives: Directive[];
  invalid: InvalidDirective[];
}

export const DIRECTIVE_KEYWORDS: Readonly<Record<string, DirectiveKind>> = {
  'podsec-disable-next-line': 'disable-next-line',
  'podsec-disable': 'disable',
  'podsec-disable-file': 'disable-file',
};

const HEAD = /^#[ \t]*(podsec-disable[A-Za-z0-9_-]*)(?=[\s,]|$)/;
const REASON = /(^|\s)--(\s|$)/;
const RULE = /[^\s,]+/g;

export function parseDirectives(text: string): DirectiveSet {
  const out: DirectiveSet = { directives: [], invalid: [] };
  // Most files have none: skip the CST pass.
  if (!text.includes('podsec-disable')) return out;
  const comments = yamlComments(text);
  let lines: NextLineFinder | undefined;
  for (const c of comments) {
    const head = HEAD.exec(c.source);
    if (!head) continue;
    const body = c.source.trimEnd();
    const span = { start: c.span.start, end: c.span.start + body.length };
    const keyword = head[1];
    const kind = DIRECTIVE_KEYWORDS[keyword];
    if (!kind) {
      out.invalid.push({ span, documentIndex: c.documentIndex, message: `Unknown directive ${keyword} (use podsec-disable-next-line, podsec-disable or podsec-disable-file)` });
      continue;
    }
    if (kind === 'disable' && !c.atDocumentTop) {
      out.invalid.push({ span, documentIndex: c.documentIndex, message: 'podsec-disable only works before the first content of its document: use podsec-disable-next-line here, or move it to the top of the document' });
      continue;
    }
    const directive: Directive = { kind, span, documentIndex: c.documentIndex, ...splitBody(body, head[0].length, c.span.start) };
    if (kind === 'disable-next-line') {
      lines ??= new NextLineFinder(text, comments.map((x) => x.span.start));
      directive.target = lines.after(c.span.start);
    }
    out.directives.push(directive);
  }
  return out;
}

/** Rules and reason from the text after the keyword. */
function splitBody(body: string, from: number, offset: number): Pick<Directive, 'rules' | 'reason'> {
  const rest = body.slice(from);
  const sep = REASON.exec(rest);
  const ruleText = sep ? rest.slice(0, sep.index) : rest;
  const reason = sep ? rest.slice(sep.index + sep[0].length).trim() : '';
  const rules: DirectiveRule[] = [];
  for (const m of ruleText.matchAll(RULE)) {
    const start = offset + from + m.index!;
    rules.push({ name: m[0], span: { start, end: start + m[0].length } });
  }
  return reason ? { rules, reason } : { rules };
}

/** Finds the first line after an offset that is neither blank nor only a comment (lines as YAML reads them). */
class NextLineFinder {
  private readonly text: string;
  private readonly lines: LineIndex;
  private readonly commentStarts: Set<number>;

  constructor(text: string, commentStarts: number[]) {
    // Lines as the parser reads them (NEL, LS and PS end one too), so the comment and the line it names agree.
    this.text = lexableText(text);
    this.lines = new LineIndex(this.text);
    this.commentStarts = new Set(commentStarts);
  }

  after(offset: number): Span | undefined {
    for (let line = this.lines.positionAt(offset).line + 1; line < this.lines.lineCount; line++) {
      const start = this.lines.offsetAt({ line, character: 0 });
      const next = line + 1 < this.lines.lineCount ? this.lines.offsetAt({ line: line + 1, character: 0 }) : this.text.length;
      const content = this.text.slice(start, next).replace(/[\r\n]+$/, '');
      const indent = content.length - content.trimStart().length;
      if (!content.trim() || this.commentStarts.has(start + indent)) continue;
      return { start, end: start + content.length };
    }
    return undefined;
  }
}
