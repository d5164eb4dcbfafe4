/**
 * The server's connection: vscode-languageserver's own (the transport chosen from the command line), except over
 * stdio, where messages are written with an encoder that remembers each diagnostic's JSON. A large manifest
 * publishes a thousand diagnostics or more after every keystroke, and all but the edited document's are the very
 * same objects as in the previous publication (see analysis.ts): serialising them again was most of the time spent
 * on an edit. The bytes written are the same as JSON.stringify's.
 *
 * With explicit streams, vscode-languageserver leaves two things of its `--stdio` set-up to the caller: exiting when
 * the client closes the input, and keeping `console` output off stdout (it would corrupt the protocol).
 */
import { format } from 'node:util';
import {
  Connection, ContentTypeEncoder, createConnection, DataCallback, Disposable, Message, ProposedFeatures, StreamMessageReader, StreamMessageWriter,
} from 'vscode-languageserver/node';

export function createServerConnection(argv: readonly string[] = process.argv): Connection {
  if (!argv.includes('--stdio')) return createConnection(ProposedFeatures.all);
  const reader = new ShutdownAwareReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout, { charset: 'utf-8', contentTypeEncoder: diagnosticsJsonEncoder() });
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  const exit = () => process.exit(reader.shutdownReceived ? 0 : 1);
  // Broken framing (a header without Content-Length) leaves the stream out of step for good: every later message
  // would be misread. Exiting lets the client see it and start a fresh server.
  reader.onError((error) => {
    process.stderr.write(`PodSec: the message stream is broken (${error.message.split('\n')[0]}); exiting.\n`);
    process.exit(1);
  });
  process.stdin.on('end', exit);
  process.stdin.on('close', exit);
  console.log = console.info = (...args: unknown[]) => connection.console.log(format(...args));
  console.debug = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  return connection;
}

/**
 * Notes the `shutdown` request, so that the process exits with 0 when the client then closes the input. An
 * `initialize` whose capabilities are not an object gets empty ones (vscode-languageserver reads them before any
 * handler could).
 */
class ShutdownAwareReader extends StreamMessageReader {
  shutdownReceived = false;

  override listen(callback: DataCallback): Disposable {
    return super.listen((message) => {
      const m = message as { method?: unknown; params?: { capabilities?: unknown } };
      if (m.method === 'shutdown') this.shutdownReceived = true;
      if (m.method === 'initialize' && m.params && typeof m.params === 'object' && (typeof m.params.capabilities !== 'object' || m.params.capabilities === null)) {
        m.params.capabilities = {};
      }
      callback(message);
    });
  }
}

const PUBLISH = 'textDocument/publishDiagnostics';
/** Stands for the diagnostics array in the serialised message (a NUL cannot occur in a JSON string unescaped). */
const HOLE = '\u0000podsec-diagnostics\u0000';
const HOLE_JSON = JSON.stringify(HOLE);

/**
 * JSON of messages. A publication's diagnostics are serialised one by one, each once for as long as it lives, and the
 * message is assembled from their bytes: no string of the whole message is built (for a large file it would be
 * hundreds of kilobytes per keystroke, allocated where only a full garbage collection reclaims it).
 */
export function diagnosticsJsonEncoder(): ContentTypeEncoder {
  const cache = new WeakMap<object, Buffer>();
  const bytes = (value: unknown, charset: BufferEncoding): Buffer => {
    if (typeof value !== 'object' || value === null) return Buffer.from(JSON.stringify(value) ?? 'null', charset);
    let b = cache.get(value);
    if (b === undefined) cache.set(value, (b = Buffer.from(JSON.stringify(value), charset)));
    return b;
  };
  return {
    name: 'application/json',
    encode(message, options) {
      try {
        return Promise.resolve(serialise(message, options.charset, (v) => bytes(v, options.charset)));
      } catch (error) {
        return Promise.reject(error);
      }
    },
  };
}

function serialise(message: Message, charset: BufferEncoding, bytes: (value: unknown) => Buffer): Buffer {
  const m = message as { method?: unknown; params?: { diagnostics?: unknown } };
  const diagnostics = m.method === PUBLISH ? m.params?.diagnostics : undefined;
  if (!Array.isArray(diagnostics) || !diagnostics.length) return Buffer.from(JSON.stringify(message), charset);
  const text = JSON.stringify(message, (_key, value: unknown) => (value === diagnostics ? HOLE : value));
  const at = text.indexOf(HOLE_JSON);
  const parts: Buffer[] = [Buffer.from(`${text.slice(0, at)}[`, charset)];
  diagnostics.forEach((d, i) => {
    if (i) parts.push(COMMA);
    parts.push(bytes(d));
  });
  parts.push(Buffer.from(`]${text.slice(at + HOLE_JSON.length)}`, charset));
  return Buffer.concat(parts);
}

const COMMA = Buffer.from(',');
