/**
 * resources: adds what the finding lists as missing (`requests.cpu`, `requests.memory`, `limits.memory`, and
 * `limits.cpu` when the requireCpuLimits setting asks for it) with the configured default values, merging into an
 * existing `resources` (an empty `resources: {}` becomes a block). Never preferred: the values are guesses to be
 * replaced by the workload's real needs. A written limit is never below an existing request and a written request
 * never above a limit (the API server rejects both): the existing value is taken instead of the default.
 */
import type { Ref } from '../../parse/nodes';
import { fillEmptyValue, isEmptyValue } from '../edits/empty-value';
import { insertPairs } from '../edits/insert';
import { editableMap, ownNode, ownPair } from '../edits/nodes';
import { joinAtSamePlace } from '../edits/same-place';
import type { FixContext } from '../locate';
import { refuse } from '../refuse';
import { renderBlockEntries } from '../render';
import { DEFAULT_RESOURCE_DEFAULTS, ResourceDefaults, TextEdit } from '../types';
import { containerOf, fix, RuleFixer } from './common';
import { isQuantity, quantityValue } from './quantity';

type Section = 'requests' | 'limits';
type Resource = 'cpu' | 'memory';
type Value = string | number;
type Additions = Partial<Record<Section, Partial<Record<Resource, Value>>>>;

/** `container "app" should set resources.limits.memory, resources.requests.cpu` -> the fields, as the rule words them. */
const MISSING = /should set ((?:resources\.(?:requests|limits)\.(?:cpu|memory)(?:, )?)+)$/;

export function missingFields(message: string): Set<string> {
  const m = MISSING.exec(message);
  return new Set(m ? m[1].split(', ').map((f) => f.slice('resources.'.length)) : []);
}

export const resources: RuleFixer = {
  ruleId: 'resources',
  preferred: false,
  fixes(ctx) {
    const container = containerOf(ctx).ref;
    const missing = missingFields(ctx.finding.message);
    if (!missing.size) return [];
    const additions = plan(ctx, ctx.reader.child(container, 'resources'), missing);
    const listed = (['requests', 'limits'] as const).flatMap((s) => Object.entries(additions[s] ?? {}).map(([k, v]) => `${s}.${k}: ${v}`));
    return fix(ctx, `Add resources with default values (${listed.join(', ')})`, addResources(ctx, container, additions), false);
  },
};

/** The values to add, in the order a person writes them (requests before limits, cpu before memory). */
function plan(ctx: FixContext, res: Ref | undefined, missing: Set<string>): Additions {
  const r = ctx.reader;
  const defaults = validDefaults(ctx.resourceDefaults);
  const existing = (section: Section, name: Resource): Value | undefined => {
    const ref = r.path(res, section, name);
    return r.num(ref) ?? r.text(ref);
  };
  const limits: Partial<Record<Resource, Value>> = {};
  const requests: Partial<Record<Resource, Value>> = {};
  for (const name of ['cpu', 'memory'] as const) {
    const fallback = name === 'cpu' ? defaults.cpuLimit : defaults.memoryLimit;
    if (missing.has(`limits.${name}`)) limits[name] = atLeast(fallback, existing('requests', name));
  }
  for (const name of ['cpu', 'memory'] as const) {
    const fallback = name === 'cpu' ? defaults.cpuRequest : defaults.memoryRequest;
    if (missing.has(`requests.${name}`)) requests[name] = atMost(fallback, limits[name] ?? existing('limits', name));
  }
  const out: Additions = {};
  if (Object.keys(requests).length) out.requests = requests;
  if (Object.keys(limits).length) out.limits = limits;
  return out;
}

function validDefaults(configured: Partial<ResourceDefaults>): ResourceDefaults {
  const pick = (key: keyof ResourceDefaults) => {
    const value = configured[key];
    return typeof value === 'string' && isQuantity(value) ? value : DEFAULT_RESOURCE_DEFAULTS[key];
  };
  return { cpuRequest: pick('cpuRequest'), memoryRequest: pick('memoryRequest'), memoryLimit: pick('memoryLimit'), cpuLimit: pick('cpuLimit') };
}

/** The default limit, or the existing request when that is larger or cannot be compared. */
function atLeast(fallback: string, request: Value | undefined): Value {
  if (request === undefined) return fallback;
  const value = quantityValue(String(request));
  return value === undefined || value > quantityValue(fallback)! ? request : fallback;
}

/** The default request, or the limit when that is smaller or cannot be compared. */
function atMost(fallback: string, limit: Value | undefined): Value {
  if (limit === undefined) return fallback;
  const value = quantityValue(String(limit));
  return value === undefined || value < quantityValue(fallback)! ? limit : fallback;
}

function addResources(ctx: FixContext, container: Ref, additions: Additions): (TextEdit | undefined)[] {
  const r = ctx.reader;
  const { style } = ctx;
  const containerMap = editableMap(container);
  const resPair = ownPair(containerMap, 'resources');
  const res = r.child(container, 'resources');
  const nested = (value: Additions | Additions[Section]) => (keyColumn: number) => renderBlockEntries(value as Record<string, Value>, keyColumn + style.unit, style);
  if (!res) return [insertPairs(ctx, containerMap, { resources: additions as Record<string, Record<string, Value>> })];
  if (!resPair || res.aliased) refuse('resources comes from an alias or merge key');
  if (isEmptyValue(ownNode(res))) return [fillEmptyValue(ctx, containerMap, resPair, nested(additions), additions as Record<string, Record<string, Value>>)];
  const resMap = editableMap(res);
  const edits: TextEdit[] = [];
  const newSections: Additions = {};
  for (const section of ['requests', 'limits'] as const) {
    const entries = additions[section];
    if (!entries) continue;
    const ref = r.child(res, section);
    const pair = ownPair(resMap, section);
    if (!ref) newSections[section] = entries;
    else if (!pair || ref.aliased) refuse(`${section} comes from an alias or merge key`);
    else if (isEmptyValue(ownNode(ref))) edits.push(fillEmptyValue(ctx, resMap, pair, nested(entries), entries as Record<string, Value>));
    else edits.push(insertPairs(ctx, editableMap(ref), entries as Record<string, Value>));
  }
  if (Object.keys(newSections).length) edits.push(insertPairs(ctx, resMap, newSections as Record<string, Record<string, Value>>));
  return joinAtSamePlace(edits);
}
