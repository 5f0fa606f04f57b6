/**
 * The page's Info panel, in the sections of NetLogo's Info tab (Wilensky 1999), written in Markdown
 * and rendered by `markdown.ts`. Pure data; a unit test checks every section exists and is not empty.
 */

/** One section of the Info panel. */
export interface InfoSection {
  /** Stable id for links (`#info-what-is-it`). */
  readonly id: string;
  /** NetLogo's heading, e.g. `WHAT IS IT?`. */
  readonly title: string;
  /** Markdown text. */
  readonly markdown: string;
}

/** The headings of NetLogo's Info tab, in order. */
export const NETLOGO_INFO_HEADINGS = [
  'WHAT IS IT?',
  'HOW IT WORKS',
  'HOW TO USE IT',
  'THINGS TO NOTICE',
  'THINGS TO TRY',
  'EXTENDING THE MODEL',
  'RELATED MODELS',
  'CREDITS AND REFERENCES',
] as const;

/** The Info panel's sections, in NetLogo's order. */
export const INFO_SECTIONS: readonly InfoSection[] = [
  {
    id: 'info-what-is-it',
    title: 'WHAT IS IT?',
    markdown: `
zonesim is an agent-based model of the industrial cluster zones (产业集聚区) that Henan province
built after its governor's speech of 22 June 2009, in the middle of the global financial crisis.
The speech asked each zone to fuse four elements — **related industries** (R1), **concentration**
of firms and projects (R2), **intensive use of land** (R3) and **urban functions** (R4) — and to
serve four functions: a growth pole (R5), urbanisation (R6), innovation (R7) and a circular
economy (R8). It named the government's levers: planning (R9), industrial positioning with leading
industries (主导产业, R10), land (R11), financing platforms (R12), credit guarantees and guidance
funds (R13), shared services (R14), investment promotion — "build the nest to attract the
phoenix" (筑巢引凤, R15) — and the crisis itself (R16).

The model turns each rule into an explicit, switchable mechanism so that a class can test the
speech's claims instead of taking them on trust: do zones beat scattered development? Does
choosing leading industries by relatedness beat every zone chasing the same hot industry? Is a
highly levered guarantee fund "four ounces moving a thousand pounds" (四两拨千斤) or a hidden risk?
`,
  },
  {
    id: 'info-how-it-works',
    title: 'HOW IT WORKS',
    markdown: `
Time runs in monthly steps from January 2009. Every step:

1. **Investment projects arrive** (a Poisson number; more with investment promotion, fewer in a
   crisis). Each has an industry, a size (Pareto-distributed, so a few are large anchor firms,
   龙头企业) and a productivity.
2. **Each project chooses a location** — one of the zones, or a scattered site outside every zone —
   by a random-utility (logit) rule. A zone's attraction adds up: related industries already there
   (R1), firms of the same industry (agglomeration, R2), the land price (R3, R11), congestion of its
   infrastructure (R4), incentives and guidance-fund money for its leading industries (R10, R13),
   the pull of related anchor firms, market access from coordinated plans (R9), standard factory
   buildings for small firms (R12), shared-service costs (R14), and approval time and awareness
   from promotion (R15). A zone can only take a project when it has serviced land (or factory
   floor) free and the project meets the investment-intensity threshold; small firms need a bank
   loan or a guarantee (R13). Projects that find nothing wait, then give up.
3. **Zones develop land**: financing platforms borrow to service planned land and build standard
   factories within a provincial land quota (R9, R11, R12); idle land left by exited firms is
   reclaimed; land prices rise as land fills.
4. **Firms grow and change**: demand grows by industry, productivity follows a random walk plus
   knowledge spillovers from same-industry and related neighbours in the zone (R7); central
   pollution treatment and waste reuse cut zone pollution (R8); zone jobs draw people into towns
   (R6).
5. **Firms exit** at random (more in a crisis, R16), and guaranteed loans of exiting firms cost the
   guarantee fund money.

Every two years zones may re-choose their leading industries by competitiveness, growth and
relatedness (竞争力最强、成长性最好、关联度最高) — or all chase the fastest-growing ones
(同质化竞争).

The page runs exactly the same model code as the \`zonesim\` command line, in a Web Worker, and
records the same named outcomes (reporters) once a year.
`,
  },
  {
    id: 'info-how-to-use-it',
    title: 'HOW TO USE IT',
    markdown: `
- **Levers** (left): every parameter of the model, grouped as in a scenario file, labelled with its
  rule id (R1–R16) and Chinese term. Hover or focus a lever for what it does, its unit and range.
  Sliders cover a teaching range; the number box beside each accepts the full allowed range. A
  changed lever is marked, and the model reruns at once from 2009. **Search** filters the levers.
- **Preset**: load a bundled scenario (the same files as \`zonesim list\`).
- **Play / Pause / Step / Reset**: the model is computed in the background in well under a second;
  Play animates it year by year at the chosen **speed**, Step advances one year, Reset goes back to
  2009. Keyboard: Space plays or pauses, → steps, Home resets (when no text field has focus).
- **Seed**: runs with the same seed are identical; replication *r* of base seed *S* is exactly
  replication *r* of \`zonesim run --seed S\`.
- **Compare with**: runs a second scenario with the **same seed**, side by side, so the visible
  difference is the effect of the policy, not of luck. Solid lines are your policy, dashed lines
  the comparison.
- **Batch (20 runs)**: runs 20 replications of both scenarios and draws the mean with a 95%
  confidence band; the table gives, at the end, the paired difference *my policy − comparison*
  (named on every difference) with its 95% interval, as a % of the comparison, and a verdict:
  *higher* or *lower* (the interval excludes 0), *no effect that matters* (the interval lies within
  ± 5% of the comparison's mean), *unsettled* or *no difference* (equal up to rounding).
- **Export** writes your settings as a scenario file (only what differs from the defaults) that
  \`zonesim run\` accepts unchanged; **Import** reads one; **Share link** puts your settings in the
  page address. Mistakes in files or links get the same one-line message as the command line.
- **Exercises**: guided exercises; each loads its scenarios in one click.
`,
  },
  {
    id: 'info-things-to-notice',
    title: 'THINGS TO NOTICE',
    markdown: `
- On the map, bubbles are zones (area ∝ output) coloured by their largest industry; industries of
  the same supply chain share a hue, so a zone with related industries stays in one colour family.
  The grey bubble in the corner is everything outside the zones.
- Early arrivals matter: with strong increasing returns the first zones to get firms keep growing
  (path dependence). Change only the seed and watch a different zone win.
- The share of firms in zones rises quickly at first, then levels off as serviced land, congestion
  and land prices bite.
- Platform debt keeps growing while land is serviced ahead of demand; the guarantee fund's net
  assets fall whenever guaranteed firms exit — especially in a crisis.
- With the same seed, the same projects arrive in both runs of a comparison, so differences between
  the solid and dashed lines are caused by the levers you changed.
- One run is one possible history. Before concluding anything, run a batch and look at whether the
  confidence bands overlap.
`,
  },
  {
    id: 'info-things-to-try',
    title: 'THINGS TO TRY',
    markdown: `
- Set the agglomeration form to \`linear\` and its scope to \`all-firms\` (Arthur 1990) and compare
  with \`log\`: how often does one zone take almost everything?
- Set the number of zones to 0 (the scattered counterfactual) and compare with the baseline on
  output, pollution per output and urbanisation.
- Raise the investment-intensity threshold (投资强度) and watch output per hectare and idle land.
- Switch the crisis on and raise the guarantee fund's leverage multiple to 10 or 15: does the fund
  run out?
- Try promotion effort 0 with fast land servicing (the nest) against high effort with slow
  servicing (the phoenix).
- Set the positioning rule to \`homogeneous\` and compare the number of distinct leading industries
  and the relatedness density of zones.
`,
  },
  {
    id: 'info-extending-the-model',
    title: 'EXTENDING THE MODEL',
    markdown: `
- Every parameter is declared once, in \`src/model/parameterSpecification.ts\`; the validator, the
  documentation and the levers of this page are generated from it. A new lever added there appears
  here without further work.
- Outcomes are named reporters in \`src/outcomes/reporters.ts\`; each chart's title is a menu, so
  any province reporter can be charted.
- Ideas: relocation of existing firms; zones that compete with subsidies financed by platform debt;
  spatial spillovers between neighbouring zones (the map's coordinates are used by nothing yet);
  real relatedness from an input–output table (the command line reads one via
  \`industries.relatednessFile\`; the page uses the generated matrix); calibration to Henan's zone
  statistics.
`,
  },
  {
    id: 'info-related-models',
    title: 'RELATED MODELS',
    markdown: `
- The Pólya urn (bundled scenario \`polya-urn\`) and W. Brian Arthur's increasing-returns location
  model (\`arthur-1990\`), which this model nests as limiting cases.
- NetLogo Models Library: *Segregation* (Schelling), for how local choices create aggregate patterns;
  *Wealth Distribution* (Sugarscape-like), for how small differences compound.
- Krugman's core–periphery model of the new economic geography, the analytical cousin of zone
  lock-in.
- Product-space and relatedness models of regional diversification (Hidalgo et al. 2007; Neffke,
  Henning and Boschma 2011).
`,
  },
  {
    id: 'info-credits-and-references',
    title: 'CREDITS AND REFERENCES',
    markdown: `
zonesim is an open-source project (MIT licence). The rules R1–R16 are the project's English digest
of the speech by Henan's governor at the provincial work conference on industrial cluster zones,
22 June 2009; the project's documents use their own words.

- Arthur, W. B. (1990). "Silicon Valley" locational clusters: when do increasing returns imply
  monopoly? *Mathematical Social Sciences* 19(3): 235–251.
- Arthur, W. B., Ermoliev, Yu. M. & Kaniovski, Yu. M. (1987). Path-dependent processes and the
  emergence of macro-structure. *European Journal of Operational Research* 30(3): 294–303.
- Ellison, G. & Glaeser, E. L. (1997). Geographic concentration in U.S. manufacturing industries: a
  dartboard approach. *Journal of Political Economy* 105(5): 889–927.
- Frenken, K., Van Oort, F. & Verburg, T. (2007). Related variety, unrelated variety and regional
  economic growth. *Regional Studies* 41(5): 685–697.
- Hidalgo, C. A., Klinger, B., Barabási, A.-L. & Hausmann, R. (2007). The product space conditions
  the development of nations. *Science* 317(5837): 482–487.
- McFadden, D. (1974). Conditional logit analysis of qualitative choice behavior. In P. Zarembka
  (ed.), *Frontiers in Econometrics*, 105–142.
- Neffke, F., Henning, M. & Boschma, R. (2011). How do regions diversify over time? *Economic
  Geography* 87(3): 237–265.
- Wilensky, U. (1999). NetLogo. Center for Connected Learning and Computer-Based Modeling,
  Northwestern University — the Info-tab sections of this panel follow NetLogo's.

Full model description: \`docs/ODD.md\`; parameters: \`docs/parameters.md\`; exercises:
\`docs/exercises/\`.
`,
  },
];
