// Run the zonesim command line in this process and send this process a signal the moment a given
// text appears on stderr (e.g. the phase line "writing the CSV files…"): a deterministic Ctrl-C or
// SIGTERM at an exact point of a run (issue 11, D9), without a timed race.
// Usage: node test/support/signalAtPhase.mjs <text> <SIGINT|SIGTERM> <zonesim arguments…>
import { register } from 'tsx/esm/api';

register();
const [text, signal, ...args] = process.argv.slice(2);
// The command line as zonesim records it (in messages and the manifest): without this script's arguments.
process.argv = [process.argv[0], 'zonesim', ...args];
const write = process.stderr.write.bind(process.stderr);
let sent = false;
process.stderr.write = (chunk, ...rest) => {
  const result = write(chunk, ...rest);
  if (!sent && String(chunk).includes(text)) {
    sent = true;
    process.kill(process.pid, signal);
  }
  return result;
};
const { main } = await import('../../src/cli/main.ts');
process.exitCode = await main(['node', 'zonesim', ...args]);
