/**
 * The tables of src/model/tableExponential.ts, computed with integer arithmetic only: 2^(i/128) for
 * i = 0 … 127 as the nearest double T_i and the rounded rest t_i. `tsx scripts/generateExponentialTable.ts`
 * prints them as the TypeScript literals pasted into the module; test/model/tableExponential.test.ts
 * calls {@link twoToTheIOver128} and compares entry by entry.
 *
 * Method: R_i = ⌊2^(i/128) · 2^160⌋ is the integer 128th root of 2^(i + 128·160), found by Newton's
 * iteration on BigInts (exact). `Number(R_i)` rounds to the nearest double (ECMAScript's
 * BigInt-to-Number conversion), and R_i's 160 fraction bits leave no doubt on which side of a
 * midpoint 2^(i/128) lies (the test re-checks each T_i against the midpoints exactly).
 */
import { fileURLToPath } from 'node:url';

const FRACTION_BITS = 160n;

/** ⌊a^(1/n)⌋ for a ≥ 1, n ≥ 2 (Newton's iteration from above, exact in BigInt). */
function integerRoot(a: bigint, n: bigint): bigint {
  let x = 1n << (BigInt(a.toString(2).length) / n + 1n); // above the root
  for (;;) {
    const next = ((n - 1n) * x + a / x ** (n - 1n)) / n;
    if (next >= x) return x;
    x = next;
  }
}

/**
 * T_i (2^(i/128) rounded to the nearest double) and t_i (2^(i/128) − T_i rounded), i = 0 … 127.
 *
 * @example twoToTheIOver128().rounded[64] // 1.4142135623730951 (√2)
 */
export function twoToTheIOver128(): { rounded: Float64Array; rest: Float64Array } {
  const rounded = new Float64Array(128);
  const rest = new Float64Array(128);
  const scale = 2 ** Number(FRACTION_BITS);
  for (let i = 0; i < 128; i++) {
    const root = integerRoot(1n << (BigInt(i) + 128n * FRACTION_BITS), 128n);
    const nearest = Number(root) / scale; // exact division by a power of two
    rounded[i] = nearest;
    const nearestScaled = BigInt(nearest * 2 ** 52) << (FRACTION_BITS - 52n); // nearest · 2^160, exactly
    rest[i] = Number(root - nearestScaled) / scale;
  }
  return { rounded, rest };
}

function literalRows(values: Float64Array): string {
  const rows: string[] = [];
  for (let i = 0; i < values.length; i += 4) rows.push(`  ${Array.from(values.subarray(i, i + 4), (v) => String(v)).join(', ')},`);
  return rows.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { rounded, rest } = twoToTheIOver128();
  console.log(`const TWO_TO_I_OVER_128 = Float64Array.of(\n${literalRows(rounded)}\n);\n`);
  console.log(`const TWO_TO_I_OVER_128_REST = Float64Array.of(\n${literalRows(rest)}\n);`);
}
