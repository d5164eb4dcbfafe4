/** Helpers for the extension-host tests: files in the test workspace, polling, diagnostics as comparable strings. */
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { PSS_RULES } from '../../server/src/engine/rules/pss';

export const EXTENSION_ID = 'podsec.podsec';

/** Polls `fn` until it returns a truthy value; fails with `message` and the last value after `timeout` ms. */
export async function waitFor<T>(fn: () => T | undefined | false | Promise<T | undefined | false>, message: string, timeout = 30_000): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (e) { last = e; }
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeout} ms waiting for ${message} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open (the copy of test/e2e/workspace)');
  return folder;
}

export function fileUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder().uri, relative);
}

export function readFixture(relative: string): string {
  return fs.readFileSync(fileUri(relative).fsPath, 'utf8');
}

/** Writes `text` to a new file of the workspace and opens it in an editor. */
export async function openNew(relative: string, text: string): Promise<vscode.TextEditor> {
  const uri = fileUri(relative);
  fs.mkdirSync(path.dirname(uri.fsPath), { recursive: true });
  fs.writeFileSync(uri.fsPath, text);
  return open(uri);
}

export async function open(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function podsecDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'podsec');
}

export function codeOf(d: vscode.Diagnostic): string {
  return String(typeof d.code === 'object' ? d.code.value : d.code);
}

const SEVERITY = ['error', 'warning', 'info', 'hint'];

/** `rule@line:col severity` with 1-based positions, as the Problems panel shows them. */
export function describe1(d: vscode.Diagnostic): string {
  return `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1} ${SEVERITY[d.severity]}`;
}

/** Waits until the PSS diagnostics of `uri`, as sorted describe1 strings, equal `expected`. */
export async function waitForDiagnostics(uri: vscode.Uri, expected: string[], timeout = 60_000): Promise<vscode.Diagnostic[]> {
  const want = [...expected].sort();
  let seen: string[] = [];
  try {
    return await waitFor(() => {
      const diags = podsecDiagnostics(uri).filter(isPss);
      seen = diags.map(describe1).sort();
      return JSON.stringify(seen) === JSON.stringify(want) ? diags : undefined;
    }, `diagnostics ${JSON.stringify(want)}`, timeout);
  } catch (e) {
    throw new Error(`${(e as Error).message}; saw ${JSON.stringify(seen)}`);
  }
}

/** Code actions offered for `range`, with their edits resolved (the client may resolve them lazily). */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', uri, range, kind, 100) ?? [];
  return all.filter((a): a is vscode.CodeAction => !('command' in a && typeof a.command === 'string'));
}

/**
 * The PodSec findings of `uri` at whose range a preferred quick fix is still offered. (The API's CodeActions do not
 * say which diagnostic they fix, so findings that share a range are reported together.)
 */
export async function fixableFindings(uri: vscode.Uri): Promise<string[]> {
  const out: string[] = [];
  for (const d of podsecDiagnostics(uri)) {
    const fix = (await codeActions(uri, d.range, vscode.CodeActionKind.QuickFix.value)).find((a) => a.isPreferred);
    if (fix) out.push(`${describe1(d)} (${fix.title})`);
  }
  return out;
}

export function fullRange(doc: vscode.TextDocument): vscode.Range {
  return new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
}

/** The position of the first `needle` in `doc` (0-based), plus `offset` characters. */
export function positionOf(doc: vscode.TextDocument, needle: string, offset = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `"${needle}" in ${doc.uri.fsPath}`);
  return doc.positionAt(at + offset);
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/** The Pod Security Standards rule ids: hardening rules (another issue) are left out of exact comparisons. */
const PSS_IDS = new Set(PSS_RULES.map((r) => r.id));
export const isPss = (d: vscode.Diagnostic): boolean => PSS_IDS.has(codeOf(d));

/**
 * The PSS findings of test/e2e/workspace/web.yaml, a Deployment in namespace `shop`, whose Namespace manifest
 * (namespaces.yaml) enforces restricted. Line 24 is the container's `securityContext:` key, 25 `privileged: true`,
 * 26 `capabilities:`.
 */
export const WEB_FINDINGS = [
  'allowPrivilegeEscalation@24:11 error', 'runAsNonRoot@24:11 error', 'seccompProfile_restricted@24:11 error',
  'privileged@25:25 error', 'capabilities_restricted@26:13 error',
];

/** The golden files live in the repository, which is the extension under test (extensionDevelopmentPath). */
export function golden(name: string): string {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is installed`);
  return fs.readFileSync(path.join(ext.extensionPath, 'test/e2e/golden', name), 'utf8');
}
