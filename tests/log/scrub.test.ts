// The token's value is scrubbed from every log line and from whatever is written to a guarded
// stream, whichever key, message or error body carries it.
import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log/logger.js';
import { REDACTED, scrubStream, secretScrubber } from '../../src/log/scrub.js';

const TOKEN = 'MTA5ODc2NTQzMjEwOTg3NjU0.GhIjKl.secret-part-of-the-token';

function sink(): { stream: Writable; text: () => string } {
  let written = '';
  const stream = new Writable({ write: (chunk, _encoding, done) => ((written += String(chunk)), done()) });
  return { stream, text: () => written };
}

describe('secretScrubber', () => {
  it('replaces every occurrence, leaves other text alone, and ignores empty or tiny values', () => {
    const scrub = secretScrubber([TOKEN, undefined, '', 'abc']);
    expect(scrub(`Bot ${TOKEN} and again ${TOKEN}.`)).toBe(`Bot ${REDACTED} and again ${REDACTED}.`);
    expect(scrub('abc is not a secret')).toBe('abc is not a secret');
  });
});

describe('logger', () => {
  it('never writes the token, in the message, an error or any field', () => {
    const out = sink();
    const log = createLogger('info', out.stream, { secrets: [TOKEN] });
    const echoed = new Error(`401: Unauthorized (token ${TOKEN} was rejected)`);
    log.error({ err: echoed, body: { echoed: `Authorization: Bot ${TOKEN}` } }, `login failed with ${TOKEN}`);
    expect(out.text()).toContain('login failed with');
    expect(out.text()).not.toContain(TOKEN);
    expect(out.text()).not.toContain('secret-part');
    expect(JSON.parse(out.text())).toMatchObject({ msg: `login failed with ${REDACTED}`, err: { message: expect.stringContaining(REDACTED) } });
  });
});

describe('scrubStream', () => {
  it('scrubs strings and buffers written to the stream, reading the secret at each write', () => {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream;
    let written = '';
    (stream as unknown as PassThrough).on('data', (chunk: Buffer) => (written += chunk.toString('utf8')));
    let secret: string | undefined;
    scrubStream(stream, () => [secret]);
    stream.write(`before: ${TOKEN}\n`);
    secret = TOKEN;
    stream.write(`string: ${TOKEN}\n`);
    stream.write(Buffer.from(`buffer: ${TOKEN}\n`));
    expect(written).toBe(`before: ${TOKEN}\nstring: ${REDACTED}\nbuffer: ${REDACTED}\n`);
  });
});
