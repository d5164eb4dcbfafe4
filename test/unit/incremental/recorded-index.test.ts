/**
 * DependencyRecorder: what a unit's rules read from the workspace index, so the unit is linted again only when one
 * of those answers changes: element by element for lists, relative to the unit for the file's own facts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NamespaceIndex } from '../../../server/src/engine';
import { changeScope, dependenciesHold, DependencyRecorder, factsOfText, IN_DEFAULT_NAMESPACE, mayDependOn } from '../../../server/src/engine/incremental';
import fc from 'fast-check';
import { emptyFacts } from '../../../server/src/engine/workspace-facts';
import { joinDocuments, NAMESPACE_PROD, pod } from './helpers';

const place = (documents: number, objects = documents) => ({ file: '/w/a.yaml', documents, objects });

function indexWith(files: Record<string, string>): NamespaceIndex {
  const index = new NamespaceIndex();
  for (const [name, text] of Object.entries(files)) index.updateFacts(name, factsOfText(text, name));
  return index;
}

test('a list is a dependency on the elements read: the first workload, not the ones added after it', () => {
  const index = indexWith({ '/w/a.yaml': joinDocuments(pod('a'), pod('b')) });
  const recorder = new DependencyRecorder(index, place(0));
  assert.equal(recorder.index.workloads('prod', 'default')[0].name, 'a');
  const deps = recorder.dependencies();
  assert.deepEqual(deps.map((d) => [d.method, d.args]), [['workloads', ['prod', 'default']]]);
  index.updateFacts('/w/z.yaml', factsOfText(pod('c'), '/w/z.yaml'));
  assert.equal(dependenciesHold(deps, index, place(0)), true, 'a third workload, later in path order');
  index.updateFacts('/w/0.yaml', factsOfText(pod('first'), '/w/0.yaml'));
  assert.equal(dependenciesHold(deps, index, place(0)), false, 'a workload before it');
});

test('only the properties read count: "is the first workload mine?" does not depend on its name when it is not', () => {
  const index = indexWith({ '/w/a.yaml': joinDocuments(pod('a'), pod('b')) });
  // Unit of document 1 (pod b) asks whether the first workload of prod is its own object, as the rules do.
  const recorder = new DependencyRecorder(index, place(1));
  const first = recorder.index.workloads('prod', 'default')[0];
  assert.equal(first.file === '/w/a.yaml' && first.documentIndex === 0, false, 'document 0 is the unit before');
  const deps = recorder.dependencies();
  index.updateFacts('/w/a.yaml', factsOfText(joinDocuments(pod('renamed'), pod('b')), '/w/a.yaml'));
  assert.equal(dependenciesHold(deps, index, place(1)), true, 'the first workload renamed: the answer read is the same');
  // Pod a's own unit read the name as well (the first workload is in its document): renaming it matters there.
  const own = new DependencyRecorder(indexWith({ '/w/a.yaml': joinDocuments(pod('a'), pod('b')) }), place(0));
  const w = own.index.workloads('prod', 'default')[0];
  assert.equal(w.file === '/w/a.yaml' && w.documentIndex === 0 && w.name === 'a', true);
  assert.equal(dependenciesHold(own.dependencies(), index, place(0)), false);
});

test('reading the length depends on the count; iterating depends on every element', () => {
  const index = indexWith({ '/w/a.yaml': joinDocuments(pod('a'), pod('b')) });
  const recorder = new DependencyRecorder(index, place(0));
  assert.equal(recorder.index.workloads('prod', 'default').length, 2);
  assert.deepEqual(recorder.index.networkPolicies('prod', 'default').filter(() => true), []);
  const deps = recorder.dependencies();
  assert.deepEqual(deps.map((d) => d.reads), [['length'], ['length']]);
  index.updateFacts('/w/b.yaml', factsOfText(pod('c'), '/w/b.yaml'));
  assert.equal(dependenciesHold(deps, index, place(0)), false);
  // Serialising an answer reads all of it.
  const all = new DependencyRecorder(index, place(0));
  assert.equal(JSON.stringify(all.index.workloads('prod', 'default')).includes('"name":"c"'), true);
  const whole = all.dependencies();
  index.updateFacts('/w/b.yaml', factsOfText(pod('c2'), '/w/b.yaml'));
  assert.equal(dependenciesHold(whole, index, place(0)), false);
});

test('facts of the file itself are seen from the unit: moving the unit does not change them, moving the fact does', () => {
  const text = joinDocuments(NAMESPACE_PROD, pod('a'));
  const index = indexWith({ '/w/a.yaml': text });
  // The unit holding the pod is the file's document 1; the Namespace, document 0, is one document before it.
  const recorder = new DependencyRecorder(index, place(1));
  assert.equal(recorder.index.namespace('prod')!.documentIndex, -1);
  const deps = recorder.dependencies();
  // A document added at the top moves both the Namespace and the unit: the same answer, seen from the unit.
  index.updateFacts('/w/a.yaml', factsOfText(joinDocuments('kind: x\n', text), '/w/a.yaml'));
  assert.equal(dependenciesHold(deps, index, place(2)), true);
  // The Namespace moved away from the unit (another document between them): a different answer.
  index.updateFacts('/w/a.yaml', factsOfText(joinDocuments(NAMESPACE_PROD, 'kind: x\n', pod('a')), '/w/a.yaml'));
  assert.equal(dependenciesHold(deps, index, place(2)), false);
});

test('labels read by the policy resolver are dependencies; a question nobody asked is not', () => {
  const index = indexWith({ '/w/ns.yaml': NAMESPACE_PROD });
  const recorder = new DependencyRecorder(index, place(0));
  assert.deepEqual(recorder.index.labels('prod'), { 'pod-security.kubernetes.io/enforce': 'restricted' });
  const deps = recorder.dependencies();
  index.updateFacts('/w/other.yaml', factsOfText(NAMESPACE_PROD.replace('prod', 'dev'), '/w/other.yaml'));
  assert.equal(dependenciesHold(deps, index, place(0)), true, 'another namespace');
  index.updateFacts('/w/ns.yaml', factsOfText(NAMESPACE_PROD.replace('restricted', 'baseline'), '/w/ns.yaml'));
  assert.equal(dependenciesHold(deps, index, place(0)), false);
});

test('changeScope: namespaces of facts whose content differs, and of those that only moved; a fact without a namespace counts for the default one', () => {
  const facts = (text: string) => factsOfText(text, '/w/a.yaml');
  const before = facts(joinDocuments(NAMESPACE_PROD, pod('a'), pod('b', 'team')));
  const renamed = changeScope(before, facts(joinDocuments(NAMESPACE_PROD, pod('a'), pod('b2', 'team'))));
  assert.deepEqual([[...renamed.names], [...renamed.moved]], [['team'], ['team']]);
  // Pod a gone: prod changes; pod b (team) only moves to another document and ordinal.
  const removed = changeScope(before, facts(joinDocuments(NAMESPACE_PROD, pod('b', 'team'))));
  assert.deepEqual([...removed.names], ['prod']);
  assert.deepEqual([...removed.moved].sort(), ['prod', 'team']);
  const labels = changeScope(before, facts(joinDocuments(NAMESPACE_PROD.replace('restricted', 'baseline'), pod('a'), pod('b', 'team'))));
  assert.deepEqual([...labels.names], ['prod'], 'a Namespace counts by its own name');
  const unnamespaced = changeScope(before, facts(joinDocuments(NAMESPACE_PROD, pod('a'), pod('b', 'team'), pod('c').replace('  namespace: prod\n', ''))));
  assert.deepEqual([...unnamespaced.names], [IN_DEFAULT_NAMESPACE], 'a pod without a namespace is in whatever default namespace is asked about');
  assert.deepEqual(changeScope(before, before), { names: new Set(), moved: new Set() });
});

test('mayDependOn: questions are about their first argument; positions count only where they were read', () => {
  const scope = { names: new Set(['team']), moved: new Set(['team', 'prod']) };
  const question = (method: string, args: unknown[], reads?: string[]) => ({ method, args, snapshot: '', ...(reads ? { reads } : {}) });
  assert.equal(mayDependOn(question('workloads', ['team', 'default'], ['length']), scope), true);
  assert.equal(mayDependOn(question('workloads', ['prod', 'default'], ['length']), scope), false, 'prod only moved; a count does not see it');
  assert.equal(mayDependOn(question('workloads', ['prod', 'default'], ['0', '0\u0000documentIndex', '0\u0000file']), scope), true, 'the first workload of prod moved');
  assert.equal(mayDependOn(question('namespace', ['ops'], ['labels']), scope, true), false, 'a part that moved, reading no position');
  assert.equal(mayDependOn(question('namespace', ['ops'], ['documentIndex', 'file']), scope, true), true, 'a part that moved sees the file\'s facts from elsewhere');
  assert.equal(mayDependOn(question('serviceAccount', ['ops', 'team', 'default']), scope), false, 'an account named like the namespace');
  assert.equal(mayDependOn(question('all', []), scope), true);
  assert.equal(mayDependOn(question('somethingNew', ['ops']), scope), true);
  const unnamespaced = { names: new Set([IN_DEFAULT_NAMESPACE]), moved: new Set([IN_DEFAULT_NAMESPACE]) };
  assert.equal(mayDependOn(question('workloads', ['default', 'default'], ['length']), unnamespaced), true, 'the default namespace holds them');
  assert.equal(mayDependOn(question('workloads', ['ops', 'default'], ['length']), unnamespaced), false);
  assert.equal(mayDependOn(question('namespace', ['default'], ['labels']), unnamespaced), false, 'a Namespace always has its own name');
});

test('changeScope: facts shared by both versions (the same objects) are no difference, wherever they are', () => {
  const pool = factsOfText(joinDocuments(NAMESPACE_PROD, pod('a'), pod('b', 'team'), pod('c', 'crew'), pod('d'), pod('e', 'team')), '/w/a.yaml').workloads;
  const list = fc.array(fc.nat({ max: pool.length - 1 }), { maxLength: 6 });
  fc.assert(fc.property(list, list, list, list, (head, left, right, tail) => {
    // Both versions share a head and a tail of the very same fact objects; their middles are copies.
    const shared = (ids: number[]) => ids.map((i) => pool[i]);
    const copies = (ids: number[]) => ids.map((i) => ({ ...pool[i], ordinal: pool[i].ordinal + 1 }));
    const before = { ...emptyFacts(), workloads: [...shared(head), ...copies(left), ...shared(tail)] };
    const after = { ...emptyFacts(), workloads: [...shared(head), ...copies(right), ...shared(tail)] };
    assert.deepEqual(changeScope(before, after), changeScope(structuredClone(before), structuredClone(after)));
  }), { numRuns: 500 });
});
