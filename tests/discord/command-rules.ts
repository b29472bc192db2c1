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
  /** 1 slash (chat input, the default), 2 user, 3 message context menu. */
  type?: number;
  description?: string;
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

/** Context-menu commands: mixed case and spaces allowed, no description, at most 5 of each type. */
function expectValidContextMenu(commands: readonly CommandPayload[]): void {
  expect(commands.length).toBeLessThanOrEqual(5);
  expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
  for (const command of commands) {
    expect(command.name.length).toBeGreaterThanOrEqual(1);
    expect(command.name.length).toBeLessThanOrEqual(32);
    expect(command.description ?? '').toBe('');
    expect(command.options ?? []).toEqual([]);
  }
}

export function expectValidCommandPayloads(payloads: readonly CommandPayload[]): void {
  const commands = payloads.filter((c) => (c.type ?? 1) === 1);
  for (const type of [2, 3]) expectValidContextMenu(payloads.filter((c) => c.type === type));
  expect(payloads.every((c) => [1, 2, 3].includes(c.type ?? 1))).toBe(true);
  expect(commands.length).toBeLessThanOrEqual(100);
  expect(new Set(commands.map((c) => c.name)).size).toBe(commands.length);
  for (const command of commands) {
    expectValidName(command.name);
    expectValidDescription(command.description ?? '');
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
