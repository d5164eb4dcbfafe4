/**
 * A file's cross-file facts (Namespaces, ServiceAccounts, NetworkPolicies, LimitRanges, workloads) read unit by
 * unit, so indexing a large file never holds more than one unit's syntax tree: the same facts as `factsIn` over the
 * whole parse (a text over the parser's token budget is read whole: that parse stops early).
 */
import { parseManifest, ParsedManifest } from '../parse/documents';
import type { Span } from '../types';
import { emptyFacts, factsIn, FileFacts } from '../workspace-facts';
import { concatFacts, shiftFacts } from './file-steps';
import { overTokenBudget, slicesOf } from './lint-incremental';
import { BrokenEnds, brokenEnds, planUnits } from './units';

/** Files that name no `kind` declare no object: their facts are known without parsing. */
const MAY_HAVE_OBJECTS = /kind/;

interface FactsUnit {
  edges: BrokenEnds;
  tokens: number;
  documents: number;
  objects: number;
  facts: FileFacts;
}

export function factsOfText(text: string, file: string): FileFacts {
  if (!MAY_HAVE_OBJECTS.test(text)) return emptyFacts();
  const probed = new Map<string, ParsedManifest>();
  const planned = planUnits<FactsUnit>(slicesOf(text), {
    reuse: () => undefined,
    probe: (span: Span) => {
      const parsed = parseManifest(text.slice(span.start, span.end));
      probed.set(`${span.start}:${span.end}`, parsed);
      return brokenEnds(parsed);
    },
    make: (start, end, _before, edges) => {
      const parsed = probed.get(`${start}:${end}`) ?? parseManifest(text.slice(start, end));
      for (const key of probed.keys()) if (Number(key.slice(0, key.indexOf(':'))) < end) probed.delete(key);
      return { edges, tokens: parsed.tokens ?? 0, documents: parsed.documents.length, objects: parsed.documents.reduce((n, d) => n + d.objects.length, 0), facts: factsIn(parsed, file) };
    },
    edges: (u) => u.edges,
  });
  // Past the parser's budget for a file the whole parse stops early: its facts are the ones it read.
  if (planned.length > 1 && overTokenBudget(planned.map((p) => p.unit))) return factsIn(parseManifest(text), file);
  let documentBase = 0;
  let objectBase = 0;
  const parts: FileFacts[] = [];
  for (const { start, unit } of planned) {
    parts.push(shiftFacts(unit.facts, { start, documentBase, objectBase }));
    documentBase += unit.documents;
    objectBase += unit.objects;
  }
  return concatFacts(parts);
}
