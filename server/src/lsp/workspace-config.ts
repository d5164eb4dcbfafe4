/**
 * The `.podsec.yaml` of each workspace folder root, loaded through the `loadWorkspaceConfig` seam and cached until
 * the file changes (on disk, or in an open editor, whose text wins).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ParsedConfig } from '../engine/config/types';
import { CONFIG_FILE_NAME, loadWorkspaceConfig } from './config-file';

export interface FolderConfig {
  /** Absolute path of the config file. */
  file: string;
  /** The text the problems' spans refer to. */
  text: string;
  parsed: ParsedConfig;
}

export type ConfigLoader = (text: string) => ParsedConfig | undefined;

export class WorkspaceConfigs {
  private readonly cache = new Map<string, Promise<FolderConfig | undefined>>();

  constructor(
    /** The open editor's text of a file, if it is open. */
    private readonly openText: (file: string) => string | undefined,
    private readonly load: ConfigLoader = loadWorkspaceConfig,
  ) {}

  static configPath(folder: string): string {
    return path.join(folder, CONFIG_FILE_NAME);
  }

  /** The config of a workspace folder (by path), or undefined when it has none or no loader is plugged in. */
  get(folder: string): Promise<FolderConfig | undefined> {
    let entry = this.cache.get(folder);
    if (!entry) {
      entry = this.read(WorkspaceConfigs.configPath(folder));
      this.cache.set(folder, entry);
    }
    return entry;
  }

  /** The folder whose config file this is, if any (so a change to it can reload the config). */
  folderOfConfig(file: string, folders: readonly string[]): string | undefined {
    return folders.find((f) => WorkspaceConfigs.configPath(f) === file);
  }

  invalidate(folder: string): void {
    this.cache.delete(folder);
  }

  private async read(file: string): Promise<FolderConfig | undefined> {
    let text = this.openText(file);
    if (text === undefined) {
      try {
        // A FIFO or device would block the read (see workspace-index.ts): only a regular file is a config file.
        if (!(await fs.stat(file)).isFile()) return undefined;
        text = await fs.readFile(file, 'utf8');
      } catch {
        return undefined;
      }
      // As an editor shows the file (and the CLI reads it): without its BOM, so problems land on the right column.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    try {
      const parsed = this.load(text);
      return parsed && { file, text, parsed };
    } catch (error) {
      // A loader bug must not stop the server: report it on the file like any other problem.
      return { file, text, parsed: { config: {}, problems: [{ message: `could not read the config: ${String(error)}`, span: { start: 0, end: 0 } }] } };
    }
  }
}
