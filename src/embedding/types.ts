// Boundary type of the embedding stage: anything that turns text into unit vectors.

export interface Embedder {
  /** Identifies the model (and its settings) that made the vectors; recorded in the index manifest. */
  readonly modelId: string;
  readonly dimensions: number;
  /** Embeds passages for indexing; vectors are L2-normalised. */
  embedPassages(texts: string[]): Promise<Float32Array[]>;
  /** Embeds a search query (with the model's query instruction, if it has one); L2-normalised. */
  embedQuery(text: string): Promise<Float32Array>;
  dispose(): Promise<void>;
}
