// Row operations on a flat [rows, dim] Float32Array matrix.

export function normalizeRow(matrix: Float32Array, row: number, dim: number): void {
  const start = row * dim;
  let sum = 0;
  for (let i = start; i < start + dim; i++) sum += matrix[i]! * matrix[i]!;
  if (sum === 0) return;
  const scale = 1 / Math.sqrt(sum);
  for (let i = start; i < start + dim; i++) matrix[i] = matrix[i]! * scale;
}

/** target[targetRow] += factor * source[sourceRow] */
export function addScaledRow(
  target: Float32Array,
  targetRow: number,
  source: Float32Array,
  sourceRow: number,
  factor: number,
  dim: number,
): void {
  const t = targetRow * dim;
  const s = sourceRow * dim;
  for (let i = 0; i < dim; i++) target[t + i] = target[t + i]! + factor * source[s + i]!;
}

export function scaleRow(matrix: Float32Array, row: number, factor: number, dim: number): void {
  const start = row * dim;
  for (let i = start; i < start + dim; i++) matrix[i] = matrix[i]! * factor;
}
