/**
 * What `podsec check` and `podsec fix` share before linting: the configuration file, the input files (minus the
 * config's ignore globs), their parsed text, one policy resolver over the Namespaces found among them, and the
 * same index for the hardening rules that look across files (ServiceAccounts, NetworkPolicies, LimitRanges).
 */
import path from 'node:path';
import { configPolicyOptions, isIgnored, NamespaceIndex, parseManifest, PolicyResolver, UNUSED_DIRECTIVE_RULE } from '../engine';
import type { LintOptions, ParsedManifest, PodsecConfig, PolicyOptions } from '../engine';
import { configHardeningOptions } from '../engine/config';
import type { ConfigHardeningOptions } from '../engine/config';
import { collectPaths, Input, InputProblem, readInput } from './inputs';
import { loadCliConfig, LoadedConfig } from './load-config';

export interface RunArgs {
  paths: string[];
  level?: PolicyOptions['level'];
  version?: string;
  config?: string;
  noConfig: boolean;
}

export interface PreparedRun {
  inputs: { input: Input; parsed: ParsedManifest }[];
  policy: PolicyResolver;
  config?: PodsecConfig;
  /**
   * The hardening rules' options over all inputs (each input is indexed under its key), or false with
   * --level: that is an admission dry-run of one Pod Security level, and hardening rules are no part of it.
   */
  hardening: (ConfigHardeningOptions & { workspace: NamespaceIndex }) | false;
  /** --level: every finding is about that one level. */
  level?: PolicyOptions['level'];
  /** Unreadable or missing paths. */
  problems: InputProblem[];
  /** Informational lines (paths skipped by ignore globs). */
  notes: string[];
}

/** What a run checks before anything is read: the configuration, the files, and what was skipped or is missing. */
export interface RunPlan {
  files: string[];
  config?: PodsecConfig;
  level?: PolicyOptions['level'];
  version?: string;
  problems: InputProblem[];
  notes: string[];
}

/** The prepared run, or the messages of a configuration file that cannot be used (a usage error). */
export function prepareRun(args: RunArgs): PreparedRun | { broken: string[] } {
  const plan = planRun(args);
  if ('broken' in plan) return plan;
  const inputs: PreparedRun['inputs'] = [];
  const namespaces = new NamespaceIndex();
  const problems = [...plan.problems];
  for (const f of plan.files) {
    const r = readInput(f);
    if (!('text' in r)) {
      problems.push(r);
      continue;
    }
    const parsed = parseManifest(r.text);
    namespaces.update(r.key, parsed);
    inputs.push({ input: r, parsed });
  }
  return { ...runOver(plan, namespaces), inputs, problems };
}

/** The configuration and the files of a run (nothing read yet). */
export function planRun(args: RunArgs): RunPlan | { broken: string[] } {
  const outcome = loadCliConfig(args);
  if (outcome.kind === 'broken') return { broken: outcome.messages };
  const loaded = outcome.kind === 'loaded' ? outcome.loaded : undefined;
  const { files, problems, skipped } = collectPaths(args.paths, loaded ? (p) => ignoredBy(loaded, p) : undefined);
  const notes = skipped.map((s) => `${s}: skipped, matches an ignore glob of ${loaded!.display}`);
  return { files, config: loaded?.config, level: args.level, version: args.version, problems, notes };
}

/** The policy and hardening options of a planned run over the facts of all its inputs. */
export function runOver(plan: RunPlan, namespaces: NamespaceIndex): Omit<PreparedRun, 'inputs' | 'problems'> {
  const policy = new PolicyResolver(runPolicyOptions(plan), namespaces);
  const hardening = plan.level ? false : { ...configHardeningOptions(plan.config ?? {}), workspace: namespaces };
  return { policy, config: plan.config, hardening, level: plan.level, notes: plan.notes };
}

/** The policy options of a run: --level and --version override the config's policy (the resolver gives them precedence). */
export function runPolicyOptions(plan: Pick<RunPlan, 'config' | 'level' | 'version'>): PolicyOptions {
  const base: PolicyOptions = { level: plan.level, version: plan.version };
  return plan.config ? configPolicyOptions(plan.config, base) : base;
}

/**
 * How one input of the run is linted: the run's policy, config and workspace, under the input's index name. With
 * --level, unused suppression comments are not reported either: the rules they name may not be part of the level,
 * and a manifest that passes the level must give no finding at all.
 */
export function lintOptionsFor(run: PreparedRun, input: Input, onRuleError?: LintOptions['onRuleError']): LintOptions {
  const config = run.level ? { ...run.config, rules: { ...run.config?.rules, [UNUSED_DIRECTIVE_RULE]: 'off' as const } } : run.config;
  return {
    policy: run.policy,
    config,
    hardening: run.hardening && { ...run.hardening, file: input.key },
    onRuleError,
  };
}

/** Ignore globs are relative to the config file's folder. */
function ignoredBy(loaded: LoadedConfig, file: string): boolean {
  return isIgnored(path.relative(loaded.dir, path.resolve(file)), loaded.config);
}
