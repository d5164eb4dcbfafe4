/**
 * `textDocument/codeAction` and `codeAction/resolve`: hand the analysed document and the fix settings to the
 * code-action provider. Clients that resolve `edit` lazily get the fix-alls without their edits, computed on resolve.
 */
import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import type { Checker } from './checker';
import { FixAllData, provideCodeActions, resolveCodeAction } from './code-actions';

export async function handleCodeActions(params: CodeActionParams, checker: Checker, lazy: boolean, onError: (error: unknown) => void): Promise<CodeAction[]> {
  const checked = await checker.check(params.textDocument.uri);
  if (!checked?.state) return [];
  try {
    return provideCodeActions(params, checked.state, checked.settings.effective.fix, { lazy });
  } catch (error) {
    onError(error);
    return [];
  }
}

export async function handleResolve(action: CodeAction, checker: Checker, onError: (error: unknown) => void): Promise<CodeAction> {
  const data = action.data as Partial<FixAllData> | undefined;
  if (typeof data?.uri !== 'string') return action;
  const checked = await checker.check(data.uri);
  if (!checked?.state) return action;
  try {
    return resolveCodeAction(action, checked.state, checked.settings.effective.fix);
  } catch (error) {
    onError(error);
    return action;
  }
}
