// The one place that turns a request into a reply, shared by the bot and the console so both answer
// exactly alike.
import type { Answer } from '../answer/types.js';
import { passageFingerprint } from '../citations/fingerprint.js';
import { formatCitationRef, parseCitationRef, tidyCitation, type CitationRef } from '../citations/citation-ref.js';
import { sentenceCount, sentenceOffsets } from '../citations/quoted-sentences.js';
import { MAX_RESULTS } from '../engine/settings.js';
import type { Engine, SourceSummary } from '../engine/types.js';
import { answerReply } from './answer.js';
import { closestName } from './did-you-mean.js';
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
  /** The "question" is a message's text being checked ("Find in sources"), not a question. */
  claim?: boolean;
}

export interface ResponderOptions {
  /** 👍/👎 under every answer (when feedback is on). */
  voteButtons?: boolean;
}

export interface Responder {
  /** Throws the engine's QuestionError / UnknownSourceError (see describeError). */
  ask(request: AskRequest): Promise<{ reply: Reply; answer: Answer }>;
  sources(): Reply;
  /** Throws the engine's SourceChangedError (see describeError). */
  quote(target: ContextTarget, options?: { ephemeral?: boolean }): Promise<{ reply: Reply; found: boolean }>;
}

/** `commandBySource` gives the per-source commands as they are now (they change when the sources do). */
export function createResponder(
  engine: Engine,
  commandBySource: () => ReadonlyMap<string, string>,
  defaultCount: number,
  { voteButtons = false }: ResponderOptions = {},
): Responder {
  return {
    async ask({ question, source, count, claim = false }) {
      const answer = await engine.ask(question, { source, k: count ?? defaultCount });
      const sourceTitle = answer.source ? engine.resolveSource(answer.source)?.title : undefined;
      const coveredBy = !answer.answered && answer.source ? await sourcesCovering(engine, question) : undefined;
      const commandOf = (slug: string) => commandBySource().get(slug);
      const sourceOf = (slug: string) => engine.resolveSource(slug);
      return { answer, reply: answerReply(answer, { sourceTitle, sourceOf, coveredBy, commandOf, claim, voteButtons }) };
    },
    sources() {
      return sourcesReply(engine.listSources(), commandBySource(), engine.modelId);
    },
    async quote({ citation, quoted, fingerprint }, options = {}) {
      const ref = parseCitationRef(citation);
      const context = ref && (await engine.context(ref.passage, quoted));
      if (!context) return { found: false, reply: noticeReply(unknownCitation(engine, citation, ref)) };
      if (fingerprint !== undefined && passageFingerprint(context.passage.text) !== fingerprint) {
        // The paragraph was edited since the answer quoted it: show it as it reads now, unmarked.
        const { quoted: _stale, ...current } = context;
        return { found: true, reply: contextReply(current, { ...options, changedSinceQuoted: true }) };
      }
      if (quoted || !ref.sentences) return { found: true, reply: contextReply(context, options) };
      // A typed id that names sentences ("…:p4/s2-3") marks them, as the button marks its quote.
      const marked = sentenceOffsets(context.passage, ref.sentences);
      if (marked) return { found: true, reply: contextReply({ ...context, quoted: marked }, options) };
      const note = `This paragraph has ${sentenceCount(context.passage)} sentences, so ${formatCitationRef(ref)} marks nothing.`;
      return { found: true, reply: contextReply(context, { ...options, note }) };
    },
  };
}

/**
 * When one source does not cover a question, the sources that do (asked across all of them), best
 * first; undefined when that search fails, since the decline stands without it.
 */
async function sourcesCovering(engine: Engine, question: string): Promise<SourceSummary[] | undefined> {
  try {
    const wider = await engine.ask(question, { k: MAX_RESULTS });
    if (!wider.answered) return [];
    const slugs = [...new Set(wider.results.map((result) => result.source))];
    return slugs.flatMap((slug) => engine.resolveSource(slug) ?? []);
  } catch {
    return undefined;
  }
}

/** What to say about a citation the engine does not know: the nearest id when it looks like a slip. */
function unknownCitation(engine: Engine, typed: string, ref: CitationRef | undefined): string {
  const example = `${engine.listSources()[0]?.slug ?? 'source'}:p4/s2`;
  const form = `Citation ids look like ${example} (sentence 2 of paragraph 4); copy one from an answer.`;
  if (!ref) return `“${typed.trim()}” is not a citation id. ${form}`;
  // Within the source it names when that is right, else everywhere (the slug may be the slip).
  const source = engine.resolveSource(ref.passage.split(':')[0]!);
  const ids = engine.listPassages().flatMap((passage) => (!source || passage.source === source.slug ? [passage.id] : []));
  const near = closestName(ref.passage, ids);
  const suggestion = near === undefined ? '' : ` Did you mean ${formatCitationRef({ ...ref, passage: near })}?`;
  return `Unknown citation “${tidyCitation(typed)}”.${suggestion} ${form}`;
}
