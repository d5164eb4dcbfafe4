/**
 * What `podsec check` and `podsec fix` share before linting: the configuration file, the input files (minus the
 * config's ignore globs), their parsed text, and one policy resolver over the Namespaces found among them.
 */
import path from 'node:path';
import { configPolicyOptions, isIgnored, NamespaceIndex, parseManifest, PolicyResolver } from '../engine';
import type { ParsedManifest, PodsecConfig, PolicyOptions } from '../engine';
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
  /** Unreadable or missing paths. */
  problems: InputProblem[];
  /** Informational lines (paths skipped by ignore globs). */
  notes: string[];
}

/** The prepared run, or the messages of a configuration file that cannot be used (a usage error). */
export function prepareRun(args: RunArgs): PreparedRun | { broken: string[] } {
  const outcome = loadCliConfig(args);
  if (outcome.kind === 'broken') return { broken: outcome.messages };
  const loaded = outcome.kind === 'loaded' ? outcome.loaded : undefined;
  const { files, problems, skipped } = collectPaths(args.paths, loaded ? (p) => ignoredBy(loaded, p) : undefined);
  const notes = skipped.map((s) => `${s}: skipped, matches an ignore glob of ${loaded!.display}`);
  const inputs: PreparedRun['inputs'] = [];
  const namespaces = new NamespaceIndex();
  for (const f of files) {
    const r = readInput(f);
    if (!('text' in r)) {
      problems.push(r);
      continue;
    }
    const parsed = parseManifest(r.text);
    namespaces.update(r.display, parsed);
    inputs.push({ input: r, parsed });
  }
  // --level and --version override the config's policy (the resolver gives them precedence).
  const base: PolicyOptions = { level: args.level, version: args.version };
  const policy = new PolicyResolver(loaded ? configPolicyOptions(loaded.config, base) : base, namespaces);
  return { inputs, policy, config: loaded?.config, problems, notes };
}

/** Ignore globs are relative to the config file's folder. */
function ignoredBy(loaded: LoadedConfig, file: string): boolean {
  return isIgnored(path.relative(loaded.dir, path.resolve(file)), loaded.config);
}
