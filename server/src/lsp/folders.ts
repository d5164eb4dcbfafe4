/** The workspace folders the client told us about, as paths, and which one holds a given file. */
import type { WorkspaceFolder } from 'vscode-languageserver';
import { relativeInside, uriToPath } from './uris';

export interface Folder {
  uri: string;
  path: string;
}

export class Folders {
  private list: Folder[] = [];

  get all(): readonly Folder[] {
    return this.list;
  }

  get paths(): string[] {
    return this.list.map((f) => f.path);
  }

  /** Local folders only: virtual file systems cannot be walked from here (their open documents still work). */
  add(folders: readonly WorkspaceFolder[]): Folder[] {
    const added: Folder[] = [];
    for (const f of Array.isArray(folders) ? folders : []) {
      const p = typeof f?.uri === 'string' ? uriToPath(f.uri) : undefined; // entries from the client, maybe malformed
      if (!p || this.list.some((x) => x.path === p)) continue;
      const folder = { uri: f.uri, path: p };
      this.list.push(folder);
      added.push(folder);
    }
    return added;
  }

  remove(folders: readonly WorkspaceFolder[]): Folder[] {
    const gone = new Set((Array.isArray(folders) ? folders : []).map((f) => (typeof f?.uri === 'string' ? uriToPath(f.uri) : undefined)));
    gone.delete(undefined);
    const removed = this.list.filter((f) => gone.has(f.path));
    this.list = this.list.filter((f) => !gone.has(f.path));
    return removed;
  }

  /** The innermost folder containing the file, with the file's path relative to it. */
  locate(file: string): { folder: Folder; relative: string } | undefined {
    let best: { folder: Folder; relative: string } | undefined;
    for (const folder of this.list) {
      const relative = relativeInside(folder.path, file);
      if (relative !== undefined && (!best || folder.path.length > best.folder.path.length)) best = { folder, relative };
    }
    return best;
  }
}
