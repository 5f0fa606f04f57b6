/**
 * Smaller SVG files for the same picture: Skia's SVG canvas writes every circle chart.js draws (points,
 * whisker ends, the maps' bubbles) as a path of 16–30 quadratic curves — 3–4 kB each, drawn twice
 * (fill, then outline) — and straight lines as absolute `L` segments with trailing zeros. Rewritten:
 * - a closed path of quadratic curves whose end points all lie on one circle (within the 0.01 px the
 *   coordinates are written to, plus 1 % of the radius) becomes `<circle cx cy r>` with the same
 *   attributes — a true circle, which the curves only approximated;
 * - `L` to a point with the same x (or y) becomes `V` (or `H`), and numbers lose trailing zeros
 *   (`49.20` → `49.2`) — the same coordinates, written shorter;
 * - empty `<text>` elements (no characters, no positions) are dropped.
 * Everything else — text, colours, clip paths, the order of elements — is left as drawn. The key
 * charts of the bundled run take about half the space (5.7 → ~3 MB).
 */

/** A number of an SVG attribute without trailing zeros (`49.20` → `49.2`, `1.00` → `1`). */
function shortNumber(text: string): string {
  if (!text.includes('.')) return text;
  const trimmed = text.replace(/0+$/, '').replace(/\.$/, '');
  return trimmed === '' || trimmed === '-' || trimmed === '-0' ? '0' : trimmed;
}

/** A coordinate written with at most 2 decimals, without trailing zeros. */
function coordinate(value: number): string {
  return shortNumber(value.toFixed(2));
}

const NUMBER = String.raw`-?\d+(?:\.\d+)?`;
const QUAD_CIRCLE_PATH = new RegExp(String.raw`^M${NUMBER} ${NUMBER}(?:Q${NUMBER} ${NUMBER} ${NUMBER} ${NUMBER})+Z?$`);

/**
 * The circle a path of quadratic curves draws, or null when it draws something else: at least 8
 * curves, closed, every end point within 0.01 px + 1 % of the radius of the centre of their bounding
 * box, and the box as wide as it is high (not an ellipse or an arc).
 *
 * @example pathCircle('M10 0Q…Z') // { cx: 0, cy: 0, r: 10 } for the curves of a circle of radius 10 at the origin
 */
export function pathCircle(d: string): { cx: number; cy: number; r: number } | null {
  if (!QUAD_CIRCLE_PATH.test(d)) return null;
  const numbers = d.match(/-?\d+(?:\.\d+)?/g)?.map(Number) ?? [];
  const points: [number, number][] = [[numbers[0], numbers[1]]];
  for (let i = 2; i + 3 < numbers.length; i += 4) points.push([numbers[i + 2], numbers[i + 3]]);
  if (points.length < 9) return null;
  const [x0, y0] = points[0];
  const [xn, yn] = points[points.length - 1];
  if (Math.abs(x0 - xn) > 0.011 || Math.abs(y0 - yn) > 0.011) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const width = Math.max(...xs) - Math.min(...xs);
  const height = Math.max(...ys) - Math.min(...ys);
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  const r = (width + height) / 4;
  const tolerance = 0.011 + 0.01 * r;
  if (r <= 0 || Math.abs(width - height) > 2 * tolerance) return null;
  for (const [x, y] of points) if (Math.abs(Math.hypot(x - cx, y - cy) - r) > tolerance) return null;
  return { cx, cy, r };
}

/**
 * Path data with `L` segments along an axis written as `H` / `V` and numbers without trailing zeros;
 * path data with other commands than M, L and Z (curves) is only stripped of trailing zeros.
 *
 * @example compactPathData('M632.23 49.20L632.23 53.20L631.23 53.20L631.23 49.20') // 'M632.23 49.2V53.2H631.23V49.2'
 */
export function compactPathData(d: string): string {
  if (!/^[MLZ\d. -]*$/.test(d)) return d.replace(/-?\d+\.\d+/g, shortNumber);
  const tokens = d.match(/[MLZ]|-?\d+(?:\.\d+)?/g) ?? [];
  let out = '';
  let x: string | null = null;
  let y: string | null = null;
  let start: [string, string] | null = null;
  for (let i = 0; i < tokens.length; ) {
    const command = tokens[i];
    if (command === 'Z') {
      out += 'Z';
      // Z returns to the start of the subpath.
      [x, y] = start ?? [null, null];
      i++;
      continue;
    }
    const nx = tokens[i + 1];
    const ny = tokens[i + 2];
    if ((command !== 'M' && command !== 'L') || nx === undefined || ny === undefined || /[MLZ]/.test(nx + ny)) return d.replace(/-?\d+\.\d+/g, shortNumber);
    // Equal texts are equal coordinates (Skia writes each with the same 2 decimals).
    if (command === 'L' && nx === x) out += `V${shortNumber(ny)}`;
    else if (command === 'L' && ny === y) out += `H${shortNumber(nx)}`;
    else out += `${command}${shortNumber(nx)} ${shortNumber(ny)}`;
    if (command === 'M') start = [nx, ny];
    x = nx;
    y = ny;
    i += 3;
  }
  return out;
}

/**
 * The SVG document drawn smaller (see the module comment): circles from their curves, shorter path
 * data, no empty text elements.
 */
export function compactSvg(svg: string): string {
  return svg
    .replace(/<path ((?:[a-z-]+="[^"]*" )*)d="([^"]*)"\/>/g, (whole, attributes: string, d: string) => {
      const circle = pathCircle(d);
      if (circle !== null) return `<circle ${attributes}cx="${coordinate(circle.cx)}" cy="${coordinate(circle.cy)}" r="${coordinate(circle.r)}"/>`;
      const compact = compactPathData(d);
      return compact === d ? whole : `<path ${attributes}d="${compact}"/>`;
    })
    .replace(/<text[^>]*x="" y=""><\/text>/g, '');
}
