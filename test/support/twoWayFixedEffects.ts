/**
 * Least squares of y on x with two sets of fixed effects in balanced blocks: within each block (for
 * example one replication and one year) the observations form a full R × C grid (zones × industries),
 * and every block has its own row effects and its own column effects (zone × year and industry × year
 * fixed effects). In a balanced grid the within transformation is exact in one pass:
 * x̃_rc = x_rc − x̄_r· − x̄_·c + x̄_·· (Baltagi 2013, ch. 3), so the slope is Σx̃ỹ / Σx̃² and its
 * classical standard error uses N − B(R + C − 1) − 1 residual degrees of freedom (B blocks).
 * Test support only.
 */
export interface FixedEffectsSlope {
  readonly slope: number;
  readonly standardError: number;
  readonly t: number;
  readonly observations: number;
}

/** One block: R × C values of y and of x, row-major. */
export interface GridBlock {
  readonly rows: number;
  readonly columns: number;
  readonly y: ArrayLike<number>;
  readonly x: ArrayLike<number>;
}

function demeanGrid(values: ArrayLike<number>, rows: number, columns: number): Float64Array {
  const rowMean = new Float64Array(rows);
  const columnMean = new Float64Array(columns);
  let grand = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const v = values[r * columns + c];
      rowMean[r] += v / columns;
      columnMean[c] += v / rows;
      grand += v / (rows * columns);
    }
  }
  const out = new Float64Array(rows * columns);
  for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) out[r * columns + c] = values[r * columns + c] - rowMean[r] - columnMean[c] + grand;
  return out;
}

/** The fixed-effects slope of y on x over the blocks (see the module comment). */
export function twoWayFixedEffectsSlope(blocks: readonly GridBlock[]): FixedEffectsSlope {
  let sxy = 0;
  let sxx = 0;
  const tilde: { x: Float64Array; y: Float64Array }[] = [];
  let observations = 0;
  let parameters = 1;
  for (const block of blocks) {
    const x = demeanGrid(block.x, block.rows, block.columns);
    const y = demeanGrid(block.y, block.rows, block.columns);
    for (let i = 0; i < x.length; i++) {
      sxy += x[i] * y[i];
      sxx += x[i] * x[i];
    }
    tilde.push({ x, y });
    observations += x.length;
    parameters += block.rows + block.columns - 1;
  }
  const slope = sxy / sxx;
  let residual = 0;
  for (const { x, y } of tilde) for (let i = 0; i < x.length; i++) residual += (y[i] - slope * x[i]) ** 2;
  const standardError = Math.sqrt(residual / (observations - parameters) / sxx);
  return { slope, standardError, t: slope / standardError, observations };
}
