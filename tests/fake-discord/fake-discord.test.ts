// The fake itself, driven by a bare discord.js Client: if these fail, the bot tests mean nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Client, DiscordjsErrorCodes, MessageFlags } from 'discord.js';
import { FakeDiscord } from './fake-discord.js';

describe('fake Discord', () => {
  let fake: FakeDiscord;
  let client: Client | undefined;

  beforeEach(async () => {
    fake = await FakeDiscord.start();
  });

  afterEach(async () => {
    await client?.destroy();
    client = undefined;
    await fake.close();
  });

  function newClient(): Client {
    client = new Client({ intents: [], rest: { api: fake.apiBase } });
    return client;
  }

  it('lets a client log in over REST + gateway and receive an interaction it answers', async () => {
    const bot = newClient();
    bot.on('interactionCreate', async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.editReply({ content: `echo ${interaction.options.getString('text')}`, allowedMentions: { parse: [] } });
    });
    const ready = new Promise((resolve) => bot.once('clientReady', resolve));
    await bot.login(fake.token);
    await ready;

    const gateway = fake.requests.find((r) => r.path === '/gateway/bot');
    expect(gateway?.headers.authorization).toBe(`Bot ${fake.token}`);
    expect(fake.gatewayReceived.some((p) => p.op === 2)).toBe(true);

    const sent = await fake.sendCommand('echo', [{ name: 'text', type: 3, value: 'hello' }]);
    const reply = await fake.waitForReply(sent);
    expect((reply.callback.body as { type: number }).type).toBe(5);
    expect(reply.callback.headers.authorization).toBeUndefined();
    expect(reply.message.content).toBe('echo hello');
    expect(reply.message.allowed_mentions).toEqual({ parse: [] });
    expect(reply.edit!.seq).toBeGreaterThan(reply.callback.seq);
  });

  it('delivers a message command with its target message resolved, as a client without privileged intents sees it', async () => {
    const bot = newClient();
    const seen = new Promise<{ name: string; content: string; author: string }>((resolve) => {
      bot.on('interactionCreate', async (interaction) => {
        if (!interaction.isMessageContextMenuCommand()) return;
        resolve({ name: interaction.commandName, content: interaction.targetMessage.content, author: interaction.targetMessage.author.username });
        await interaction.reply({ content: 'seen', flags: MessageFlags.Ephemeral });
      });
    });
    await bot.login(fake.token);
    const target = fake.userMessage('Iraq asked Moscow for help.', { id: '300000000000000009', username: 'claimant' });
    const reply = await fake.waitForReply(await fake.sendMessageCommand('Find in sources', target));
    expect(await seen).toEqual({ name: 'Find in sources', content: 'Iraq asked Moscow for help.', author: 'claimant' });
    expect(reply.message.content).toBe('seen');
  });

  it('answers a route with 429 once and the client retries after Retry-After', async () => {
    const bot = newClient();
    bot.on('interactionCreate', async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply({ content: 'ok', flags: MessageFlags.Ephemeral });
    });
    await bot.login(fake.token);
    fake.rateLimitOnce('POST', /\/callback$/, 0.2);

    const sent = await fake.sendCommand('ping');
    const reply = await fake.waitForReply(sent);
    const callbacks = fake.requests.filter((r) => r.path.endsWith('/callback'));
    expect(callbacks).toHaveLength(2);
    expect(callbacks.map((r) => r.status)).toEqual([429, 204]);
    expect(reply.callback).toBe(callbacks[1]);
    expect(reply.message.flags).toBe(MessageFlags.Ephemeral);
  });

  it('rejects any other token with 401, which discord.js reports as TokenInvalid', async () => {
    await expect(newClient().login('not-the-token')).rejects.toMatchObject({ code: DiscordjsErrorCodes.TokenInvalid });
  });

  it('stores and returns registered commands per scope', async () => {
    const bot = newClient();
    await bot.login(fake.token);
    await bot.rest.put(`/applications/${fake.applicationId}/guilds/${fake.guildId}/commands`, {
      body: [{ name: 'ping', description: 'Ping' }],
    });
    expect(fake.registeredCommands(fake.guildId).map((c) => c.name)).toEqual(['ping']);
    expect(fake.registeredCommands()).toEqual([]);
  });
});
