/** The `podsec` command. */
import { plainEnvironment } from '../plain-env';
import { parseArgs, USAGE } from './args';
import { runCheck } from './check';
import { runFix } from './fix';
import { isCheckWorker } from './parallel-check';

declare const PODSEC_VERSION: string | undefined;
const VERSION = typeof PODSEC_VERSION === 'string' ? PODSEC_VERSION : '0.0.0-dev';

export function main(argv: string[]): number | Promise<number> {
  const args = parseArgs(argv);
  switch (args.command) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'version':
      process.stdout.write(`${VERSION}\n`);
      return 0;
    case 'error':
      process.stderr.write(`podsec: ${args.message}\n\n${USAGE}\n`);
      return 2;
    case 'check':
      return runCheck(args, {
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
        isTty: !!process.stdout.isTTY,
        version: VERSION,
      });
    case 'fix':
      return runFix(args, {
        stdout: (s) => process.stdout.write(s),
        stderr: (s) => process.stderr.write(s),
        isTty: !!process.stdout.isTTY,
      });
  }
}

if (require.main === module && !isCheckWorker()) {
  plainEnvironment();
  // `podsec check | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const internalError = (error: unknown) => {
    // A bug, not bad input (bad input becomes findings): one line, exit 2, no stack unless asked for.
    process.stderr.write(`podsec: internal error: ${(error as Error)?.message ?? String(error)}${process.env.PODSEC_DEBUG ? `\n${(error as Error)?.stack}` : ''}\n`);
    process.exitCode = 2;
  };
  try {
    const code = main(process.argv.slice(2));
    if (typeof code === 'number') process.exitCode = code;
    else code.then((c) => { process.exitCode = c; }, internalError);
  } catch (error) {
    internalError(error);
  }
}
