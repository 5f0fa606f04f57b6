/**
 * "Did you mean …?" suggestions for misspelt keys and choice values. Pure module (no Node imports).
 */

/**
 * Edit distance between two strings counting insertions, deletions, substitutions and swaps of two
 * adjacent characters (optimal string alignment variant of the Damerau–Levenshtein distance).
 *
 * Why: a swapped pair (`fomr` for `form`) is one typo, not two. Never throws.
 *
 * @example
 * damerauLevenshtein('fomr', 'form') // 1
 * damerauLevenshtein('relatednes', 'relatedness') // 1
 */
export function damerauLevenshtein(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, () => new Array<number>(columns).fill(0));
  for (let i = 0; i < rows; i += 1) d[i][0] = i;
  for (let j = 0; j < columns; j += 1) d[0][j] = j;
  for (let i = 1; i < rows; i += 1) {
    for (let j = 1; j < columns; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[i - 2][j - 2] + 1);
      }
      d[i][j] = best;
    }
  }
  return d[rows - 1][columns - 1];
}

/** Compare keys ignoring case and the separators people use instead of camelCase. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

/** Singular form of an English plural key (`industries` → `industry`, `zones` → `zone`). */
function singular(text: string): string {
  if (text.endsWith('ies') && text.length > 4) return `${text.slice(0, -3)}y`;
  if (text.endsWith('s') && !text.endsWith('ss') && text.length > 3) return text.slice(0, -1);
  return text;
}

/** Shortest prefix accepted as an abbreviation (`relat` for `relatedness`). */
const MIN_PREFIX_LENGTH = 3;

/**
 * The candidate closest to a misspelt word, or null when none is close: same word ignoring case and
 * `_`/`-` (e.g. `start_year` → `startYear`); then singular for plural (`industry` → `industries`);
 * then a Damerau–Levenshtein distance of at most
 * `maxDistance` (and less than half the longer word, so short words do not match anything); then a
 * prefix match of at least 3 characters either way. Ties go to the candidate listed first.
 *
 * Why: unknown keys and invalid choices are usually typos, and naming the intended key fixes the
 * file faster than listing every valid key. Never throws.
 *
 * @example
 * suggestSimilar('relatednes', ['scale', 'relatedness', 'agglomeration']) // 'relatedness'
 * suggestSimilar('zzz', ['scale']) // null
 */
export function suggestSimilar(found: string, candidates: readonly string[], maxDistance = 2): string | null {
  const target = normalise(found);
  if (target === '') return null;
  let best: { candidate: string; score: number } | null = null;
  for (const candidate of candidates) {
    const normalised = normalise(candidate);
    if (normalised === '') continue;
    let score: number | null = null;
    if (normalised === target) {
      score = 0;
    } else if (singular(normalised) === singular(target)) {
      score = 0.5;
    } else {
      const distance = damerauLevenshtein(target, normalised);
      if (distance <= maxDistance && distance < Math.max(target.length, normalised.length) / 2) {
        score = distance;
      } else if (
        (target.length >= MIN_PREFIX_LENGTH && normalised.startsWith(target)) ||
        (normalised.length >= MIN_PREFIX_LENGTH && target.startsWith(normalised))
      ) {
        score = maxDistance + 1;
      }
    }
    if (score !== null && (best === null || score < best.score)) best = { candidate, score };
  }
  return best?.candidate ?? null;
}
