/**
 * Oracles for fixes on layouts the other fix tests do not generate (unseen-layouts.test.ts): every offered fix,
 * every suppression comment and fix-all is applied to a text and checked. Problems are collected, not thrown, so
 * one run names everything that is wrong with a text:
 * - nothing throws; edits lie within the text and do not overlap;
 * - the result has no more syntax errors than the input; a text that was JSON (one object or a stream of
 *   objects) is still JSON;
 * - the targeted finding is gone and no finding of any rule is new;
 * - every comment is kept; a BOM is kept; inserted line breaks are the file's own (CRLF stays CRLF);
 * - no value of the manifest is lost or changed except the fields the fix's rule is about (values are compared as
 *   a multiset of `path=value` leaves with list indexes dropped, so removing a list item only loses its own);
 * - fix-all's edits reproduce its text, it leaves no finding with a preferred fix, and a second run changes nothing.
 */
import {
  applyEdits, disableDocumentFix, disableLineFix, fixAll, fixesFor, lintText, NamespaceIndex, parseManifest, PolicyResolver,
} from '../../../server/src/engine';
import type { Finding, Fix, Level, LintOptions, TextEdit } from '../../../server/src/engine';
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import { yamlComments } from '../../../server/src/engine/yaml-comments';
import { countKeys, findingKey } from './fix-helpers';

export function lintAt(level: Level): LintOptions {
  return {
    policy: new PolicyResolver({ level, version: 'latest' }, new NamespaceIndex()),
    onRuleError: (id, e) => { throw new Error(`rule ${id} threw: ${String(e)}`); },
  };
}

export interface Problem {
  /** The finding's rule and the fix's title, or `fix-all`. */
  where: string;
  what: string;
  text: string;
}

const syntaxErrors = (text: string) => parseManifest(text).documents.reduce((n, d) => n + d.errors.length, 0);

/** The JSON values of a text that is a JSON object or a stream of them, or undefined when it is not JSON. */
export function jsonValues(text: string): unknown[] | undefined {
  const body = text.replace(/^\uFEFF/, '');
  if (!/^\s*\{/.test(body)) return undefined;
  try {
    return [JSON.parse(body)];
  } catch {
    // A stream: objects one after another (split where a line starts with `{` after one ended with `}`).
    const parts = body.split(/(?<=\})\s*(?=\{)/);
    try {
      return parts.length > 1 ? parts.map((p) => JSON.parse(p)) : undefined;
    } catch {
      return undefined;
    }
  }
}

/**
 * The leaves a rule's fix may remove or change, by path (list indexes written `[]`): the field it is about, and
 * for a volume fix anything in the volume. A null or empty collection may always become content.
 */
export const MAY_CHANGE: Record<string, RegExp> = {
  privileged: /\.privileged$/,
  allowPrivilegeEscalation: /\.allowPrivilegeEscalation$/,
  capabilities_restricted: /\.capabilities\.(add|drop)(\[\])?$/,
  capabilities_baseline: /\.capabilities\.add(\[\])?$/,
  runAsNonRoot: /\.runAsNonRoot$/,
  runAsUser: /\.runAsUser$/,
  seccompProfile_restricted: /\.seccompProfile(\.\w+)?$/,
  seccompProfile_baseline: /\.seccompProfile(\.\w+)?$/,
  hostNamespaces: /\.host(Network|PID|IPC)$/,
  hostPorts: /\.hostPort$/,
  hostPathVolumes: /\.volumes\[\]\.(?!name$)/,
  restrictedVolumes: /\.volumes\[\]\.(?!name$)/,
  procMount: /\.procMount$/,
  procMount_restricted: /\.procMount$/,
  seLinuxOptions: /\.seLinuxOptions\.(user|role|type)$/,
  appArmorProfile: /\.appArmorProfile\.\w+$|\.annotations\.container\.apparmor/,
  sysctls: /\.sysctls\[\]\.(name|value)$/,
  windowsHostProcess: /\.hostProcess$/,
  hostProbesAndHostLifecycle: /\.host$/,
  readOnlyRootFilesystem: /\.readOnlyRootFilesystem$|\.volumes$|\.volumeMounts$/,
  resources: /\.resources(\.\w+)*$/,
  imagePullPolicy: /\.imagePullPolicy$/,
  automountServiceAccountToken: /\.automountServiceAccountToken$/,
};

/** `path=value` leaves of every document, aliases not expanded (an anchored value counts once, where it is written). */
function leaves(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const leaf = (path: string, value: string) => out.set(`${path}=${value}`, (out.get(`${path}=${value}`) ?? 0) + 1);
  const walk = (node: unknown, path: string, depth: number): void => {
    if (depth > 200) return;
    if (isAlias(node)) leaf(path, `*${node.source}`);
    else if (isMap(node) && node.items.length) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : JSON.stringify(pair.key);
        walk(pair.value, `${path}.${key}`, depth + 1);
      }
    } else if (isSeq(node) && node.items.length) node.items.forEach((item) => walk(item, `${path}[]`, depth + 1));
    else if (isScalar(node)) leaf(path, JSON.stringify(node.value));
    else leaf(path, isMap(node) ? '{}' : isSeq(node) ? '[]' : 'null');
  };
  for (const d of parseManifest(text).documents) walk(d.doc.contents, `#${d.index}`, 0);
  return out;
}

