/**
 * Per-resource settings pulled from the client with `workspace/configuration` and cached per URI until the next
 * `didChangeConfiguration`. Clients that cannot answer that request push settings in `didChangeConfiguration`
 * (or `initializationOptions`) instead; both shapes are read the same way.
 */
import type { Connection } from 'vscode-languageserver';
import { PodsecSettings, readSettings } from './settings';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<PodsecSettings>>();
  private pushed: PodsecSettings;

  constructor(private readonly connection: Connection, private readonly canPull: boolean, initial: unknown) {
    this.pushed = readSettings(podsecSection(initial));
  }

  /** The `podsec.*` settings that apply to a document or folder. */
  get(uri: string): Promise<PodsecSettings> {
    if (!this.canPull) return Promise.resolve(this.pushed);
    let entry = this.cache.get(uri);
    if (!entry) {
      entry = this.connection.workspace.getConfiguration({ scopeUri: uri, section: 'podsec' })
        .then(readSettings, () => this.pushed);
      this.cache.set(uri, entry);
    }
    return entry;
  }

  /** `files.exclude` of a folder (an object of glob -> boolean), or undefined. */
  async filesExclude(folderUri: string): Promise<unknown> {
    if (!this.canPull) return undefined;
    return this.connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'files.exclude' }).catch(() => undefined);
  }

  /** After `didChangeConfiguration`: forget everything; keep pushed settings when the client sent them. */
  changed(settings: unknown): void {
    this.cache.clear();
    const section = podsecSection(settings);
    if (section !== undefined) this.pushed = readSettings(section);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}

/** The `podsec` section of `{ podsec: {...} }` (how clients push settings); undefined when there is none. */
function podsecSection(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  return 'podsec' in v ? v.podsec : undefined;
}
