/**
 * The incremental lint's promise, as a property: after every edit of a random sequence on multi-document manifests
 * (and changes of other workspace files and of the settings in between), its findings are exactly lintParsed's
 * over the whole text with the same options: same rules, messages, severities, spans and document indexes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseManifest } from '../../../server/src/engine';
import type { PolicyOptions } from '../../../server/src/engine';
import { factsOfText } from '../../../server/src/engine/incremental';
import { factsIn } from '../../../server/src/engine/workspace-facts';
import { CORPUS } from '../fuzz/corpus';
import { Mutation, mutate, mutationArb } from '../fuzz/mutations';
import { EditedFile, FILE, joinDocuments, NAMESPACE_PROD, pod, SERVICE_ACCOUNT, Settings } from './helpers';

const DOCUMENTS = [...CORPUS, NAMESPACE_PROD, SERVICE_ACCOUNT, pod('a'), pod('b', 'default')];
const SETTINGS: Settings[] = [
  { policy: {} },
  { policy: { level: 'restricted' } },
  { policy: { defaultNamespace: 'prod' }, config: { rules: { resources: 'off', privileged: 'info' }, categories: { rbac: 'off' } } },
];
const OTHER_FILES = [NAMESPACE_PROD.replace('restricted', 'baseline'), SERVICE_ACCOUNT, undefined];

/** One editing step: change the text, another workspace file, or the settings. */
type Step = { text: Mutation[] } | { other: number } | { settings: number } | { type: { at: number; insert: string } };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ text: fc.array(mutationArb, { minLength: 1, maxLength: 2 }) }) },
  { weight: 3, arbitrary: fc.record({ type: fc.record({ at: fc.nat(), insert: fc.constantFrom('x', '', ' ', '\n', '"', "'", '}', '---\n', '...\n', ': ') }) }) },
  { weight: 1, arbitrary: fc.record({ other: fc.nat({ max: OTHER_FILES.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ settings: fc.nat({ max: SETTINGS.length - 1 }) }) },
);

function applyStep(file: EditedFile, text: string, step: Step): string {
  if ('text' in step) return mutate(text, step.text);
  if ('type' in step) {
    // Typing: insert a snippet, or (empty snippet) delete one character, at any place.
    const at = step.type.at % (text.length + 1);
    return step.type.insert ? text.slice(0, at) + step.type.insert + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
  }
  if ('other' in step) file.setOther('/w/other.yaml', OTHER_FILES[step.other]);
  else file.settings = SETTINGS[step.settings];
  return text;
}

function assertSame(file: EditedFile, text: string): void {
  const incremental = file.lint(text).findings;
  assert.deepStrictEqual(incremental, file.whole(text), `text: ${JSON.stringify(text)}`);
}

test('property: after every edit, the incremental findings equal lintParsed over the whole text', () => {
  fc.assert(fc.property(
    fc.array(fc.nat({ max: DOCUMENTS.length - 1 }), { minLength: 2, maxLength: 5 }),
    fc.array(stepArb, { minLength: 1, maxLength: 6 }),
    (docs, steps) => {
      const file = new EditedFile();
      let text = joinDocuments(...docs.map((d) => DOCUMENTS[d]));
      assertSame(file, text);
      for (const step of steps) {
        text = applyStep(file, text, step);
        assertSame(file, text);
      }
      assert.deepEqual(file.ruleErrors, []);
    },
  ), { numRuns: Number(process.env.PODSEC_INCREMENTAL_RUNS ?? 150) });
});

test('a document broken at its end is parsed with its neighbour: a quote left open, junk after `...`', () => {
  const cases = [
    // An unterminated quote with a closing quote further down: the scalar stops at the next `---`.
    joinDocuments(pod('a').replace('image: nginx:1.25', 'image: "nginx'), pod('b'), 'x: "y"\n'),
    // ... and without any closing quote: it runs to the end of the file, over every `---`.
    joinDocuments(pod('a').replace('image: nginx:1.25', "image: 'nginx"), pod('b'), pod('c')),
    // Stray closing brackets after `...` join the next document; their errors go to the one before.
    `{"apiVersion": "v1", "kind": "Pod", "items": [\n...\n    ]\n  }\n}\n---\n${pod('d')}`,
    // A flow collection cut by a marker.
    `a: [1,\n---\n2]\n---\n${pod('e')}`,
  ];
  for (const text of cases) {
    const file = new EditedFile();
    assertSame(file, text);
    assertSame(file, `${text}# edited\n`);
  }
});

test('text that must be read whole is: directives (they carry over to later documents), NUL characters', () => {
  const file = new EditedFile();
  const directives = `%TAG !k! tag:k8s.example,2024:\n---\n${pod('a')}---\n${pod('b')}`;
  assertSame(file, directives);
  assert.equal(file.state!.units.length, 1);
  const binary = `${pod('a')}---\n\0${pod('b')}`;
  assertSame(file, binary);
  assert.equal(file.state!.units.length, 1);
});

test('a text over a million characters is still linted document by document; an edit re-parses one document', () => {
  const file = new EditedFile();
  const docs = Array.from({ length: 900 }, (_, i) => pod(`p${i}`).replace('    - name: app\n', `    - name: app\n      args: ["${'x'.repeat(1_000)}"]\n`));
  const text = joinDocuments(NAMESPACE_PROD, ...docs);
  assert.ok(text.length > 1_000_000);
  assertSame(file, text);
  assert.equal(file.state!.units.length, 901);
  assertSame(file, text.replace('name: p450\n', 'name: p450-renamed\n'));
  assert.deepEqual({ linted: file.state!.stats.linted, overTokenBudget: file.state!.overTokenBudget }, { linted: 1, overTokenBudget: undefined });
});

test('past the token budget for a file the text is read whole, so analysis stops where lintParsed stops, until it is under again', () => {
  const file = new EditedFile();
  // Four documents of a 100,000-item flow list, about 300,000 tokens each: 1.2 M in all.
  const big = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  x: [${'1,'.repeat(100_000)}1]\n`;
  const text = joinDocuments(...Array.from({ length: 4 }, (_, i) => big(`c${i}`)), pod('late'));
  assertSame(file, text);
  assert.equal(file.state!.overTokenBudget, true);
  assert.ok(file.state!.findings.some((f) => f.ruleId === 'fileTooLarge'), 'parsing stopped: the pod at the end is not analysed');
  assert.ok(!file.state!.findings.some((f) => f.ruleId === 'privileged'));
  // The workspace indexer reads the same facts as the whole parse: none from the pod past the budget.
  assert.deepEqual(factsOfText(text, FILE), factsIn(parseManifest(text), FILE));
  assert.equal(factsOfText(text, FILE).workloads.length, 0);
  // Under the budget again (two documents left): read whole once more, then document by document, the pod analysed.
  const smaller = joinDocuments(...Array.from({ length: 2 }, (_, i) => big(`c${i}`)), pod('late'));
  assertSame(file, smaller);
  assertSame(file, `${smaller}# edited\n`);
  assert.equal(file.state!.overTokenBudget, undefined);
  assert.ok(file.state!.units.length > 1);
  assert.ok(file.state!.findings.some((f) => f.ruleId === 'privileged'));
});

test('a Namespace label changed in one document re-evaluates the workloads of that namespace in the others', () => {
  const file = new EditedFile();
  const text = joinDocuments(NAMESPACE_PROD, pod('a'), pod('b', 'default'), pod('c'));
  assertSame(file, text);
  const lints = file.state!.units.map((u) => u.lint);
  const baseline = text.replace('enforce: restricted', 'enforce: baseline');
  assertSame(file, baseline);
  // The edited Namespace document is linted; the two pods in prod, which read its labels, are linted again once
  // the file's new labels are in the index; the pod in default is kept as it was.
  assert.deepEqual({ linted: file.state!.stats.linted, relinted: file.state!.stats.relinted }, { linted: 1, relinted: 2 });
  assert.deepEqual(file.state!.units.map((u, i) => u.lint === lints[i]), [false, false, true, false]);
});

test('opening a file the index does not know yet lints each document once: its facts are in before any is linted', () => {
  const file = new EditedFile();
  // The pods come before the Namespace that sets their policy, and the later pods of team are not its first workload.
  assertSame(file, joinDocuments(pod('a'), pod('b', 'team'), pod('c'), pod('d', 'team'), NAMESPACE_PROD));
  assert.deepEqual(file.state!.stats, { units: 5, reused: 0, linted: 5, checked: 0, relinted: 0 });
});

test('a change of the file\'s own facts re-checks only the units whose reads are about the namespaces it touched', () => {
  const file = new EditedFile();
  const text = joinDocuments(NAMESPACE_PROD, pod('a'), pod('b', 'team'), pod('c'), pod('d', 'team'));
  assertSame(file, text);
  // Pod b moves from namespace team to crew: the facts change for team and crew only. Pod d (team) is checked and
  // linted again (it is now the first workload of team); pod b is linted once, after its new facts are in the index;
  // the Namespace and the pods of prod are not checked.
  assertSame(file, text.replace('name: b\n  namespace: team', 'name: b\n  namespace: crew'));
  assert.deepEqual(file.state!.stats, { units: 5, reused: 4, linted: 1, checked: 1, relinted: 1 });
  // A Namespace label: the Namespace's own unit is linted with its new labels already in the index; the other units
  // that asked about prod are checked (pods a and c, which are linted again), the pods of team and crew are not.
  assertSame(file, file.state!.text.replace('enforce: restricted', 'enforce: baseline'));
  assert.deepEqual(file.state!.stats, { units: 5, reused: 4, linted: 1, checked: 2, relinted: 2 });
});

test('a document removed: the units after it move, and only those that read positions of moved facts are checked', () => {
  const file = new EditedFile();
  const text = joinDocuments(NAMESPACE_PROD, pod('a', 'other'), pod('b', 'team'), pod('c'), pod('d', 'team'));
  assertSame(file, text);
  assertSame(file, joinDocuments(NAMESPACE_PROD, pod('b', 'team'), pod('c'), pod('d', 'team')));
  // Pod b's document now starts inside the text both versions share, so it is linted again, with the file's new facts.
  // Pod d asks whether it is the first workload of team (no Namespace manifest: the finding goes there), reading its
  // position, and the Namespace reads where prod is declared: both are checked. Pod c, which moved too, only reads
  // prod's labels: it is not checked.
  assert.deepEqual(file.state!.stats, { units: 4, reused: 3, linted: 1, checked: 2, relinted: 0 });
});

test('a ServiceAccount in another file counts; its change re-checks only the pods that read it', () => {
  const file = new EditedFile({ policy: { defaultNamespace: 'prod' } });
  const text = joinDocuments(NAMESPACE_PROD, pod('a'), pod('b', 'other'));
  const automount = () => file.state!.findings.filter((f) => f.ruleId === 'automountServiceAccountToken').map((f) => f.object?.name);
  assertSame(file, text);
  assert.deepEqual(automount(), ['a', 'b']);
  file.setOther('/w/sa.yaml', SERVICE_ACCOUNT);
  assertSame(file, text);
  assert.deepEqual(automount(), ['b'], 'the ServiceAccount of prod disables the token: pod a is fine now');
  assert.deepEqual({ linted: file.state!.stats.linted, relinted: file.state!.stats.relinted }, { linted: 0, relinted: 1 });
});

test('suppression comments are applied file-wide: podsec-disable-file in one document covers the others', () => {
  const file = new EditedFile();
  const text = joinDocuments(`# podsec-disable-file privileged\n${pod('a')}`, pod('b'), '# podsec-disable-next-line runAsNonRoot\nkind: x\n');
  assertSame(file, text);
  assert.ok(!file.state!.findings.some((f) => f.ruleId === 'privileged'));
  assertSame(file, text.replace('disable-file privileged', 'disable-file hostNamespaces'));
  assert.ok(file.state!.findings.some((f) => f.ruleId === 'privileged'));
});

test('changing the settings re-lints everything; keeping them re-uses every document', () => {
  const file = new EditedFile();
  const text = joinDocuments(NAMESPACE_PROD, pod('a'), pod('b'));
  assertSame(file, text);
  assertSame(file, text);
  assert.deepEqual(file.state!.stats, { units: 3, reused: 3, linted: 0, checked: 0, relinted: 0 });
  file.settings = { policy: { level: 'baseline' } as PolicyOptions };
  assertSame(file, text);
  // Every unit is linted after the file's facts are published: nothing is left to check.
  assert.deepEqual(file.state!.stats, { units: 3, reused: 0, linted: 3, checked: 0, relinted: 0 });
});
