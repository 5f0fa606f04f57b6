/**
 * Scenario files on the page: export the current settings as a YAML scenario that `zonesim run`
 * accepts unchanged (name, description and only the parameters that differ from the defaults), and
 * import one, with the command line's parser, validator and one-line error messages.
 *
 * Pure module (no DOM).
 */
import { stringify } from 'yaml';
import { parseScenarioYaml } from '../scenario/parseScenarioYaml.ts';
import { validateScenario, type ValidatedScenario } from '../scenario/validateScenario.ts';
import { assertPageCanRun, overrideTree, type PageScenario } from './scenarioSettings.ts';

/**
 * The scenario file text for the page's settings: a comment header, `name`, `description`, then the
 * overrides against the defaults nested by group, in specification order.
 *
 * Why: teachers hand the file to students or rerun it with `zonesim run` for many replications; the
 * file stays short (only what differs) and is validated by the same code the command line uses.
 *
 * @example exportScenarioYaml({ name: 'few-zones', description: 'Three zones', parameters })
 * // '# Exported …\nname: few-zones\ndescription: Three zones\nzones:\n  count: 3\n'
 */
export function exportScenarioYaml(scenario: PageScenario, comment?: string): string {
  const document = { name: scenario.name, description: scenario.description, ...overrideTree(scenario.parameters) };
  const header = [
    '# Exported from the zonesim classroom page. Parameters not listed keep their defaults',
    '# (docs/parameters.md). Run it with: zonesim run <this file> --reps 20',
  ];
  if (comment !== undefined && comment.trim() !== '') {
    for (const line of comment.trim().split(/\r?\n/)) header.push(`# ${line}`);
  }
  const body = stringify(document, { lineWidth: 0, indent: 2 });
  return `${header.join('\n')}\n${body}`;
}

/**
 * Parse and validate a scenario file's text exactly as `zonesim run` does, and check the page can
 * run it (no data files).
 *
 * @param text The file content.
 * @param file The file name shown in messages (the command line shows the path it was given).
 * @throws {ScenarioError} the command line's one-line message for the first problem.
 */
export function importScenarioText(text: string, file: string): ValidatedScenario {
  const { value, locate } = parseScenarioYaml(text, file);
  const scenario = validateScenario(value, file, { locate });
  assertPageCanRun(scenario, file);
  return scenario;
}
