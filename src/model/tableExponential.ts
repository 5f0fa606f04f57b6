import { exp, log, pow, POWER_OF_TWO_OFFSET, POWERS_OF_TWO } from './deterministicMath.ts';

/**
 * A table-driven e^x (Tang 1989), bit-identical in every engine and faster than fdlibm's (10.4 against
 * 25.9 ns per call in a loop summing e^x over 65,536 arguments in [−4, 4], Node 20, this project's
 * machine; a Henan replication about 12 % less CPU), and the switch `numerics.exponential` between
 * it and fdlibm's exp (deterministicMath.ts).
 *
 * Why: a Henan replication evaluates millions of exponentials, most of them the cached choice
 * weights exp(v / s) of every (zone, industry) cell it refreshes (zoneAttractiveness.ts) and the
 * annual productivity factors (firmDynamics.ts). fdlibm's e_exp.c reduces x by multiples of ln 2 and
 * then needs a division; here x is reduced by multiples of ln 2 / 128, so the remainder is below
 * 0.0028 in magnitude and a degree-5 Taylor polynomial without division suffices:
 *
 *     x = (128 q + i) · ln2/128 + r,   |r| ≤ ln2/256 (plus rounding),   0 ≤ i < 128,
 *     e^x = 2^q · 2^(i/128) · e^r ≈ 2^q · (T_i + (t_i + T_i · p(r))),   p(r) = r + r²/2! + … + r⁵/5!,
 *
 * with T_i + t_i = 2^(i/128) to about 105 bits (T_i rounded to the nearest double, t_i the rounded
 * rest; computed with integer arithmetic by scripts/generateExponentialTable.ts, and every entry is
 * re-derived with BigInt in test/model/tableExponential.test.ts). p's truncation error is below
 * r⁶/720 < 6·10⁻¹⁹, so the result is within about 0.5 ulp of e^x: at most 0.5008 ulp over 2,000
 * random arguments in [−30, 30] and 0.5023 over [−700, 700], checked against 300-bit arithmetic
 * (mpmath), where fdlibm's exp reached 0.753 ulp; the two differ in the last bit on about 10 percent
 * of arguments. Only +, −, ×,
 * exact power-of-two scaling and table reads are used, so every engine computes the same bits.
 * Arguments outside (−707, 709), where the result could be subnormal or overflow, and NaN go to
 * fdlibm's exp.
 *
 * Reference: P. T. P. Tang (1989), Table-driven implementation of the exponential function in IEEE
 * floating-point arithmetic, ACM Transactions on Mathematical Software 15(2), 144–157.
 */

/** 2^(i/128) rounded to the nearest double, i = 0 … 127. */
const TWO_TO_I_OVER_128 = Float64Array.of(
  1, 1.0054299011128027, 1.0108892860517005, 1.016378314910953,
  1.0218971486541166, 1.0274459491187637, 1.0330248790212284, 1.0386341019613787,
  1.0442737824274138, 1.0499440858006872, 1.0556451783605572, 1.061377227289262,
  1.0671404006768237, 1.0729348675259756, 1.0787607977571199, 1.0846183622133092,
  1.0905077326652577, 1.0964290818163769, 1.102382583307841, 1.1083684117236787,
  1.1143867425958924, 1.1204377524096067, 1.1265216186082418, 1.1326385195987192,
  1.1387886347566916, 1.1449721444318042, 1.1511892299529827, 1.1574400736337511,
  1.1637248587775775, 1.1700437696832502, 1.1763969916502812, 1.182784710984341,
  1.189207115002721, 1.1956643920398273, 1.202156731452703, 1.2086843236265816,
  1.215247359980469, 1.2218460329727576, 1.22848053610687, 1.2351510639369334,
  1.241857812073484, 1.2486009771892048, 1.255380757024691, 1.2621973503942507,
  1.2690509571917332, 1.275941778396392, 1.2828700160787783, 1.2898358734066657,
  1.2968395546510096, 1.3038812651919358, 1.3109612115247644, 1.318079601266064,
  1.3252366431597413, 1.3324325470831615, 1.339667524053303, 1.3469417862329458,
  1.3542555469368927, 1.3616090206382248, 1.3690024229745905, 1.3764359707545302,
  1.383909881963832, 1.3914243757719262, 1.3989796725383112, 1.4065759938190154,
  1.4142135623730951, 1.4218926021691656, 1.42961333839197, 1.4373759974489824,
  1.4451808069770467, 1.4530279958490526, 1.460917794180647, 1.4688504333369818,
  1.4768261459394993, 1.4848451658727524, 1.4929077282912648, 1.5010140696264256,
  1.5091644275934228, 1.5173590411982147, 1.5255981507445384, 1.533881997840956,
  1.5422108254079407, 1.550584877685, 1.559004400237837, 1.567469639965553,
  1.5759808451078865, 1.5845382652524937, 1.593142151342267, 1.6017927556826934,
  1.6104903319492543, 1.6192351351948637, 1.6280274218573478, 1.6368674497669644,
  1.645755478153965, 1.6546917676561943, 1.6636765803267364, 1.6727101796415966,
  1.681792830507429, 1.6909247992693053, 1.7001063537185235, 1.709337763100463,
  1.718619298122478, 1.7279512309618377, 1.7373338352737062, 1.746767386199169,
  1.7562521603732995, 1.7657884359332727, 1.7753764925265212, 1.785016611318935,
  1.7947090750031072, 1.804454167806624, 1.8142521755003989, 1.8241033854070534,
  1.8340080864093424, 1.843966568958626, 1.8539791250833855, 1.864046048397789,
  1.8741676341103, 1.8843441790323345, 1.8945759815869656, 1.9048633418176741,
  1.9152065613971474, 1.925605943636125, 1.9360617934922943, 1.9465744175792332,
  1.9571441241754002, 1.9677712232331759, 1.978456026387951, 1.9891988469672663,
);

