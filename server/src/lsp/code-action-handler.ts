/** `textDocument/codeAction`: hands the analysed document and the fix settings to the code-action provider. */
import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import type { Checker } from './checker';
import { provideCodeActions } from './code-actions';

export async function handleCodeActions(params: CodeActionParams, checker: Checker, onError: (error: unknown) => void): Promise<CodeAction[]> {
  const checked = await checker.check(params.textDocument.uri);
  if (!checked?.state) return [];
  try {
    return provideCodeActions(params, checked.state, checked.settings.effective.fix);
  } catch (error) {
    onError(error);
    return [];
  }
}
