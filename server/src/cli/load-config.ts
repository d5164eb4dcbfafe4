/**
 * Which `.podsec.yaml` a `podsec check` run uses, and reading it: `--config FILE` names it, `--no-config` turns it
 * off, otherwise the nearest one is looked up from the first checked path (its folder, or the current folder for
 * `-`) upward. A config file that cannot be read or has mistakes is a usage error: every problem is printed with
 * its file, line and column.
 */
import fs from 'node:fs';
import path from 'node:path';
import { findConfigFile, LineIndex, parseConfig } from '../engine';
import type { PodsecConfig } from '../engine';
import type { CheckArgs } from './args';

export interface LoadedConfig {
  config: PodsecConfig;
  /** As shown in messages. */
  display: string;
  /** Absolute folder of the file: ignore globs are relative to it. */
  dir: string;
}

export type ConfigOutcome = { kind: 'none' } | { kind: 'loaded'; loaded: LoadedConfig } | { kind: 'broken'; messages: string[] };

export function loadCliConfig(args: Pick<CheckArgs, 'config' | 'noConfig' | 'paths'>, cwd = process.cwd()): ConfigOutcome {
  if (args.noConfig) return { kind: 'none' };
  const file = args.config ?? findConfigFile(startDir(args.paths[0] ?? '.', cwd), isFile);
  if (!file) return { kind: 'none' };
  const display = args.config ?? displayPath(file, cwd);
  let text: string;
  try {
    text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err?.code === 'ENOENT' ? 'no such file or directory' : err?.code === 'EISDIR' ? 'is a folder' : err?.message ?? String(e);
    return { kind: 'broken', messages: [`${display}: cannot read the configuration file: ${why}`] };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const { config, problems } = parseConfig(text);
  if (problems.length) {
    const lines = new LineIndex(text);
    return {
      kind: 'broken',
      messages: problems.map((p) => {
        const at = lines.positionAt(p.span.start);
        return `${display}:${at.line + 1}:${at.character + 1}: invalid configuration: ${p.message}`;
      }),
    };
  }
  return { kind: 'loaded', loaded: { config, display, dir: path.dirname(path.resolve(cwd, file)) } };
}

/** Where the upward lookup starts for a checked path. */
function startDir(checked: string, cwd: string): string {
  if (checked === '-') return cwd;
  const full = path.resolve(cwd, checked);
  return stat(full)?.isDirectory() ? full : path.dirname(full);
}

function isFile(p: string): boolean {
  return stat(p)?.isFile() ?? false;
}

function stat(p: string): fs.Stats | undefined {
  try {
    return fs.statSync(p, { throwIfNoEntry: false });
  } catch {
    return undefined; // e.g. a folder we may not enter: treat as absent, like a missing file
  }
}

function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
