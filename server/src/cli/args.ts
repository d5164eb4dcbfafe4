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

export interface HelpArgs {
  command: 'help' | 'version';
}

export type Args = CheckArgs | HelpArgs | { command: 'error'; message: string };

export const USAGE = `Usage: podsec check [options] [paths...]

Checks Kubernetes manifests against the Pod Security Standards, as the Pod Security Admission controller would.
Paths are files or folders (searched recursively for *.yaml, *.yml and *.json, skipping node_modules and .git);
"-" reads standard input. With no path, the current folder is checked.

Options:
  --level privileged|baseline|restricted   evaluate every object at this level; all findings are errors;
                                           namespace labels are ignored
  --version latest|v1.N                    policy version (default latest)
  --format text|json|sarif                 output format (default text)
  --config FILE                            use this configuration file
  --no-config                              do not look for a configuration file
  --color / --no-color                     force or disable colours (default: on when stdout is a terminal)
  -h, --help                               show this help
  --version-info                           print the PodSec version

Policy: without --level, each object's namespace decides: the pod-security.kubernetes.io/* labels of a Namespace
among the inputs, else the default (enforce baseline, warn restricted, at latest).
Severity: a violation of the enforce level is an error, of the warn level a warning, of the audit level info.

Exit status: 0 no error finding; 1 at least one error finding; 2 usage error or unreadable input.`;

export function parseArgs(argv: string[]): Args {
  if (argv.length === 0 || argv[0] === '-h' || argv[0] === '--help' || argv[0] === 'help') return { command: 'help' };
  if (argv[0] === '--version-info' || argv[0] === '-v') return { command: 'version' };
  if (argv[0] !== 'check') return { command: 'error', message: `unknown command "${argv[0]}"` };
  const out: CheckArgs = { command: 'check', paths: [], format: 'text', noConfig: false };
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
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
      case '--format': {
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
  return out;
}
