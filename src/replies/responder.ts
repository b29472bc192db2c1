// The one place that turns a request into a reply, shared by the bot and the console so both answer
// exactly alike.
import type { Answer } from '../answer/types.js';
import { passageFingerprint } from '../citations/fingerprint.js';
import type { Engine } from '../engine/types.js';
import { answerReply } from './answer.js';
import { contextReply } from './context.js';
import type { ContextTarget } from './custom-id.js';
import { noticeReply } from './error.js';
import type { Reply } from './reply.js';
import { sourcesReply } from './sources.js';

export interface AskRequest {
  question: string;
  /** Slug, command or file name of one source; all sources when absent. */
  source?: string;
  /** Excerpts wanted (1–5); the configured default when absent. */
  count?: number;
}

export interface Responder {
  /** Throws the engine's QuestionError / UnknownSourceError (see describeError). */
  ask(request: AskRequest): Promise<{ reply: Reply; answer: Answer }>;
  sources(): Reply;
  /** Throws the engine's SourceChangedError (see describeError). */
  quote(target: ContextTarget, options?: { ephemeral?: boolean }): Promise<{ reply: Reply; found: boolean }>;
}

/** `commandBySource` gives the per-source commands as they are now (they change when the sources do). */
export function createResponder(engine: Engine, commandBySource: () => ReadonlyMap<string, string>, defaultCount: number): Responder {
  return {
    async ask({ question, source, count }) {
      const answer = await engine.ask(question, { source, k: count ?? defaultCount });
      const sourceTitle = answer.source ? engine.resolveSource(answer.source)?.title : undefined;
      return { answer, reply: answerReply(answer, { modelId: engine.modelId, sourceTitle }) };
    },
    sources() {
      return sourcesReply(engine.listSources(), commandBySource(), engine.modelId);
    },
    async quote({ citation, quoted, fingerprint }, options = {}) {
      const context = await engine.context(citation, quoted);
      if (context && fingerprint !== undefined && passageFingerprint(context.passage.text) !== fingerprint) {
        // The paragraph was edited since the answer quoted it: show it as it reads now, unmarked.
        const { quoted: _stale, ...current } = context;
        return { found: true, reply: contextReply(current, { ...options, changedSinceQuoted: true }) };
      }
      if (context) return { found: true, reply: contextReply(context, options) };
      const example = engine.listSources()[0]?.slug ?? 'source';
      return {
        found: false,
        reply: noticeReply(`Unknown citation "${citation}". Citation ids look like ${example}:p1; copy one from an answer.`),
      };
    },
  };
}
