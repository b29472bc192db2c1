// A local stand-in for Discord (REST + gateway on 127.0.0.1) so a real discord.js Client can be
// driven end to end without the network. It records every request for tests to assert on, can
// answer one route with a 429 once, and rejects any token but the one it was started with.
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  autocompleteInteraction,
  buttonInteraction,
  commandInteraction,
  messageCommandInteraction,
  type CommandOption,
  type FakeUser,
  type InteractionContext,
  type InteractionPayload,
} from './interactions.js';
import { snowflake } from './snowflake.js';

export interface RecordedRequest {
  seq: number;
  /** performance.now() when the request arrived (same clock as the test process). */
  at: number;
  method: string;
  /** Decoded path after /api/v10, e.g. "/webhooks/1/tok/messages/@original". */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** The status the fake answered with. */
  status: number;
}

export interface SentInteraction {
  id: string;
  token: string;
  payload: InteractionPayload;
}

export interface InteractionReply {
  /** The interaction callback (type 4 reply, 5 defer, 6/7 component, 8 autocomplete). */
  callback: RecordedRequest;
  /** The message the user finally sees: the callback data, or the edit after a deferral. */
  message: Record<string, unknown>;
  /** After a deferral: the edit of @original, or the follow-up that replaced it (errors are sent that way). */
  edit?: RecordedRequest;
}

interface RateLimitRule {
  method: string;
  path: RegExp;
  retryAfterSeconds: number;
}

interface ErrorRule {
  method: string;
  path: RegExp;
  status: number;
  body: unknown;
}

interface Waiter {
  match: (request: RecordedRequest) => boolean;
  resolve: (request: RecordedRequest) => void;
}

