// A failure anywhere in the engine (a rule, object discovery, pod-spec extraction) costs only its own part.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeParsed, analyzeText, NamespaceIndex, parseManifest, PolicyResolver, pssRule } from '../../../server/src/engine';
import { RuleFailure } from '../../../server/src/engine/analyze';
import { NodeReader } from '../../../server/src/engine/parse/nodes';
import { PRIVILEGED_POD } from './helpers';

const policy = new PolicyResolver({ level: 'restricted' }, new NamespaceIndex());
const THREE_PODS = [PRIVILEGED_POD, PRIVILEGED_POD, PRIVILEGED_POD].join('---\n');

test('a rule that throws: the other rules still report, and onRuleError hears of it once per file', (t) => {
  const check = pssRule('privileged')!.versions[0];
  const original = check.check;
  t.after(() => { check.check = original; });
  check.check = () => { throw new TypeError('kaboom'); };
  const errors: unknown[] = [];
  const { findings } = analyzeText(THREE_PODS, { policy, onRuleError: (id, e) => errors.push([id, e]) });
  assert.ok(!findings.some((f) => f.ruleId === 'privileged'));
  assert.equal(findings.filter((f) => f.ruleId === 'runAsNonRoot').length, 3, 'every document still checked');
  assert.equal(errors.length, 1);
  const [id, error] = errors[0] as [string, RuleFailure];
  assert.equal(id, 'privileged');
  assert.ok(error instanceof RuleFailure);
  assert.equal(error.message, 'kaboom');
  assert.equal(error.documentIndex, 0);
  assert.ok(error.cause instanceof TypeError);
  assert.match(error.stack ?? '', /^TypeError: kaboom/, 'the rule\'s own stack, for the log');
  // A second file is a new report.
  analyzeText(THREE_PODS, { policy, onRuleError: (id, e) => errors.push([id, e]) });
  assert.equal(errors.length, 2);
});

test('a rule that throws only on the second document is reported with that document', (t) => {
  const check = pssRule('privileged')!.versions[0];
  const original = check.check;
  t.after(() => { check.check = original; });
  check.check = (pod) => {
    if (pod.object.name === 'second') throw new Error('strange input');
    return original.call(check, pod);
  };
  const text = [PRIVILEGED_POD, PRIVILEGED_POD.replace('name: bad', 'name: second')].join('---\n');
  const errors: RuleFailure[] = [];
  const { findings } = analyzeText(text, { policy, onRuleError: (_id, e) => errors.push(e as RuleFailure) });
  assert.deepEqual(findings.filter((f) => f.ruleId === 'privileged').map((f) => f.documentIndex), [0]);
  assert.deepEqual(errors.map((e) => e.documentIndex), [1]);
});

test('pod-spec extraction that throws: one internalError warning for that document, the others analysed', () => {
  const parsed = parseManifest(THREE_PODS);
  const broken = parsed.documents[1];
  broken.reader = new Proxy(broken.reader, { get: () => () => { throw new RangeError('odd node'); } });
  const findings = analyzeParsed(parsed, { policy });
  const internal = findings.filter((f) => f.ruleId === 'internalError');
  assert.equal(internal.length, 1);
  assert.equal(internal[0].documentIndex, 1);
  assert.equal(internal[0].severity, 'warning');
  assert.equal(internal[0].message, 'PodSec could not analyse this document (internal error: odd node); please report this');
  assert.deepEqual(internal[0].span, { start: broken.span.start, end: broken.span.start });
  assert.deepEqual(findings.filter((f) => f.ruleId === 'privileged').map((f) => f.documentIndex), [0, 2]);
});

test('object discovery that throws: one internalError for that document, no objects in it, the others found', (t) => {
  const original = NodeReader.prototype.str;
  t.after(() => { NodeReader.prototype.str = original; });
  NodeReader.prototype.str = function (ref) {
    const value = original.call(this, ref);
    if (value === 'Boom') throw new Error('discovery failed');
    return value;
  };
  const text = [PRIVILEGED_POD, 'apiVersion: v1\nkind: Boom\n', PRIVILEGED_POD].join('---\n');
  const parsed = parseManifest(text);
  assert.deepEqual(parsed.documents.map((d) => d.objects.length), [1, 0, 1]);
  const findings = analyzeParsed(parsed, { policy });
  assert.deepEqual(findings.filter((f) => f.ruleId === 'internalError').map((f) => [f.documentIndex, f.message]), [
    [1, 'PodSec could not analyse this document (internal error: discovery failed); please report this'],
  ]);
  assert.equal(findings.filter((f) => f.ruleId === 'privileged').length, 2);
});

test('an onRuleError callback that throws is not swallowed (tests rely on it to fail loudly)', (t) => {
  const check = pssRule('privileged')!.versions[0];
  const original = check.check;
  t.after(() => { check.check = original; });
  check.check = () => { throw new Error('kaboom'); };
  assert.throws(() => analyzeText(PRIVILEGED_POD, { policy, onRuleError: () => { throw new Error('caller says stop'); } }), /caller says stop/);
});
