// Waiting with deadlines instead of fixed sleeps (CONVENTIONS.md, practice 9).

/** Resolves after `ms` milliseconds; only used as the poll interval of waitUntil. */
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `probe` every `intervalMs` until it returns a value other than undefined/null/false, and
 * returns that value. Throws after `timeoutMs` with `what` in the message.
 */
export async function waitUntil(probe, { what, timeoutMs, intervalMs = 50 }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() >= deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await pause(intervalMs);
  }
}
