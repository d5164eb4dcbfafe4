/**
 * The PodSec language server. Started by the VS Code client over IPC, or by any LSP client with
 * `node dist/server.js --stdio` (the transport is chosen from the command line by vscode-languageserver).
 */
import { startPodsecServer } from './lsp/podsec-server';
import { createServerConnection } from './lsp/transport';
import { plainEnvironment } from './plain-env';

plainEnvironment();
const connection = createServerConnection();
startPodsecServer(connection);
connection.listen();
