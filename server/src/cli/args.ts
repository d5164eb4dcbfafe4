/** Parses `podsec` command lines. Usage errors are returned, never thrown, so main can exit 2 with the text. */
import { isLevel, isValidVersion } from '../engine';
import type { Level } from '../engine';

export type Format = 'text' | 'json' | 'sarif';

export interface CheckArgs {
  command: 'check';
  paths: string[];
  level?: Level;
  version?: string;
  format: Format;
  config?: string;
  noConfig: boolean;
  color?: boolean;
}

/** `podsec fix`: the check options that choose the policy, plus --dry-run (no output format: it prints a diff). */
export interface FixArgs {
  command: 'fix';
  paths: string[];
  level?: Level;
  version?: string;
  dryRun: boolean;
  config?: string;
  noConfig: boolean;
  color?: boolean;
}

export interface HelpArgs {
  command: 'help' | 'version';
}

export type Args = CheckArgs | FixArgs | HelpArgs | { command: 'error'; message: string };

export const USAGE = `Usage: podsec check [options] [paths...]
       podsec fix [--dry-run] [--level L] [--version V] [--config FILE | --no-config] [paths...]

Checks Kubernetes manifests against the Pod Security Standards, as the Pod Security Admission controller would.
Paths are files or folders (searched recursively for *.yaml, *.yml and *.json, skipping node_modules and .git);
"-" reads standard input. With no path, the current folder is checked.

Options:
  --level privileged|baseline|restricted   admission dry-run of this one level: every object is evaluated at
                                           it, namespace labels are ignored, all findings are errors; no
                                           hardening, network or RBAC rule is run and unused suppression
                                           comments are not reported
  --version latest|v1.N                    policy version (default latest)
  --format text|json|sarif                 output format (default text)
  --config FILE                            use this configuration file
  --no-config                              do not look for a configuration file
  --color / --no-color                     force or disable colours (default: on when stdout is a terminal)
  -h, --help                               show this help
  -v, --version-info                       print the PodSec version (also "podsec --version" alone)
  --                                       what follows are paths, even when they start with "-"

Policy: without --level, each object's namespace decides: the pod-security.kubernetes.io/* labels of a Namespace
among the inputs, else that namespace's labels in the configuration file, else the configuration's policy
defaults, else the built-in default (enforce baseline, warn restricted, at latest).
Severity: a violation of the enforce level is an error, of the warn level a warning, of the audit level info.

Hardening, network and RBAC rules (not part of the Pod Security Standards; not run with --level) report with
their own default severity, warning or info, so they fail a run only if the configuration raises them to error.
ServiceAccounts, NetworkPolicies, LimitRanges and Namespaces count from all inputs of the run.

Configuration: without --config or --no-config, the nearest .podsec.yaml is used, looked up from the folder of
the first path (the path itself if it is a folder; the current folder for "-") up to the root. Its policy
defaults, namespaces, rule and category severities, hardening options and ignore globs (relative to the file's
folder) apply; --level and --version override its policy. A configuration file with mistakes is a usage error
(exit 2).

Suppression comments (YAML comments in the checked files):
  # podsec-disable-next-line <rule>[, <rule>...] [-- reason]   the next non-blank, non-comment line
  # podsec-disable [<rule>...] [-- reason]                     the whole --- document (before its content)
  # podsec-disable-file [<rule>...] [-- reason]                the whole file
No rule means every rule. A directive that suppresses nothing is reported as a hint (unusedDirective).

Fixing: podsec fix applies every preferred quick fix (as the editor's "Fix all" does) to each file in place,
keeping comments and formatting, then lists what is left. Fixes that change what a workload can do (replacing a
hostPath volume, changing runAsUser) are not applied. "-" reads standard input and writes the fixed text to
standard output.
  --dry-run                                print a unified diff of the changes instead of writing them

Exit status: 0 no error finding; 1 at least one error finding; 2 usage error or unreadable input.
For fix: 0 no error finding left after fixing; 1 error findings remain; 2 usage error, unreadable or unwritable input.`;

/** Options that take no value: `--color=false` is a mistake, not `--color`. */
const SWITCHES = new Set(['--help', '--dry-run', '--no-config', '--color', '--no-color']);

export function parseArgs(argv: string[]): Args {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return { command: 'help' };
  // Before a command `--version` can only mean the tool's version (after one it is the policy version).
  if (argv[0] === '--version-info' || argv[0] === '-v' || (argv[0] === '--version' && argv.length === 1)) return { command: 'version' };
  if (argv[0] !== 'check' && argv[0] !== 'fix') return { command: 'error', message: `unknown command "${argv[0]}"` };
  const fix = argv[0] === 'fix';
  let dryRun = false;
  const out: CheckArgs = { command: 'check', paths: [], format: 'text', noConfig: false };
  let onlyPaths = false;
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    if (onlyPaths) {
      out.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    if (inline !== undefined && SWITCHES.has(flag)) return { command: 'error', message: `${flag} takes no value (got ${JSON.stringify(arg)})` };
    switch (flag) {
      case '-h':
      case '--help':
        return { command: 'help' };
      case '--level': {
        const v = value();
        if (!isLevel(v)) return { command: 'error', message: `--level must be privileged, baseline or restricted (got ${JSON.stringify(v ?? '')})` };
        out.level = v;
        break;
      }
      case '--version': {
        const v = value();
        if (v === undefined || !isValidVersion(v)) return { command: 'error', message: `--version must be "latest" or "v1.N" (got ${JSON.stringify(v ?? '')})` };
        out.version = v;
        break;
      }
      case '--dry-run':
        if (!fix) return { command: 'error', message: '--dry-run is an option of podsec fix' };
        dryRun = true;
        break;
      case '--format': {
        if (fix) return { command: 'error', message: '--format is an option of podsec check' };
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') return { command: 'error', message: `--format must be text, json or sarif (got ${JSON.stringify(v ?? '')})` };
        out.format = v;
        break;
      }
      case '--config': {
        const v = value();
        if (!v) return { command: 'error', message: '--config needs a file' };
        out.config = v;
        break;
      }
      case '--no-config':
        out.noConfig = true;
        break;
      case '--color':
        out.color = true;
        break;
      case '--no-color':
        out.color = false;
        break;
      default:
        if (arg.startsWith('-') && arg !== '-') return { command: 'error', message: `unknown option ${arg}` };
        out.paths.push(arg);
    }
  }
  if (out.paths.length === 0) out.paths.push('.');
  if (fix) return { command: 'fix', paths: out.paths, level: out.level, version: out.version, dryRun, config: out.config, noConfig: out.noConfig, color: out.color };
  return out;
}
