/**
 * Splits `totalMinor` into integer shares proportional to `weights`, summing to exactly
 * `totalMinor` (largest-remainder method). Ties in the remainder go to the lowest index, so
 * the result is deterministic. All-zero weights split evenly the same way.
 *
 * @throws RangeError when the total or a weight is negative, not a safe integer, or when a
 *   non-zero total has nowhere to go (no weights).
 */
export function allocateProportionally(totalMinor: number, weights: readonly number[]): number[] {
  assertMinor(totalMinor, 'totalMinor');
  for (const [index, weight] of weights.entries()) assertMinor(weight, `weights[${index}]`);
  if (weights.length === 0) {
    if (totalMinor === 0) return [];
    throw new RangeError(`cannot allocate ${totalMinor} over no weights`);
  }
  const effective = weights.every((weight) => weight === 0) ? weights.map(() => 1) : weights;
  // BigInt because total × weight can pass 2^53 for large orders, and a float would round.
  const total = BigInt(totalMinor);
  const big = effective.map(BigInt);
  const weightSum = big.reduce((sum, weight) => sum + weight, 0n);
  const shares = big.map((weight) => (total * weight) / weightSum);
  const remainders = big.map((weight) => (total * weight) % weightSum);
  let leftover = Number(total - shares.reduce((sum, share) => sum + share, 0n));
  const order = remainders
    .map((remainder, index) => ({ remainder, index }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  // leftover < number of weights, so one pass over the ranking is enough.
  for (const { index } of order) {
    if (leftover === 0) break;
    shares[index] = (shares[index] ?? 0n) + 1n;
    leftover -= 1;
  }
  return shares.map(Number);
}

/**
 * The sum of units `[fromUnit, fromUnit + count)` when `amountMinor` is spread evenly over
 * `units` units with `allocateProportionally` (the first units carry the extra cents).
 * Taking consecutive ranges in any sequence therefore sums to exactly `amountMinor`.
 *
 * @throws RangeError on negative or non-integer input, or a range outside the units.
 */
export function unitRangeMinor(amountMinor: number, units: number, fromUnit: number, count: number): number {
  assertMinor(amountMinor, 'amountMinor');
  assertMinor(units, 'units');
  assertMinor(fromUnit, 'fromUnit');
  assertMinor(count, 'count');
  if (fromUnit + count > units) {
    throw new RangeError(`units ${fromUnit}..${fromUnit + count} exceed the ${units} available`);
  }
  if (count === 0) return 0;
  // Closed form of allocateProportionally(amountMinor, units × [1]): the same numbers without
  // building an array as long as the quantity.
  const base = Math.floor(amountMinor / units);
  const withExtraCent = amountMinor - base * units;
  const extraInRange = Math.max(
    0,
    Math.min(fromUnit + count, withExtraCent) - Math.min(fromUnit, withExtraCent),
  );
  return base * count + extraInRange;
}

/** @throws RangeError unless `value` is a non-negative safe integer. */
export function assertMinor(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  }
}
