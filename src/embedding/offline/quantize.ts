// Symmetric int8 quantisation with one scale per row: row ≈ scale × int8 values. Per-row scales keep
// the token weights (which differ by orders of magnitude between rows) exact up to rounding.

export interface QuantizedTable {
  readonly values: Int8Array;
  readonly scales: Float32Array;
}

export function quantizeRows(table: Float32Array, dim: number): QuantizedTable {
  const rows = table.length / dim;
  const values = new Int8Array(table.length);
  const scales = new Float32Array(rows);
  for (let row = 0; row < rows; row++) {
    let maxAbs = 0;
    for (let i = row * dim; i < (row + 1) * dim; i++) maxAbs = Math.max(maxAbs, Math.abs(table[i]!));
    if (maxAbs === 0) continue;
    const scale = maxAbs / 127;
    scales[row] = scale;
    for (let i = row * dim; i < (row + 1) * dim; i++) values[i] = Math.round(table[i]! / scale);
  }
  return { values, scales };
}
