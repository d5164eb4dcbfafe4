/**
 * networkPolicyDefaultDeny: appends a `---` document with a NetworkPolicy that selects every pod of the namespace
 * and allows nothing (`podSelector: {}`, `policyTypes: [Ingress, Egress]`), in the file's indentation and line
 * breaks. Its namespace is written only when the finding's object names one (a Namespace manifest, or a workload
 * with `metadata.namespace`); otherwise it lands where the workload lands. Named `default-deny` unless a
 * NetworkPolicy of the file has that name. YAML only (a JSON file holds one document); not preferred: traffic is
 * blocked until other policies allow the flows the workloads need.
 */
import { renderBlockEntries } from '../render';
import { isLineStart } from '../text';
import type { FixContext } from '../locate';
import type { FixValue } from '../types';
import { fix, RuleFixer } from './common';
import { uniqueName } from './unique-name';

export const networkPolicyDefaultDeny: RuleFixer = {
  ruleId: 'networkPolicyDefaultDeny',
  preferred: false,
  fixes(ctx) {
    if (ctx.style.json) return [];
    const object = ctx.finding.object;
    const namespace = object?.kind === 'Namespace' ? object.name : object?.namespace;
    const metadata: { [key: string]: FixValue } = { name: uniqueName('default-deny', policyNames(ctx)) };
    if (namespace) metadata.namespace = namespace;
    const manifest = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata,
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    };
    const { text, style } = ctx;
    const lines = [...(endsWithEmptyDocument(ctx) ? [] : ['---']), ...renderBlockEntries(manifest, 0, style)];
    const lead = text.length && !isLineStart(text, text.length) ? style.eol : '';
    const where = namespace ? ` for namespace "${namespace}"` : '';
    const title = `Add a default-deny NetworkPolicy${where} at the end of the file (blocks all traffic until other policies allow it)`;
    return fix(ctx, title, [{ span: { start: text.length, end: text.length }, newText: lead + lines.join(style.eol) + style.eol }], false);
  },
};

function policyNames(ctx: FixContext): Set<string> {
  const names = ctx.parsed.documents.flatMap((d) => d.objects).filter((o) => o.kind === 'NetworkPolicy').map((o) => o.name);
  return new Set(names.filter((n): n is string => n !== undefined));
}

/** A file ending in `---` (then only blank lines or comments) already opens the document to fill. */
function endsWithEmptyDocument(ctx: FixContext): boolean {
  const docs = ctx.parsed.documents;
  const last = docs[docs.length - 1];
  return docs.length > 1 && /^---[ \t]*(#.*)?(\r?\n[ \t]*(#.*)?)*$/.test(ctx.text.slice(last.doc.range[0]));
}
