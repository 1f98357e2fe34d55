import { type ChildProcess, spawn } from 'node:child_process';

/**
 * The parent-death watchdog: a tiny Node process of its own session that holds a pipe from the stack.
 * Postgres cannot watch its parent, and a SIGKILLed stack runs no exit handler, so when the pipe
 * closes — however the stack ended — the watchdog signals every child the stack registered
 * (Postgres gets SIGINT, its fast shutdown), waits for them, SIGKILLs what is left after 15 s and exits.
 * Children the stack stops itself are unregistered first, so a recycled pid is never hit.
 */
const WATCHDOG_SOURCE = `
process.title = 'comanda-stack-watchdog';
const watched = new Map();
let buffer = '';
let reaping = false;
for (const s of ['SIGINT', 'SIGHUP']) process.on(s, () => {});
const alive = (pid) => { try { process.kill(pid, 0); return true; } catch (e) { return e.code === 'EPERM'; } };
const reap = () => {
  if (reaping) return;
  reaping = true;
  for (const [pid, signal] of watched) { try { process.kill(pid, signal); } catch {} }
  const deadline = Date.now() + 15000;
  const poll = setInterval(() => {
    const left = [...watched.keys()].filter(alive);
    if (left.length > 0 && Date.now() < deadline) return;
    for (const pid of left) { try { process.kill(pid, 'SIGKILL'); } catch {} }
    clearInterval(poll);
    process.exit(0);
  }, 50);
};
process.stdin.on('data', (chunk) => {
  buffer += chunk;
  for (let i = buffer.indexOf('\\n'); i >= 0; i = buffer.indexOf('\\n')) {
    const [command, pid, signal] = buffer.slice(0, i).split(' ');
    buffer = buffer.slice(i + 1);
    if (command === 'watch') watched.set(Number(pid), signal);
    else if (command === 'unwatch') watched.delete(Number(pid));
  }
});
process.stdin.on('end', reap);
process.stdin.on('close', reap);
process.stdin.on('error', reap);
`;

let watchdog: ChildProcess | null = null;

function ensureWatchdog(): ChildProcess {
  if (watchdog && watchdog.exitCode === null && watchdog.signalCode === null) return watchdog;
  const child = spawn(process.execPath, ['-e', WATCHDOG_SOURCE], {
    // Its own session: a Ctrl-C to the terminal's process group must not take it before the stack.
    detached: true,
    stdio: ['pipe', 'ignore', 'ignore'],
    // Nothing from tsx or the test runner: it must start in milliseconds and load no hooks.
    env: { PATH: process.env.PATH ?? '' },
  });
  child.on('error', () => {});
  child.stdin?.on('error', () => {});
  // Never what keeps the stack's process alive; its pipe closing is the whole point.
  child.unref();
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();
  watchdog = child;
  return child;
}

/**
 * Registers a child that must not outlive this process. Returns the unregister function, to call once
 * the child has been stopped (or has exited) on purpose.
 */
export function watchChild(pid: number, signal: NodeJS.Signals): () => void {
  const dog = ensureWatchdog();
  dog.stdin?.write(`watch ${pid} ${signal}\n`);
  let done = false;
  return () => {
    if (done) return;
    done = true;
    if (dog.exitCode === null && dog.signalCode === null) dog.stdin?.write(`unwatch ${pid}\n`);
  };
}
