/**
 * WebSub publisher notification (W3C WebSub, section 5.1 "Publishing"): after the feeds changed,
 * POST `hub.mode=publish&hub.url=<topic>` to each hub the feeds announce with rel="hub", so the
 * hub fetches them and pushes the news to subscribers. Uses Node's fetch; never throws for a hub
 * that fails: each failure is reported in the result.
 */

export interface PingResult {
  hub: string;
  /** The topic (feed URL) announced. */
  url: string;
  ok: boolean;
  /** HTTP status, when the hub answered. */
  status?: number;
  /** Why it failed, in a sentence. */
  error?: string;
}

export interface PingOptions {
  /** Per-request timeout in milliseconds (default 10 s). */
  timeoutMs?: number;
  /** For tests: another fetch. */
  fetch?: typeof fetch;
}

/** Default timeout: a hub that has not answered in 10 s is not worth holding a CI job for. */
export const PING_TIMEOUT_MS = 10_000;

/**
 * Notify every hub of every topic URL, one request per (hub, topic), hubs in parallel.
 * A hub answers 2xx (usually 204 No Content) when it accepted the notification.
 */
export async function pingHubs(hubs: readonly string[], urls: readonly string[], options: PingOptions = {}): Promise<PingResult[]> {
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? PING_TIMEOUT_MS;
  const perHub = await Promise.all(
    hubs.map(async (hub) => {
      const results: PingResult[] = [];
      for (const url of urls) {
        try {
          const response = await doFetch(hub, {
            method: 'POST',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': url }).toString(),
            signal: AbortSignal.timeout(timeoutMs),
            redirect: 'follow',
          });
          // Drain the body so the connection can be reused or closed.
          const text = await response.text().catch(() => '');
          const result: PingResult = { hub, url, ok: response.ok, status: response.status };
          if (!response.ok) result.error = `The hub answered ${response.status} ${response.statusText}${text ? `: ${text.trim().slice(0, 200)}` : ''}.`;
          results.push(result);
        } catch (error) {
          results.push({ hub, url, ok: false, error: `The hub could not be reached: ${describe(error)}.` });
        }
      }
      return results;
    }),
  );
  return perHub.flat();
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError') return 'no answer before the timeout';
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message} (${cause.message})` : error.message;
  }
  return String(error);
}
