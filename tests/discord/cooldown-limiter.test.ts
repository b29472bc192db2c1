import { describe, expect, it } from 'vitest';
import { createCooldown } from '../../src/discord/cooldown.js';
import { createLimiter } from '../../src/discord/limiter.js';

describe('createCooldown', () => {
  it('lets a user ask once per period, each user separately', () => {
    const cooldown = createCooldown(10);
    expect(cooldown.take('a', 1_000)).toBe(0);
    expect(cooldown.take('a', 4_000)).toBe(7_000);
    expect(cooldown.take('b', 4_000)).toBe(0);
    expect(cooldown.take('a', 11_000)).toBe(0);
  });

  it('gives a turn back when the question failed', () => {
    const cooldown = createCooldown(10);
    expect(cooldown.take('a', 1_000)).toBe(0);
    cooldown.release('a');
    expect(cooldown.take('a', 2_000)).toBe(0);
    expect(cooldown.take('a', 3_000)).toBe(9_000);
  });

  it('is off at 0 seconds', () => {
    const cooldown = createCooldown(0);
    expect(cooldown.take('a', 1)).toBe(0);
    expect(cooldown.take('a', 1)).toBe(0);
  });
});

describe('createLimiter', () => {
  it('runs at most `max` tasks at once and starts the waiting ones in order', async () => {
    const limiter = createLimiter(2);
    const started: number[] = [];
    const release: (() => void)[] = [];
    let peak = 0;
    const tasks = [0, 1, 2, 3, 4].map((i) =>
      limiter.run(async () => {
        started.push(i);
        peak = Math.max(peak, limiter.active);
        await new Promise<void>((resolve) => release.push(resolve));
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(limiter.waiting).toBe(3);
    while (release.length > 0) {
      release.shift()!();
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await Promise.all(tasks)).toEqual([0, 1, 2, 3, 4]);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(limiter.active).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = createLimiter(1);
    await expect(limiter.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await limiter.run(async () => 'next')).toBe('next');
    expect(limiter.active).toBe(0);
  });
});
