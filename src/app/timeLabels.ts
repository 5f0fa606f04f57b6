/**
 * Calendar labels for simulated time. The model records states at calendar time
 * startYear + step / stepsPerYear; the state at 2031.0 is the state at the end of December 2030.
 * Pure module.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The month whose end a calendar time marks: `Jan 2009` for the start, else the last completed month.
 *
 * @param startYear calendar year of step 0 (a run starts in January).
 * @param year calendar time (startYear + elapsed years).
 * @example monthLabel(2009, 2009) // 'Jan 2009'
 * @example monthLabel(2009, 2031) // 'Dec 2030'
 * @example monthLabel(2009, 2015.5) // 'Jun 2015'
 */
export function monthLabel(startYear: number, year: number): string {
  const completedMonths = Math.round((year - startYear) * 12);
  if (completedMonths <= 0) return `${MONTHS[0]} ${startYear}`;
  const index = completedMonths - 1;
  return `${MONTHS[index % 12]} ${startYear + Math.floor(index / 12)}`;
}
