// At most `max` searches at once; the rest wait in order. Embedding a question is CPU work, and an
// unbounded burst would delay the gateway heartbeat long enough for Discord to drop the connection.
export interface Limiter {
  run<T>(task: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

export function createLimiter(max: number): Limiter {
  let active = 0;
  const queue: (() => void)[] = [];
  return {
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
    async run(task) {
      if (active >= max) await new Promise<void>((resolve) => queue.push(resolve));
      else active++;
      try {
        return await task();
      } finally {
        // Hand the slot straight to the next waiter, or free it.
        const next = queue.shift();
        if (next) next();
        else active--;
      }
    },
  };
}
