// Per-user cooldown between questions, so one user cannot keep the search queue full.
export interface Cooldown {
  /** Milliseconds the user still has to wait (0: allowed, and the wait starts now). */
  take(userId: string, now?: number): number;
  /** Gives back the turn taken by a question that failed (a mistyped source, a Discord error). */
  release(userId: string): void;
}

export function createCooldown(seconds: number): Cooldown {
  const periodMs = seconds * 1000;
  const lastAsked = new Map<string, number>();
  return {
    take(userId, now = Date.now()) {
      if (periodMs <= 0) return 0;
      const last = lastAsked.get(userId);
      if (last !== undefined && now - last < periodMs) return periodMs - (now - last);
      lastAsked.set(userId, now);
      // Expired entries are dropped as they are passed over, so the map stays as small as the active users.
      for (const [user, at] of lastAsked) if (now - at >= periodMs) lastAsked.delete(user);
      return 0;
    },
    release(userId) {
      lastAsked.delete(userId);
    },
  };
}
