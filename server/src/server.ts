/**
 * The PodSec language server. Started by the VS Code client over IPC, or by any LSP client with
 * `node dist/server.js --stdio` (the transport is chosen from the command line by vscode-languageserver).
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startPodsecServer } from './lsp/podsec-server';

const connection = createConnection(ProposedFeatures.all);
startPodsecServer(connection);
connection.listen();