/** 2^(i/128) − TWO_TO_I_OVER_128[i], rounded to the nearest double, i = 0 … 127. */
const TWO_TO_I_OVER_128_REST = Float64Array.of(
  0, 9.499186535455032e-17, -1.5234778603368577e-17, -5.77217007319966e-17,
  5.109225028973444e-17, -4.9560741746453704e-17, 7.600838874027088e-18, 5.996273788852511e-17,
  8.551889705537965e-17, 5.592937848127003e-17, 1.759325738772092e-18, -1.1973537085365658e-17,
  -7.899853966841582e-17, -3.839668843358824e-18, -6.656660436056593e-17, 3.166152845816346e-17,
  -3.046782079812471e-17, -5.919933484449316e-17, 5.2660368715706944e-17, -8.786813845180527e-17,
  1.0410278456845571e-16, -6.201085906554179e-17, 5.165856758795457e-17, 3.237356166738e-17,
  8.912812676025408e-17, 4.6412898921700107e-17, 3.250710218863827e-17, -9.1238712311344e-17,
  3.8292048369240935e-17, -1.8477442017900047e-18, 5.554203254218079e-17, 1.542975430079076e-17,
  3.982015231465646e-17, 4.6166036704814814e-17, 6.644981499252301e-17, -4.746725945228984e-17,
  -7.712630692681488e-17, -1.0611021211402691e-16, -1.89878163130253e-17, -1.0755244344307841e-16,
  4.658027591836937e-17, -8.261810999021964e-17, -6.7113898212968784e-18, -3.0844648874738465e-17,
  2.667932131342186e-18, 9.91543024421429e-17, 1.713594918243561e-17, 8.949257530897592e-17,
  2.5382502794888315e-17, 8.647675598267871e-17, -7.181536135519454e-17, -5.4579558271491535e-17,
  -2.8587312100388614e-17, -5.101586630916744e-17, 8.927282594831732e-17, 3.224065101254679e-17,
  7.70094837980299e-17, 1.533787661270668e-18, 9.593797919118849e-17, -6.898588935871801e-17,
  -6.770511658794786e-17, -4.9061748652889893e-17, -9.614213209051323e-17, 7.034914812136422e-18,
  -9.667293313452913e-17, -1.6077828915890244e-17, -1.2031642489053655e-17, -4.2040340164675566e-17,
  -3.0237581349939873e-17, -5.779948609396106e-17, -5.600377186075216e-17, 8.465882756533628e-17,
  -3.483994556892796e-17, 1.0780086764407481e-16, 1.4192920154284036e-17, -6.413767275790235e-17,
  -1.016455327754295e-16, -4.308699472043341e-17, -1.1024941712342561e-16, 8.875226844438446e-17,
  7.949834809697621e-17, -1.4600706590689385e-17, 3.7812070533575275e-17, -1.0352061768849722e-16,
  -1.0136916471278304e-17, -1.9337717034585703e-17, -1.0094406542311964e-16, -6.054917453527784e-17,
  2.4707192569797888e-17, 2.0941334154229092e-17, -6.712955084707084e-17, 7.698325071319876e-17,
  -1.0125679913674773e-16, 9.643294303196029e-17, 5.8909926967131e-17, -5.476715964599563e-17,
  8.199010020581497e-17, -9.66967147439488e-17, -8.0237193703977e-18, -9.868779456632931e-17,
  -1.851380418263111e-17, -1.0750981861204642e-16, 3.164389299292957e-17, -1.0752290483507515e-16,
  2.960140695448873e-17, 9.461315018083268e-17, 6.429731796556572e-17, 1.5330400121031314e-17,
  1.8227458427912087e-17, -5.177222408793318e-17, -9.969531538920349e-17, -1.0159627862277083e-16,
  3.283107224245627e-17, -5.939742026949965e-17, 9.761887490727594e-17, 6.540912680620572e-17,
  -6.122763413004143e-17, -8.226593125533711e-17, 3.4034035352165297e-17, 6.533857514718279e-17,
  -1.0619946056195963e-16, -9.914963769693741e-17, 1.0332385960676326e-16, 6.811022349533877e-17,
  8.960767791036668e-17, -1.0314928011531132e-16, 4.0388753109278167e-17, 8.2051326383692e-18,
);

