/**
 * Colours of the report's charts, chosen for readers with colour-vision deficiencies.
 *
 * Scenarios: 21 distinct colours — the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal
 * Design") without its yellow, which is too light for lines on white, then Paul Tol's "muted" scheme
 * without its sand, then five darker tones — so the 19 bundled scenarios never share a colour (in a
 * swatch or an end-state bar, where no dash shows). Past 21 the colours repeat with a dashed and
 * then a dotted line. A scenario's style depends only on its position in `ReportInput.scenarios`
 * (the run's order), so a scenario has one style in every chart, table and swatch of a report.
 *
 * Directions of paired differences: blue for increase, purple for decrease — neither reads as good
 * or bad, as green and red do (a fall in pollution is not "red") — grey for unsettled.
 * Industries on the maps: Paul Tol's "muted" qualitative scheme, grey for the rest.
 */

/** Scenario colours in the order scenarios receive them (black first: usually the baseline). */
export const SCENARIO_COLOURS: readonly string[] = [
  '#000000', // Okabe–Ito black
  '#E69F00', // orange
  '#56B4E9', // sky blue
  '#009E73', // bluish green
  '#0072B2', // blue
  '#D55E00', // vermillion
  '#CC79A7', // reddish purple
  '#332288', // Tol muted indigo
  '#88CCEE', // cyan
  '#44AA99', // teal
  '#117733', // green
  '#999933', // olive
  '#CC6677', // rose
  '#882255', // wine
  '#AA4499', // purple
  '#777777', // grey
  '#8C510A', // brown
  '#01665E', // dark teal
  '#762A83', // dark purple
  '#B2182B', // dark red
  '#5AAE61', // mid green
];

/** Line dash patterns (chart.js `borderDash`) used for the first, second and third colour cycle. */
export const SCENARIO_DASHES: readonly (readonly number[])[] = [[], [8, 4], [2, 3]];

/** How one scenario is drawn in every chart. */
export interface ScenarioStyle {
  readonly colour: string;
  readonly dash: readonly number[];
}

/** Style of the scenario at `index` in the report's scenario list. */
export function scenarioStyle(index: number): ScenarioStyle {
  const n = SCENARIO_COLOURS.length;
  const cycle = Math.floor(index / n) % SCENARIO_DASHES.length;
  return { colour: SCENARIO_COLOURS[index % n], dash: SCENARIO_DASHES[cycle] };
}

/** Colours of the direction of a paired difference (forest plots, summary): neutral, not good/bad. */
export const DIRECTION_COLOURS = {
  increase: '#0072B2',
  decrease: '#7B3294',
  unsettled: '#888888',
  'no-difference': '#888888',
  'no-effect-that-matters': '#555555',
} as const;

/** Paul Tol's muted scheme, for the leading industries on the zone maps. */
export const INDUSTRY_COLOURS: readonly string[] = [
  '#332288', // indigo
  '#88CCEE', // cyan
  '#44AA99', // teal
  '#117733', // green
  '#999933', // olive
  '#DDCC77', // sand
  '#CC6677', // rose
  '#882255', // wine
  '#AA4499', // purple
];

/** Colour of industries beyond the palette, and of empty zones' outlines. */
export const OTHER_INDUSTRY_COLOUR = '#BBBBBB';

/** `#RRGGBB` with an alpha in [0, 1] as a CSS `rgba(…)` string. */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (m === null) throw new Error(`withAlpha needs a #RRGGBB colour, got ${hex}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((h) => parseInt(h, 16));
  return `rgba(${r}, ${g}, ${b}, ${alpha})`;
}

/**
 * Vermillion, the highlight of the experiment and calibration charts (cases of interest, held-out
 * targets, a restricted factor) — not a direction of change.
 */
export const HIGHLIGHT_COLOUR = '#D55E00';
