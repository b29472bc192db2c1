// Discord's rules for application command payloads, written from the API docs, to check ours against.
import { expect } from 'vitest';

interface OptionPayload {
  name: string;
  description: string;
  type: number;
  choices?: { name: string; value: unknown }[];
  min_value?: number;
  max_value?: number;
  max_length?: number;
}

interface CommandPayload {
  name: string;
  description: string;
  options?: OptionPayload[];
}

const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;

function expectValidName(name: string): void {
  expect(name).toMatch(NAME);
  expect(name).toBe(name.toLowerCase());
}

function expectValidDescription(description: string): void {
  expect(description.length).toBeGreaterThanOrEqual(1);
  expect(description.length).toBeLessThanOrEqual(100);
}

export function expectValidCommandPayloads(commands: readonly CommandPayload[]): void {
  expect(commands.length).toBeLessThanOrEqual(100);
  expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
  for (const command of commands) {
    expectValidName(command.name);
    expectValidDescription(command.description);
    const options = command.options ?? [];
    expect(options.length).toBeLessThanOrEqual(25);
    expect(new Set(options.map((o) => o.name)).size).toBe(options.length);
    for (const option of options) {
      expectValidName(option.name);
      expectValidDescription(option.description);
      expect(option.choices?.length ?? 0).toBeLessThanOrEqual(25);
      for (const choice of option.choices ?? []) expect(choice.name.length).toBeLessThanOrEqual(100);
    }
  }
}
