// Sub-word pieces for WordPiece: word-initial prefixes ("inter") and "##" continuations ("##ation", "##nk").
// Chosen by how many distinct words contain them, so an unknown word ("marvienko") splits into a few
// frequent pieces instead of becoming [UNK].

export const CONTINUATION_PREFIX = '##';

export interface PieceCounts {
  /** Number of distinct words containing the piece (at the start, or after it for "##" pieces). */
  words: number;
  /** Summed corpus count of those words, for the piece's weight. */
  corpus: number;
}

/** Piece token (continuations carry "##") → counts. */
export type PieceStatistics = ReadonlyMap<string, PieceCounts>;

const MAX_PIECE_LENGTH = 5;

export function countPieces(words: ReadonlyMap<string, number>): PieceStatistics {
  const stats = new Map<string, PieceCounts>();
  for (const [word, count] of words) {
    for (let start = 0; start < word.length; start++) {
      const longest = Math.min(MAX_PIECE_LENGTH, word.length - start);
      for (let length = 1; length <= longest; length++) {
        const piece = word.slice(start, start + length);
        const token = start === 0 ? piece : CONTINUATION_PREFIX + piece;
        const counts = stats.get(token);
        if (counts) {
          counts.words += 1;
          counts.corpus += count;
        } else {
          stats.set(token, { words: 1, corpus: count });
        }
      }
    }
  }
  return stats;
}

/** The `limit` pieces (of 2+ characters) found in most words, most frequent first; ties by token. */
export function selectPieces(stats: PieceStatistics, initial: boolean, limit: number, exclude: ReadonlySet<string>): string[] {
  const chosen: Array<[string, number]> = [];
  for (const [token, { words }] of stats) {
    const isContinuation = token.startsWith(CONTINUATION_PREFIX);
    const length = isContinuation ? token.length - CONTINUATION_PREFIX.length : token.length;
    if (isContinuation === initial || length < 2 || exclude.has(token)) continue;
    chosen.push([token, words]);
  }
  chosen.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return chosen.slice(0, limit).map(([token]) => token);
}
