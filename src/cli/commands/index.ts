import { compareVenuesCommand } from './compareVenues';
import { cascadeCommand } from './cascade';
import { evaluateCommand } from './evaluate';
import { riskMatrixCommand } from './riskMatrix';
import { stressCommand } from './stress';
import { varCommand } from './var';

/** A command takes the arguments after its name and returns what goes to stdout. */
export type Command = (argv: readonly string[]) => string;

/** Every subcommand of the CLI, by name. One line per command. */
export const COMMANDS: ReadonlyMap<string, Command> = new Map<string, Command>([
  ['evaluate', evaluateCommand],
  ['compare-venues', compareVenuesCommand],
  ['cascade', cascadeCommand],
  ['risk-matrix', riskMatrixCommand],
  ['stress', stressCommand],
  ['var', varCommand],
]);
