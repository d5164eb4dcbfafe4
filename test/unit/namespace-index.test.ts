import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { NamespaceIndex } from '../../server/src/engine/namespace-index';
import { emptyFacts, FileFacts } from '../../server/src/engine/workspace-facts';

/** The index's answers as plain filters over every file's facts in path order (what it must always agree with). */
class ReferenceIndex {
  private readonly byFile = new Map<string, FileFacts>();
  updateFacts(file: string, facts: FileFacts): void {
    this.byFile.set(file, facts);
  }
  private all(): FileFacts {
    const all = emptyFacts();
    for (const f of [...this.byFile.keys()].sort()) for (const k of Object.keys(all) as (keyof FileFacts)[]) (all[k] as unknown[]).push(...this.byFile.get(f)![k]);
    return all;
  }
  namespace(name: string) {
    return this.all().namespaces.find((n) => n.name === name);
  }
  serviceAccount(ns: string, name: string, dns: string) {
    return this.all().serviceAccounts.find((s) => (s.namespace || dns) === ns && s.name === name);
  }
  networkPolicies(ns: string, dns: string) {
    return this.all().networkPolicies.filter((n) => (n.namespace || dns) === ns);
  }
  limitRanges(ns: string, dns: string) {
    return this.all().limitRanges.filter((n) => (n.namespace || dns) === ns);
  }
  workloads(ns: string, dns: string) {
    return this.all().workloads.filter((n) => (n.namespace || dns) === ns);
  }
}

const NAMESPACES = ['', 'default', 'team-a', 'team-b'];
const FILES = ['a.yaml', 'b/c.yaml', 'b.yaml', 'z.yaml'];

/** A file's facts: objects in file order, each of one kind, in a namespace or none. */
const factsArb = (file: string) => fc.array(fc.record({
  kind: fc.constantFrom('ns', 'sa', 'np', 'lr', 'wl'),
  namespace: fc.constantFrom(...NAMESPACES),
  name: fc.constantFrom('x', 'y', 'team-a', 'default'),
}), { maxLength: 6 }).map((objects) => {
  const facts = emptyFacts();
  objects.forEach((o, ordinal) => {
    const at = { file, documentIndex: ordinal, ordinal, name: o.name };
    const namespace = o.namespace || undefined;
    if (o.kind === 'ns') facts.namespaces.push({ ...at, labels: { n: String(ordinal) } });
    else if (o.kind === 'sa') facts.serviceAccounts.push({ ...at, namespace });
    else if (o.kind === 'np') facts.networkPolicies.push({ ...at, namespace, selectsAll: true, ingress: true, egress: false });
    else if (o.kind === 'lr') facts.limitRanges.push({ ...at, namespace, kind: 'LimitRange' });
    else facts.workloads.push({ ...at, namespace, kind: 'Deployment' });
  });
  return facts;
});

const updateArb = fc.constantFrom(...FILES).chain((file) => factsArb(file).map((facts) => ({ file, facts })));

test('after any sequence of file updates, every answer is the one a filter over all facts in path order gives', () => {
  fc.assert(fc.property(fc.array(updateArb, { minLength: 1, maxLength: 12 }), (updates) => {
    const index = new NamespaceIndex();
    const reference = new ReferenceIndex();
    for (const { file, facts } of updates) {
      index.updateFacts(file, facts);
      reference.updateFacts(file, facts);
      // Asked between updates too: remembered answers must not outlive a change.
      for (const ns of NAMESPACES) {
        for (const dns of ['default', 'team-a']) {
          assert.deepEqual(index.workloads(ns, dns), reference.workloads(ns, dns));
          assert.deepEqual(index.networkPolicies(ns, dns), reference.networkPolicies(ns, dns));
          assert.deepEqual(index.limitRanges(ns, dns), reference.limitRanges(ns, dns));
          for (const name of ['x', 'y']) assert.deepEqual(index.serviceAccount(ns, name, dns), reference.serviceAccount(ns, name, dns));
        }
        assert.deepEqual(index.namespace(ns), reference.namespace(ns));
      }
    }
  }), { numRuns: 300 });
});

test('a file declaring a Namespace already declared by a file earlier in path order does not win', () => {
  const index = new NamespaceIndex();
  const ns = (file: string, team: string): FileFacts => ({ ...emptyFacts(), namespaces: [{ file, documentIndex: 0, ordinal: 0, name: 'team-a', labels: { team } }] });
  index.updateFacts('z.yaml', ns('z.yaml', 'z'));
  assert.equal(index.get('team-a')?.file, 'z.yaml');
  index.updateFacts('a.yaml', ns('a.yaml', 'a'));
  assert.deepEqual(index.get('team-a'), { name: 'team-a', labels: { team: 'a' }, file: 'a.yaml' });
  index.remove('a.yaml');
  assert.deepEqual(index.labels('team-a'), { team: 'z' });
  assert.deepEqual(index.all().map((e) => e.file), ['z.yaml']);
});

test('an answer already handed out does not change when the index does', () => {
  const index = new NamespaceIndex();
  const wl = (file: string): FileFacts => ({ ...emptyFacts(), workloads: [{ file, documentIndex: 0, ordinal: 0, name: 'w', kind: 'Deployment', namespace: 'team-a' }] });
  index.updateFacts('b.yaml', wl('b.yaml'));
  const before = index.workloads('team-a', 'default');
  index.updateFacts('a.yaml', wl('a.yaml'));
  assert.deepEqual(before.map((w) => w.file), ['b.yaml']);
  assert.deepEqual(index.workloads('team-a', 'default').map((w) => w.file), ['a.yaml', 'b.yaml']);
});

test('facts handed in under another file name are filed under the name they were given with, and replaced with it', () => {
  const index = new NamespaceIndex();
  const wl = (file: string): FileFacts => ({ ...emptyFacts(), workloads: [{ file, documentIndex: 0, ordinal: 0, name: 'w', kind: 'Deployment', namespace: 'team-a' }] });
  index.updateFacts('c.yaml', wl('c.yaml'));
  index.updateFacts('b.yaml', wl('elsewhere.yaml'));
  assert.deepEqual(index.workloads('team-a', 'default').map((w) => w.file), ['b.yaml', 'c.yaml']);
  index.updateFacts('b.yaml', emptyFacts());
  assert.deepEqual(index.workloads('team-a', 'default').map((w) => w.file), ['c.yaml']);
});
