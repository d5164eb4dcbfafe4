/** The client's commands: show the output channel, restart the server (which then serves again). */
import * as assert from 'assert';
import * as vscode from 'vscode';
import { WEB_FINDINGS, fileUri, open, openNew, readFixture, waitForDiagnostics } from '../helpers';

export default function define(): void {
  describe('commands', () => {
    it('contributes the PodSec commands', async () => {
      const all = await vscode.commands.getCommands(true);
      for (const id of ['podsec.restartServer', 'podsec.fixAll', 'podsec.showOutput']) assert.ok(all.includes(id), id);
    });

    it('podsec.showOutput runs', async () => {
      await vscode.commands.executeCommand('podsec.showOutput');
    });

    it('podsec.restartServer restarts the server, which checks open and new documents again', async () => {
      await open(fileUri('web.yaml'));
      await waitForDiagnostics(fileUri('web.yaml'), WEB_FINDINGS);
      await vscode.commands.executeCommand('podsec.restartServer');
      await waitForDiagnostics(fileUri('web.yaml'), WEB_FINDINGS);
      const { document } = await openNew('it/after-restart.yaml', readFixture('web.yaml'));
      await waitForDiagnostics(document.uri, WEB_FINDINGS);
    });
  });
}
