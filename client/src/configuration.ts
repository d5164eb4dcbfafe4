/**
 * Answers the server's `workspace/configuration` requests for `podsec` with only the settings the user actually
 * set (at any level), so that a workspace's `.podsec.yaml` is not overridden by package.json defaults. Other
 * sections (e.g. `files.exclude`) are answered as usual.
 */
import * as vscode from 'vscode';
import type { ConfigurationParams, Middleware } from 'vscode-languageclient/node';
import { FORWARDED_SETTINGS, setDotted } from '../../shared/settings-keys';

export const configurationMiddleware: NonNullable<Middleware['workspace']>['configuration'] = async (params: ConfigurationParams, token, next) => {
  const answers = await next(params, token);
  if (!Array.isArray(answers)) return answers;
  return params.items.map((item, i) => (item.section === 'podsec' ? explicitSettings(item.scopeUri) : answers[i]));
};

function explicitSettings(scopeUri: string | undefined): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration('podsec', scopeUri ? vscode.Uri.parse(scopeUri) : undefined);
  const out: Record<string, unknown> = {};
  for (const key of FORWARDED_SETTINGS) {
    const i = config.inspect(key);
    const set = i && [i.globalValue, i.workspaceValue, i.workspaceFolderValue, i.globalLanguageValue, i.workspaceLanguageValue, i.workspaceFolderLanguageValue]
      .some((v) => v !== undefined);
    // get() rather than the most specific level: VS Code merges object settings (namespaces, rules) across levels.
    if (set) setDotted(out, key, config.get(key));
  }
  return out;
}