const API_PREFIX = '/api/v10';
const DEFAULT_USER: FakeUser = { id: '100000000000000001', username: 'tester' };

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** Gateway payloads received from the client (IDENTIFY, heartbeats). */
  readonly gatewayReceived: { op: number; d: unknown }[] = [];
  /** The shard ([id, count]) each interaction was sent to, by interaction id; absent for unsharded sessions. */
  readonly deliveredTo = new Map<string, [number, number]>();
  readonly applicationId = snowflake();
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly botUserId = snowflake();

  private readonly rateLimits: RateLimitRule[] = [];
  private readonly errors: ErrorRule[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly commands = new Map<string, Record<string, unknown>[]>();
  private readonly originals = new Map<string, Record<string, unknown>>();
  private readonly sockets = new Set<WebSocket>();
  /** The [shard_id, num_shards] each gateway session identified with. */
  private readonly shardOf = new Map<WebSocket, [number, number]>();
  private sequence = 0;
  private gatewaySeq = 0;

  private constructor(
    private readonly server: Server,
    private readonly gateway: WebSocketServer,
    /** The only token accepted; anything else gets 401. */
    readonly token: string,
    /** The shard count GET /gateway/bot recommends. */
    readonly recommendedShards: number,
  ) {}

  static async start(options: { token?: string; shards?: number } = {}): Promise<FakeDiscord> {
    const server = createServer();
    const gateway = new WebSocketServer({ server });
    const fake = new FakeDiscord(server, gateway, options.token ?? 'fake-bot-token', options.shards ?? 1);
    server.on('request', (req, res) => void fake.handleHttp(req, res));
    gateway.on('connection', (socket) => fake.handleSocket(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** What to pass as the REST `api` option (discord.js appends /v10). */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Answers the next request matching method and path with 429 and Retry-After, then behaves normally. */
  rateLimitOnce(method: string, path: RegExp, retryAfterSeconds: number): void {
    this.rateLimits.push({ method: method.toUpperCase(), path, retryAfterSeconds });
  }

  /** Answers the next request matching method and path with this error status and body, then behaves normally. */
  failOnce(method: string, path: RegExp, status: number, body: unknown): void {
    this.errors.push({ method: method.toUpperCase(), path, status, body });
  }

  /** What a server admin deleting a command in Discord's UI does. */
  deleteCommand(name: string, guildId?: string): void {
    const scope = guildId ?? 'global';
    this.commands.set(scope, this.registeredCommands(guildId).filter((command) => command.name !== name));
  }

  registeredCommands(guildId?: string): Record<string, unknown>[] {
    return this.commands.get(guildId ?? 'global') ?? [];
  }

  async sendCommand(name: string, options: CommandOption[] = [], user: FakeUser = DEFAULT_USER, guildId = this.guildId): Promise<SentInteraction> {
    return this.sendInteraction(commandInteraction(this.context(user, guildId), name, options));
  }

  /** The shards ([id, count]) of the gateway sessions now connected. */
  connectedShards(): [number, number][] {
    return [...this.shardOf.values()];
  }

  async sendAutocomplete(name: string, options: CommandOption[], user: FakeUser = DEFAULT_USER): Promise<SentInteraction> {
    return this.sendInteraction(autocompleteInteraction(this.context(user), name, options));
  }

  /** Right-click `target` → Apps → the message command `name`. */
  async sendMessageCommand(name: string, target: Record<string, unknown> & { id: string }, user: FakeUser = DEFAULT_USER): Promise<SentInteraction> {
    return this.sendInteraction(messageCommandInteraction(this.context(user), name, target));
  }

  /** A message someone posted in the channel, as Discord would resolve it for a message command. */
  userMessage(content: string, author: FakeUser = { id: '300000000000000001', username: 'someone' }, embeds: unknown[] = []): Record<string, unknown> & { id: string } {
    const message = this.message({
      type: 0,
      content,
      embeds,
      author: { id: author.id, username: author.username, discriminator: '0', global_name: author.username, avatar: null },
    });
    delete message.application_id;
    delete message.webhook_id;
    return message as Record<string, unknown> & { id: string };
  }

  async clickButton(customId: string, message: Record<string, unknown>, user: FakeUser = DEFAULT_USER): Promise<SentInteraction> {
    return this.sendInteraction(buttonInteraction(this.context(user), customId, message));
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitForRequest(match: (request: RecordedRequest) => boolean, timeoutMs = 60_000): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        reject(new Error(`fake Discord: no matching request within ${timeoutMs} ms`));
      }, timeoutMs);
      const waiter: Waiter = {
        match,
        resolve: (request) => {
          clearTimeout(timer);
          resolve(request);
        },
      };
      this.waiters.push(waiter);
    });
  }

  /** Waits for the interaction's accepted callback and, after a deferral, for the edit that completes it. */
  async waitForReply(interaction: SentInteraction): Promise<InteractionReply> {
    const callback = await this.waitForRequest(
      (r) => r.status < 300 && r.method === 'POST' && r.path === `/interactions/${interaction.id}/${interaction.token}/callback`,
    );
    const body = callback.body as { type: number; data?: Record<string, unknown> };
    if (body.type !== 5) return { callback, message: body.data ?? {} };
    const webhook = `/webhooks/${this.applicationId}/${interaction.token}`;
    const edit = await this.waitForRequest(
      (r) =>
        r.status < 300 &&
        ((r.method === 'PATCH' && r.path === `${webhook}/messages/@original`) || (r.method === 'POST' && r.path === webhook)),
    );
    return { callback, edit, message: edit.body as Record<string, unknown> };
  }

  /** The message object Discord would hold for an interaction's original reply (for button clicks). */
  originalMessage(interaction: SentInteraction): Record<string, unknown> | undefined {
    return this.originals.get(interaction.token);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    await new Promise<void>((resolve) => this.gateway.close(() => resolve()));
    // Idle keep-alive sockets from undici would otherwise hold the server (and vitest) open.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private context(user: FakeUser, guildId = this.guildId): InteractionContext {
    return { applicationId: this.applicationId, guildId, channelId: this.channelId, user };
  }

  private async sendInteraction(payload: InteractionPayload): Promise<SentInteraction> {
    if (this.sockets.size === 0) throw new Error('fake Discord: no gateway client connected');
    this.dispatch('INTERACTION_CREATE', payload, payload.guild_id);
    return { id: payload.id, token: payload.token, payload };
  }

  /** Sends an event to every session, or, for a guild's event, to the session of the guild's shard as Discord does. */
  private dispatch(event: string, data: { id?: string }, guildId?: string): void {
    const frame = JSON.stringify({ op: 0, t: event, s: ++this.gatewaySeq, d: data });
    for (const socket of this.sockets) {
      const shard = this.shardOf.get(socket);
      if (guildId !== undefined && shard && Number((BigInt(guildId) >> 22n) % BigInt(shard[1])) !== shard[0]) continue;
      if (shard && data.id) this.deliveredTo.set(data.id, shard);
      socket.send(frame);
    }
  }

  // --- REST ----------------------------------------------------------------------------------

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readBody(req);
    const path = decodeURIComponent(url.pathname).replace(API_PREFIX, '');
    const request: RecordedRequest = {
      seq: ++this.sequence,
      at: performance.now(),
      method: req.method ?? 'GET',
      path,
      query: url.searchParams,
      headers: req.headers,
      body: raw.length > 0 && req.headers['content-type']?.includes('json') ? JSON.parse(raw) : raw || undefined,
      status: 0,
    };
    this.requests.push(request);

    const limit = this.rateLimits.findIndex((rule) => rule.method === request.method && rule.path.test(path));
    const failure = this.errors.findIndex((rule) => rule.method === request.method && rule.path.test(path));
    if (failure >= 0) {
      const [rule] = this.errors.splice(failure, 1);
      request.status = rule!.status;
      send(res, rule!.status, rule!.body);
    } else if (limit >= 0) {
      const [rule] = this.rateLimits.splice(limit, 1);
      request.status = 429;
      send(res, 429, { message: 'You are being rate limited.', retry_after: rule!.retryAfterSeconds, global: false }, {
        'retry-after': String(rule!.retryAfterSeconds),
        'x-ratelimit-scope': 'user',
      });
    } else {
      const [status, payload] = this.route(request);
      request.status = status;
      send(res, status, payload);
    }
    this.notifyWaiters(request);
  }

  private notifyWaiters(request: RecordedRequest): void {
    for (const waiter of [...this.waiters]) {
      if (waiter.match(request)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(request);
      }
    }
  }

  private route(request: RecordedRequest): [number, unknown] {
    const { method, path } = request;
    const webhook = /^\/webhooks\/(\d+)\/([^/]+)(\/messages\/@original)?$/.exec(path);
    if (webhook) return this.routeWebhook(method, webhook[2]!, Boolean(webhook[3]), request.body);
    const callback = /^\/interactions\/\d+\/([^/]+)\/callback$/.exec(path);
    if (callback) {
      const { type, data } = request.body as { type: number; data?: Record<string, unknown> };
      // A reply (4) or a deferral (5) creates the interaction's original message, as on Discord.
      if (type === 4 || type === 5) this.originals.set(callback[1]!, this.message(data ?? {}));
      return request.query.get('with_response') === 'true' ? [200, { interaction: {}, resource: request.body }] : [204, undefined];
    }

    // Everything else needs the bot token.
    if (request.headers.authorization !== `Bot ${this.token}`) return [401, { message: '401: Unauthorized', code: 0 }];
    if (method === 'GET' && path === '/gateway/bot') {
      return [
        200,
        {
          url: `ws://127.0.0.1:${this.port}`,
          shards: this.recommendedShards,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
        },
      ];
    }
    if (method === 'GET' && path === '/applications/@me') return [200, this.application()];
    const commands = /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/.exec(path);
    if (commands) {
      if (commands[1] !== this.applicationId) return [404, { message: 'Unknown Application', code: 10002 }];
      const scope = commands[2] ?? 'global';
      if (method === 'PUT') this.commands.set(scope, this.storeCommands(request.body as Record<string, unknown>[], commands[2]));
      if (method === 'PUT' || method === 'GET') return [200, this.commands.get(scope) ?? []];
    }
    return [404, { message: '404: Not Found', code: 0 }];
  }

  private routeWebhook(method: string, token: string, original: boolean, body: unknown): [number, unknown] {
    if (original && method === 'PATCH') {
      const previous = this.originals.get(token);
      const message = this.message(body as Record<string, unknown>, previous?.id as string | undefined);
      this.originals.set(token, message);
      return [200, message];
    }
    if (original && method === 'DELETE') return this.originals.delete(token) ? [204, undefined] : [404, { message: 'Unknown Message', code: 10008 }];
    if (original && method === 'GET') {
      const message = this.originals.get(token);
      return message ? [200, message] : [404, { message: 'Unknown Message', code: 10008 }];
    }
    if (!original && method === 'POST') return [200, this.message(body as Record<string, unknown>)];
    return [404, { message: '404: Not Found', code: 0 }];
  }

  private storeCommands(body: Record<string, unknown>[], guildId: string | undefined): Record<string, unknown>[] {
    return body.map((command) => ({
      ...command,
      id: snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      ...(guildId ? { guild_id: guildId } : {}),
    }));
  }

  private application() {
    return { id: this.applicationId, name: 'fake-app', description: '', flags: 0, bot_public: true, bot_require_code_grant: false, verify_key: '0' };
  }

  private message(body: Record<string, unknown>, id = snowflake()): Record<string, unknown> {
    return {
      id,
      type: 20,
      channel_id: this.channelId,
      application_id: this.applicationId,
      webhook_id: this.applicationId,
      author: { id: this.botUserId, username: 'fake-bot', discriminator: '0000', avatar: null, bot: true },
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      flags: 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      ...body,
    };
  }

  // --- Gateway -------------------------------------------------------------------------------

  private handleSocket(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      this.shardOf.delete(socket);
    });
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    socket.on('message', (data) => {
      const payload = JSON.parse(String(data)) as { op: number; d: unknown };
      this.gatewayReceived.push(payload);
      if (payload.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (payload.op === 2) this.identify(socket, payload.d as { token: string; shard?: [number, number] });
    });
  }

  private identify(socket: WebSocket, identify: { token: string; shard?: [number, number] }): void {
    if (identify.token !== this.token) {
      socket.close(4004, 'Authentication failed.');
      return;
    }
    const shard = identify.shard;
    if (shard && shard[1] > 1) {
      if (!(shard[0] >= 0 && shard[0] < shard[1])) {
        socket.close(4010, 'Invalid shard.');
        return;
      }
      this.shardOf.set(socket, shard);
    }
    const ready = {
      v: 10,
      user: { id: this.botUserId, username: 'fake-bot', discriminator: '0000', avatar: null, bot: true, flags: 0 },
      guilds: [],
      session_id: `fake-session-${snowflake()}`,
      resume_gateway_url: `ws://127.0.0.1:${this.port}`,
      application: { id: this.applicationId, flags: 0 },
      ...(shard ? { shard } : {}),
    };
    socket.send(JSON.stringify({ op: 0, t: 'READY', s: ++this.gatewaySeq, d: ready }));
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  if (payload === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
}
