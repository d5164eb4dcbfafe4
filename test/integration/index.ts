/**
 * Extension-host tests: they run INSIDE VS Code's extension host with the `vscode` API. Entry contract shared with
 * @vscode/test-electron: a module exporting `run(): Promise<void>` (code-server's smoke-test driver uses the same).
 * The suites run in this order in one window; each works on its own files of the workspace (a fresh copy of
 * test/e2e/workspace), and the ones that change shared state (settings, the Namespace) restore it.
 */
import Mocha from 'mocha';
import * as vscode from 'vscode';
import activationAndDiagnostics from './suites/activation-and-diagnostics.suite';
import commands from './suites/commands.suite';
import fixAll from './suites/fix-all.suite';
import hover from './suites/hover.suite';
import namespaceChange from './suites/namespace-change.suite';
import notKubernetes from './suites/not-kubernetes.suite';
import quickFixes from './suites/quick-fixes.suite';
import settings from './suites/settings.suite';

export async function run(): Promise<void> {
  const web = vscode.env.uiKind === vscode.UIKind.Web;
  // In code-server the results travel as one JSON line per test (test/e2e/ext-host.test.mjs turns them into
  // node:test results); in a desktop VS Code the usual spec reporter prints them.
  const mocha = new Mocha({ ui: 'bdd', timeout: 90_000, color: false, reporter: web ? JsonLinesReporter : 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'integration', mocha);
  // The suites define their tests through the describe/it globals that pre-require just installed.
  for (const define of [activationAndDiagnostics, hover, quickFixes, fixAll, notKubernetes, settings, namespaceChange, commands]) define();
  await new Promise<void>((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
  });
}

/** One `PODSEC-IT {json}` line per finished test: title path, state, duration and the error if any. */
class JsonLinesReporter extends Mocha.reporters.Base {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    const emit = (test: Mocha.Runnable, state: string, err?: Error) => console.log(`PODSEC-IT ${JSON.stringify({
      title: test.titlePath().join(' > '), state, ms: test.duration ?? 0,
      error: err ? { message: err.message, stack: err.stack } : undefined,
    })}`);
    runner.on('pass', (t) => emit(t, 'passed'));
    runner.on('fail', (t, err) => emit(t, 'failed', err));
    runner.on('pending', (t) => emit(t, 'skipped'));
    runner.on('end', () => console.log(`PODSEC-IT ${JSON.stringify({ end: true, ...this.stats })}`));
  }
}