/**
 * What a change may lose: for one fix, leaves on the paths of its rule, at most `perPath` per path (one list
 * item's `name` and `value`, not two items); for fix-all, exactly the leaves its fixes lose one by one.
 */
type Allowance = { pattern: RegExp | undefined; perPath: number } | Map<string, number>;

/** Leaves of `before` that `after` lost or changed: those the allowance covers and the others. */
function lostValues(before: string, after: string, allowance: Allowance): { allowed: string[]; lost: string[] } {
  const now = leaves(after);
  const out = { allowed: [] as string[], lost: [] as string[] };
  const perPathLost = new Map<string, number>();
  const budget = allowance instanceof Map ? new Map(allowance) : undefined;
  for (const [leaf, n] of leaves(before)) {
    const missing = n - (now.get(leaf) ?? 0);
    if (missing <= 0) continue;
    const [path, value] = [leaf.slice(0, leaf.indexOf('=')), leaf.slice(leaf.indexOf('=') + 1)];
    if (value === 'null' || value === '{}' || value === '[]') continue;
    for (let k = 0; k < missing; k++) {
      let ok: boolean;
      if (budget) {
        ok = (budget.get(leaf) ?? 0) > 0;
        if (ok) budget.set(leaf, budget.get(leaf)! - 1);
      } else {
        const count = (perPathLost.get(path) ?? 0) + 1;
        perPathLost.set(path, count);
        ok = !!(allowance as { pattern?: RegExp }).pattern?.test(path.replace(/^#\d+/, '')) && count <= (allowance as { perPath: number }).perPath;
      }
      (ok ? out.allowed : out.lost).push(leaf);
    }
  }
  return out;
}

/** What fix-all may lose: the leaves the preferred fixes of the text's findings lose one by one (and are allowed to). */
function fixAllAllowance(text: string, levels: readonly Level[]): Map<string, number> {
  const budget = new Map<string, number>();
  for (const level of levels) {
    // Summed over the fixes of a level (two containers may each lose one `SYS_ADMIN`), the largest over levels.
    const ofLevel = new Map<string, number>();
    const { parsed, findings } = lintText(text, lintAt(level));
    for (const finding of findings) {
      const fix = fixesFor(finding, parsed).find((f) => f.isPreferred);
      if (!fix) continue;
      const { allowed } = lostValues(text, applyEdits(text, fix.edits), { pattern: MAY_CHANGE[finding.ruleId], perPath: 1 });
      for (const leaf of allowed) ofLevel.set(leaf, (ofLevel.get(leaf) ?? 0) + 1);
    }
    for (const [leaf, n] of ofLevel) budget.set(leaf, Math.max(budget.get(leaf) ?? 0, n));
  }
  return budget;
}

function comments(text: string): string[] {
  return yamlComments(text).map((c) => c.source.trimEnd());
}

/** The line breaks a text uses: a set of `\r\n`, `\n`, `\r`, NEL, LS, PS. */
function lineBreaks(text: string): Set<string> {
  return new Set(text.match(/\r\n|\r|\n|\u0085|\u2028|\u2029/g) ?? []);
}

/** Checks that hold for any change of `before` into `after` made to fix `target` (undefined for fix-all). */
function checkResult(before: string, after: string, level: Level, where: string, target: Finding | undefined, inserted: string[], allowance: Allowance): Problem[] {
  const problems: Problem[] = [];
  const add = (what: string) => problems.push({ where, what, text: after });
  if (syntaxErrors(after) > syntaxErrors(before)) add('more syntax errors than before');
  if (jsonValues(before) && !jsonValues(after)) add('was JSON, is not JSON any more');
  if (before.startsWith('\uFEFF') && !after.startsWith('\uFEFF')) add('the BOM is lost');
  const left = comments(after);
  for (const c of comments(before)) {
    const i = left.indexOf(c);
    if (i < 0) add(`lost the comment ${JSON.stringify(c)}`);
    else left.splice(i, 1);
  }
  const breaks = lineBreaks(before);
  const only = breaks.size === 1 ? [...breaks][0] : undefined;
  if (only) {
    for (const t of inserted) for (const b of lineBreaks(t)) if (b !== only) add(`inserted a ${JSON.stringify(b)} line break in a ${JSON.stringify(only)} file`);
  }
  let was: Map<string, number>;
  let now: Map<string, number>;
  try {
    was = countKeys(lintText(before, lintAt(level)).findings);
    now = countKeys(lintText(after, lintAt(level)).findings);
  } catch (e) {
    add(`lint threw: ${String(e)}`);
    return problems;
  }
  if (target) {
    const key = findingKey(target);
    if ((now.get(key) ?? 0) >= (was.get(key) ?? 0)) add(`the targeted finding is still there: ${key}`);
  }
  for (const [k, n] of now) if (n > (was.get(k) ?? 0)) add(`new finding: ${k}`);
  for (const leaf of lostValues(before, after, allowance).lost) add(`lost or changed ${leaf}`);
  return problems;
}

function editProblems(text: string, edits: readonly TextEdit[], where: string): Problem[] {
  const problems: Problem[] = [];
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  sorted.forEach((e, i) => {
    if (!(e.span.start >= 0 && e.span.start <= e.span.end && e.span.end <= text.length)) problems.push({ where, what: `edit ${e.span.start}-${e.span.end} outside the text`, text });
    const next = sorted[i + 1];
    if (next && e.span.end > next.span.start) problems.push({ where, what: 'edits overlap', text });
  });
  return problems;
}

/** The fixes of one finding: the rule's own, then the two suppression comments. */
export function allFixesOf(finding: Finding, parsed: ReturnType<typeof parseManifest>): Fix[] {
  const own = fixesFor(finding, parsed);
  return [...own, disableLineFix(finding, parsed), disableDocumentFix(finding, parsed)].filter((f): f is Fix => !!f);
}

export interface Audit {
  problems: Problem[];
  /** `ruleId: title` of every fix applied. */
  applied: string[];
  fixAllText: string;
}

/** Applies every fix of every finding at `level`, then fix-all, and returns what went wrong. */
export function audit(text: string, level: Level = 'restricted'): Audit {
  const problems: Problem[] = [];
  const applied: string[] = [];
  let parsed;
  let findings: Finding[];
  try {
    ({ parsed, findings } = lintText(text, lintAt(level)));
  } catch (e) {
    return { problems: [{ where: 'lint', what: `threw: ${String(e)}`, text }], applied, fixAllText: text };
  }
  for (const finding of findings) {
    let fixes: Fix[];
    try {
      fixes = allFixesOf(finding, parsed);
    } catch (e) {
      problems.push({ where: finding.ruleId, what: `fixesFor threw: ${String(e)}`, text });
      continue;
    }
    for (const fix of fixes) {
      const where = `${finding.ruleId}: ${fix.title}`;
      applied.push(where);
      const bad = editProblems(text, fix.edits, where);
      if (bad.length) {
        problems.push(...bad);
        continue;
      }
      const after = applyEdits(text, fix.edits);
      const disables = fix.title.startsWith('Disable ');
      problems.push(...checkResult(text, after, level, where, finding, fix.edits.map((e) => e.newText), { pattern: disables ? undefined : MAY_CHANGE[finding.ruleId], perPath: 1 }));
    }
  }
  let fixAllText = text;
  try {
    const lint = lintAt(level);
    const result = fixAll(text, { lint });
    fixAllText = result.text;
    const add = (what: string) => problems.push({ where: 'fix-all', what, text: result.text });
    if (applyEdits(text, result.edits) !== result.text) add('its edits do not reproduce its text');
    problems.push(...checkResult(text, result.text, level, 'fix-all', undefined, [], fixAllAllowance(text, [level])));
    const after = lintText(result.text, lint);
    for (const f of after.findings) if (fixesFor(f, after.parsed).some((x) => x.isPreferred)) add(`left a finding with a preferred fix: ${findingKey(f)}`);
    if (fixAll(result.text, { lint }).text !== result.text) add('a second fix-all changes the text');
  } catch (e) {
    problems.push({ where: 'fix-all', what: `threw: ${String(e)}`, text });
  }
  return { problems, applied, fixAllText };
}

/** The checks of a whole-file change (what `podsec fix` writes): as for fix-all, without re-running it. */
export function checkWholeFileChange(before: string, after: string, level: Level, where: string): Problem[] {
  return checkResult(before, after, level, where, undefined, [], fixAllAllowance(before, ['restricted', 'baseline']));
}

/** One line per problem, for an assertion message. */
export function describe(problems: readonly Problem[]): string {
  return problems.map((p) => `${p.where}: ${p.what}\n${JSON.stringify(p.text)}`).join('\n');
}
