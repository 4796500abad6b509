/** Runs `fn` on consecutive slices of `rows` (for multi-row INSERTs that stay under the bind-parameter limit). */
export async function forEachChunk<T>(
  rows: readonly T[],
  size: number,
  fn: (chunk: T[]) => Promise<unknown>,
) {
  for (let i = 0; i < rows.length; i += size) {
    await fn(rows.slice(i, i + size));
  }
}
