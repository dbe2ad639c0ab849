/**
 * Takes `count` unbiased values below `size` from the bytes, skipping those at or above
 * the largest multiple of `size` that fits in a byte (rejection sampling: `byte % size`
 * alone would make the low values more likely). Throws when the bytes run out: a shorter
 * or biased identifier would be worse than a failed request.
 */
export function pickUniform(randomBytes: Uint8Array, count: number, size: number): number[] {
  const limit = 256 - (256 % size);
  const picked: number[] = [];
  for (const byte of randomBytes) {
    if (picked.length === count) break;
    if (byte < limit) picked.push(byte % size);
  }
  if (picked.length < count) {
    throw new RangeError(
      `not enough random bytes: ${randomBytes.length} gave ${picked.length} of ${count} values`,
    );
  }
  return picked;
}
