// The Hugging Face files transformers.js reads next to the ONNX graph: config.json, tokenizer.json
// (normaliser, pre-tokeniser, WordPiece model, post-processor, decoder) and tokenizer_config.json.
import { CLS_TOKEN, MASK_TOKEN, PAD_TOKEN, SEP_TOKEN, SPECIAL_TOKENS, UNK_TOKEN } from './vocabulary.js';
import type { Vocabulary } from './vocabulary.js';
import { CONTINUATION_PREFIX } from './subword-pieces.js';
import type { OutputShape } from './onnx-graph.js';

export type OfflineVariant = 'wordnet-retrofit' | 'plain';

/** Longest input in tokens; a bag of words has no position limit, this only bounds memory per batch. */
export const MAX_INPUT_TOKENS = 4096;

export interface OfflineModelConfig {
  readonly model_type: 'bert';
  readonly architectures: string[];
  readonly hidden_size: number;
  readonly vocab_size: number;
  readonly max_position_embeddings: number;
  readonly pad_token_id: number;
  readonly offline_generator_version: number;
  readonly offline_variant: OfflineVariant;
  readonly offline_output: OutputShape;
}

export function modelConfig(vocabulary: Vocabulary, dim: number, generatorVersion: number, variant: OfflineVariant, output: OutputShape): OfflineModelConfig {
  return {
    model_type: 'bert',
    architectures: ['BertModel'],
    hidden_size: dim,
    vocab_size: vocabulary.tokens.length,
    max_position_embeddings: MAX_INPUT_TOKENS,
    pad_token_id: vocabulary.ids.get(PAD_TOKEN)!,
    offline_generator_version: generatorVersion,
    offline_variant: variant,
    offline_output: output,
  };
}

/** Typographic variants that should read as their ASCII forms; acronym dots go so "U.S." reads "us". */
const REPLACEMENTS: ReadonlyArray<readonly [string, string]> = [
  ['[\u2018\u2019\u201A\u201B\u2032\u00B4`]', "'"],
  ['[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]', '"'],
  ['[\u2010-\u2015\u2212]', '-'],
  ['(?<=(?<!\\p{L})\\p{L})\\.(?=\\p{L}\\.)', ''],
];

function specialToken(token: string, vocabulary: Vocabulary): { id: string; ids: number[]; tokens: string[] } {
  return { id: token, ids: [vocabulary.ids.get(token)!], tokens: [token] };
}

export function tokenizerJson(vocabulary: Vocabulary): object {
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((token) => ({
      id: vocabulary.ids.get(token)!,
      content: token,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: {
      type: 'Sequence',
      normalizers: [
        ...REPLACEMENTS.map(([pattern, content]) => ({ type: 'Replace', pattern: { Regex: pattern }, content })),
        { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
      ],
    },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: CLS_TOKEN, type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: SEP_TOKEN, type_id: 0 } }],
      pair: [
        { SpecialToken: { id: CLS_TOKEN, type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: SEP_TOKEN, type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: SEP_TOKEN, type_id: 1 } },
      ],
      special_tokens: { [CLS_TOKEN]: specialToken(CLS_TOKEN, vocabulary), [SEP_TOKEN]: specialToken(SEP_TOKEN, vocabulary) },
    },
    decoder: { type: 'WordPiece', prefix: CONTINUATION_PREFIX, cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: UNK_TOKEN,
      continuing_subword_prefix: CONTINUATION_PREFIX,
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocabulary.tokens.map((token, id) => [token, id])),
    },
  };
}

export function tokenizerConfig(): object {
  return {
    tokenizer_class: 'BertTokenizer',
    model_max_length: MAX_INPUT_TOKENS,
    do_lower_case: true,
    clean_up_tokenization_spaces: true,
    pad_token: PAD_TOKEN,
    unk_token: UNK_TOKEN,
    cls_token: CLS_TOKEN,
    sep_token: SEP_TOKEN,
    mask_token: MASK_TOKEN,
  };
}
