/**
 * Work done a step at a time: a generator whose every `yield` is a point where other work may run
 * before the next step, and whose return value is the result.
 */
export type Steps<T = void> = Generator<void, T, void>;

/** Run every step now; the result. */
export function drain<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Cache writes a build leaves for later (src/cache/articles.ts `CacheOptions.later`): the build
 * runs them a step per turn of the event loop while it waits for its own writes (`start`), so that
 * their CPU fills the time the main thread would otherwise spend idle, and waits for what is left
 * (`finish`) before it returns, whether it succeeded or not. A step that throws is a bug (the cache
 * catches its own write errors): `finish` throws it.
 */
export class LaterWrites {
  private readonly queue: Steps<unknown>[] = [];
  private running: Promise<void> | undefined;

  add(steps: Steps<unknown>): void {
    this.queue.push(steps);
  }

  /** Run the queued steps, one per turn of the event loop (setImmediate: I/O callbacks run between two). */
  start(): void {
    this.running ??= this.loop();
  }

  private async loop(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const steps = this.queue[0] as Steps<unknown>;
        if (steps.next().done && this.queue[0] === steps) this.queue.shift();
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
    } finally {
      this.running = undefined;
    }
  }

  /** Run what is left now (added since `start`, or not reached yet), then wait for a step in progress. */
  async finish(): Promise<void> {
    const running = this.running;
    for (const steps of this.queue.splice(0)) drain(steps);
    await running;
  }
}
