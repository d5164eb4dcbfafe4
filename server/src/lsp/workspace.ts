/**
 * Everything the server knows about the workspace beyond the open documents: its folders, the Namespace index
 * (built in the background on start, with a progress report, and kept current from file events and open
 * documents), each folder's `.podsec.yaml`, and the settings that apply to a document.
 */
import { promises as fs } from 'node:fs';
import { Connection, FileChangeType, FileEvent, TextDocuments, WorkspaceFolder } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isIgnored } from '../engine/config/ignore';
import type { DocumentSettings } from './analysis';
import { ConfigDiagnostics } from './config-diagnostics';
import { ExcludeMatcher, excludeMatcher } from './excludes';
import { isManifestPath } from './file-walker';
import { Folder, Folders } from './folders';
import { DEFAULT_MAX_FILE_SIZE, effectiveSettings } from './settings';
import type { SettingsStore } from './settings-store';
import { fileKey, uriToPath } from './uris';
import { WorkspaceConfigs } from './workspace-config';
import { WorkspaceIndex } from './workspace-index';

/** Progress messages are sent every this many files. */
const PROGRESS_EVERY = 50;

export class Workspace {
  readonly folders = new Folders();
  readonly index = new WorkspaceIndex();
  readonly configs: WorkspaceConfigs;
  private readonly configDiagnostics: ConfigDiagnostics;
  /** Folder path -> its exclusion rules, and the `files.exclude` value they were built from. */
  private readonly excludes = new Map<string, { matcher: ExcludeMatcher; source: string }>();
  /** Folder path -> the config last loaded (as JSON), to tell whether a reload changed anything. */
  private readonly configSeen = new Map<string, string>();
  /** Called when something every open document depends on changed (Namespaces, a config file). */
  onChange: () => void = () => {};

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: SettingsStore,
    private readonly canReportProgress: boolean,
  ) {
    this.configs = new WorkspaceConfigs((file) => this.documents.all().find((d) => fileKey(d.uri) === file)?.getText());
    this.configDiagnostics = new ConfigDiagnostics(connection, documents);
  }

  async settingsFor(uri: string): Promise<DocumentSettings> {
    const raw = await this.settings.get(uri);
    const file = uriToPath(uri);
    const where = file ? this.folders.locate(file) : undefined;
    const config = where ? await this.configs.get(where.folder.path) : undefined;
    const effective = effectiveSettings(raw, config?.parsed.config);
    const ignoredBy = config && where && isIgnored(where.relative, config.parsed.config) ? config.file : undefined;
    return { effective, ignoredBy };
  }

  /** A workspace folder's `.podsec.yaml` is shown with its own problems, not checked as a manifest. */
  isConfigDocument(uri: string): boolean {
    const file = uriToPath(uri);
    return !!file && !!this.configs.folderOfConfig(file, this.folders.paths);
  }

  /** Indexes folders in the background (all of them on start); re-checks open documents if Namespaces were found. */
  async indexFolders(folders: readonly Folder[] = this.folders.all): Promise<void> {
    const progress = this.canReportProgress ? await this.connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('PodSec: indexing Namespaces', undefined, `${folders.length} workspace folder(s)`, false);
    let changed = false;
    let total = 0;
    try {
      for (const folder of folders) {
        changed = (await this.loadConfig(folder)) || changed;
        const isExcluded = await this.refreshExcludes(folder);
        const maxFileSize = await this.maxFileSize(folder);
        changed = (await this.index.indexFolder(folder.path, { isExcluded, maxFileSize }, () => {
          if (++total % PROGRESS_EVERY === 0) progress?.report(`${total} files read`);
        })) || changed;
      }
    } catch (error) {
      this.connection.console.error(`Indexing the workspace failed: ${String(error)}`);
    } finally {
      progress?.done();
    }
    this.connection.console.info(`Indexed ${total} manifest file(s); ${this.index.namespaces.all().length} Namespace(s) known.`);
    if (changed) this.onChange();
  }

  async foldersChanged(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): Promise<void> {
    let changed = false;
    for (const folder of this.folders.remove(removed)) {
      changed = this.index.dropFolder(folder.path) || changed;
      this.configs.invalidate(folder.path);
      this.configDiagnostics.publish(WorkspaceConfigs.configPath(folder.path), undefined);
      this.excludes.delete(folder.path);
      changed = (this.configSeen.get(folder.path) ?? 'null') !== 'null' || changed;
      this.configSeen.delete(folder.path);
    }
    if (changed) this.onChange();
    await this.indexFolders(this.folders.add(added));
  }

  /** After a settings change: folders whose `files.exclude` changed are indexed again. */
  async configurationChanged(): Promise<void> {
    const stale: Folder[] = [];
    for (const folder of this.folders.all) {
      const before = this.excludes.get(folder.path)?.source;
      if (before === undefined) continue; // not indexed yet: the indexing under way reads the new value
      await this.refreshExcludes(folder);
      if (before !== this.excludes.get(folder.path)?.source) stale.push(folder);
    }
    if (!stale.length) return;
    const dropped = stale.map((f) => this.index.dropFolder(f.path)).some(Boolean);
    if (dropped) this.onChange();
    await this.indexFolders(stale);
  }

  async filesChanged(changes: readonly FileEvent[]): Promise<void> {
    let changed = false;
    for (const change of Array.isArray(changes) ? changes : []) {
      // One malformed event must not lose the others of the same notification.
      if (typeof change?.uri !== 'string') continue;
      const file = uriToPath(change.uri);
      if (!file) continue;
      const configFolder = this.configs.folderOfConfig(file, this.folders.paths);
      if (configFolder) {
        if (!this.isOpen(file)) changed = (await this.loadConfig(this.folders.all.find((f) => f.path === configFolder)!)) || changed;
        continue;
      }
      const where = this.folders.locate(file);
      if (!where || this.isExcluded(where.folder, where.relative)) continue;
      if (change.type === FileChangeType.Deleted) {
        // A deleted folder arrives as one event for the folder itself.
        changed = (isManifestPath(file) ? this.index.diskDeleted(file) : this.index.dropFolder(file)) || changed;
      } else if (isManifestPath(file)) {
        changed = (await this.index.diskChanged(file, await this.maxFileSize(where.folder))) || changed;
      } else if (await isFolder(file)) {
        // A folder moved or copied in arrives as one event for the folder: its files are read as at start-up.
        const isExcluded = (relative: string) => this.isExcluded(where.folder, where.relative ? `${where.relative}/${relative}` : relative);
        changed = (await this.index.indexFolder(file, { isExcluded, maxFileSize: await this.maxFileSize(where.folder) })) || changed;
      }
    }
    if (changed) this.onChange();
  }

  /** An open config file was edited (its text wins over the disk). */
  async configDocumentChanged(uri: string): Promise<void> {
    const file = uriToPath(uri);
    const folder = file && this.folders.all.find((f) => WorkspaceConfigs.configPath(f.path) === file);
    if (folder && (await this.loadConfig(folder))) this.onChange();
  }

  /** `text`: the document's last text (when the file on disk has the same, its facts are already known). */
  async documentClosed(uri: string, text?: string): Promise<void> {
    if (this.isConfigDocument(uri)) return this.configDocumentChanged(uri);
    const file = uriToPath(uri);
    const where = file ? this.folders.locate(file) : undefined;
    const indexed = file && where && isManifestPath(file) && !this.isExcluded(where.folder, where.relative);
    const changed = await this.index.closed(uri, indexed ? await this.maxFileSize(where.folder) : undefined, text);
    if (changed) this.onChange();
  }

  /** (Re)loads a folder's config file and publishes its problems; true when the config may have changed. */
  private async loadConfig(folder: Folder): Promise<boolean> {
    this.configs.invalidate(folder.path);
    const config = await this.configs.get(folder.path);
    this.configDiagnostics.publish(WorkspaceConfigs.configPath(folder.path), config);
    const seen = JSON.stringify(config?.parsed.config ?? null);
    const changed = (this.configSeen.get(folder.path) ?? 'null') !== seen;
    this.configSeen.set(folder.path, seen);
    return changed;
  }

  private async refreshExcludes(folder: Folder): Promise<ExcludeMatcher> {
    const value = await this.settings.filesExclude(folder.uri);
    const source = JSON.stringify(value ?? null);
    const existing = this.excludes.get(folder.path);
    if (existing?.source === source) return existing.matcher;
    const matcher = excludeMatcher(value);
    this.excludes.set(folder.path, { matcher, source });
    return matcher;
  }

  private isExcluded(folder: Folder, relative: string): boolean {
    return (this.excludes.get(folder.path)?.matcher ?? excludeMatcher(undefined))(relative);
  }

  private async maxFileSize(folder: Folder): Promise<number> {
    return (await this.settings.get(folder.uri)).maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  }

  private isOpen(file: string): boolean {
    return this.documents.all().some((d) => fileKey(d.uri) === file);
  }
}

async function isFolder(path: string): Promise<boolean> {
  return fs.stat(path).then((s) => s.isDirectory(), () => false);
}
