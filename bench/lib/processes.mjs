// Child processes of the benchmark are killed when it exits for any reason (end, error, Ctrl-C, watchdog).
const live = new Set();
let hooked = false;

function killAll() {
  for (const proc of live) {
    try {
      proc.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
}

/** Tracks `proc` until the returned function is called (when it has exited). */
export function killOnExit(proc) {
  if (!hooked) {
    hooked = true;
    process.on('exit', killAll);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.on(signal, () => {
        console.error(`\nbench: ${signal}: stopping the server and exiting`);
        killAll();
        process.exit(130);
      });
    }
  }
  live.add(proc);
  return () => live.delete(proc);
}

export { killAll };
