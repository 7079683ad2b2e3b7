/**
 * Fault injection for the durability tests, read on the write path only (documented as test-only in
 * CONTRIBUTING.md): `ROADMAP_TEST_STALL_MS=<ms>` stalls a write inside the lock (synchronously, as a slow
 * disk or a long write would), `ROADMAP_TEST_KILL_AT=<point>` SIGKILLs the process at a named point.
 */
export function testPoint(
  point: 'write:locked' | 'write:backup' | 'write:history' | 'write:written' | 'repair:aside' | 'repair:restored',
): void {
  const env = process.env;
  if (point === 'write:locked' && env.ROADMAP_TEST_STALL_MS) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(env.ROADMAP_TEST_STALL_MS));
  }
  if (env.ROADMAP_TEST_KILL_AT === point) process.kill(process.pid, 'SIGKILL');
}
