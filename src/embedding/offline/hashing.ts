// Deterministic pseudo-randomness: every vector in the offline model is derived from a string,
// so two generations produce byte-identical files on any machine.

/** FNV-1a (32 bit) of a string's UTF-16 code units, mixed with `seed`. */
export function hashString(text: string, seed = 0): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Fills target[offset .. offset+length) with uniform values in [-1, 1) from a mulberry32 stream. */
export function fillRandom(target: Float32Array, offset: number, length: number, seed: number): void {
  let state = seed >>> 0;
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    const unit = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    target[offset + i] = unit * 2 - 1;
  }
}