/** 128 / ln 2 (rounded; any nearby value works, it only chooses q and i). */
const INTERVALS_PER_LN2 = 184.6649652337873;
/** 1.5 · 2^52: adding and then subtracting it rounds a double below 2^51 in magnitude to an integer. */
const ROUNDING_SHIFT = 6755399441055744;
/**
 * ln 2 / 128 as head + tail: the head is ln 2 / 128 rounded to 24 significant bits, so m · head is
 * exact for |m| < 2^29 and x − m · head is exact (Sterbenz); the tail is the rest to double precision
 * (fdlibm's two-part ln 2 divided by 128).
 */
const LN2_OVER_128_HEAD = 0.0054152123630046844;
const LN2_OVER_128_TAIL = -1.4880111718420063e-11;

/**
 * e^x by Tang's table method (see the module comment): within about 0.5 ulp, bit-identical in every
 * engine. NaN gives NaN, +∞ gives +∞, −∞ gives 0 (through fdlibm's exp, as every argument outside
 * (−707, 709)).
 *
 * @example tableExp(1) // 2.718281828459045 (e rounded to the nearest double)
 */
export function tableExp(x: number): number {
  if (!(x > -707 && x < 709)) return exp(x);
  const m = x * INTERVALS_PER_LN2 + ROUNDING_SHIFT - ROUNDING_SHIFT; // an integer, |m| < 130,928
  const n = m | 0;
  const r = x - m * LN2_OVER_128_HEAD - m * LN2_OVER_128_TAIL;
  const i = n & 127; // n mod 128, also for negative n (two's complement)
  const p = r + r * r * (0.5 + r * (0.16666666666666666 + r * (0.041666666666666664 + r * 0.008333333333333333)));
  const t = TWO_TO_I_OVER_128[i];
  // q = (n − i) / 128 = n >> 7 (floor); the product with 2^q is exact, the result being normal.
  return (t + (TWO_TO_I_OVER_128_REST[i] + t * p)) * POWERS_OF_TWO[(n >> 7) + POWER_OF_TWO_OFFSET];
}

/**
 * e^x with the exponential that `numerics.exponential` selects: {@link tableExp} when `table` is true
 * (the default, 'table'), else fdlibm's exp ('fdlibm': the function of versions before 2026-12-06,
 * which reproduces their results bit for bit). Mechanisms pass `state.constants.tableExponential`.
 *
 * @example exponential(1, true) // 2.718281828459045
 */
export function exponential(x: number, table: boolean): number {
  return table ? tableExp(x) : exp(x);
}

/**
 * x^y for x ≥ 0 with the selected exponential: deterministicMath's pow (fdlibm's exp) when `table` is
 * false or for its special cases (y = 0, x = 0, x = 1), else e^(y · log x) with {@link tableExp}.
 *
 * @throws RangeError for x < 0, as deterministicMath's pow.
 * @example power(4, 0.5, true) // 2
 */
export function power(x: number, y: number, table: boolean): number {
  if (!table || y === 0 || !(x > 0) || x === 1) return pow(x, y);
  return tableExp(y * log(x));
}

/**
 * values[i] ← e^values[i] for from ≤ i < to with the selected exponential: a batch form, so the
 * intermediates stay unboxed (see deterministicMath's logInPlace).
 *
 * @example const v = Float64Array.of(0, 1); exponentialInPlace(v, 0, 2, true) // v = [1, 2.718281828459045]
 */
export function exponentialInPlace(values: Float64Array, from: number, to: number, table: boolean): void {
  if (table) {
    for (let i = from; i < to; i++) values[i] = tableExp(values[i]);
  } else {
    for (let i = from; i < to; i++) values[i] = exp(values[i]);
  }
}

/**
 * Whether parameters select the table exponential: `numerics.exponential` is anything but 'fdlibm'
 * (so a model input built by hand without the group gets the default).
 *
 * @example usesTableExponential(defaultParameters()) // true
 */
export function usesTableExponential(parameters: { readonly numerics?: { readonly exponential?: string } }): boolean {
  return parameters.numerics?.exponential !== 'fdlibm';
}

/**
 * Copies of the two tables (T_i and t_i, see the module comment), for tests and documentation.
 *
 * @example exponentialTables().rounded[64] // 1.4142135623730951 (√2)
 */
export function exponentialTables(): { rounded: Float64Array; rest: Float64Array } {
  return { rounded: TWO_TO_I_OVER_128.slice(), rest: TWO_TO_I_OVER_128_REST.slice() };
}
