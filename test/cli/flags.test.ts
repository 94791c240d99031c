import { describe, expect, it } from 'vitest';
import { readFlags, UsageError } from '../../src/cli/args';
import { runCli } from '../../src/cli/run';

describe('readFlags: the flag reader of cascade, compare-venues, stress and var', () => {
  it('keeps every value in command-line order, aliases under their first name, both spellings of a value', () => {
    const { file, flags } = readFlags(['book.csv', '--venue-params', 'a.json', '--brackets=b.json', '--as-of', 'x'], ['--brackets', '--venue-params', '--as-of'], 'usage: test');
    expect(file).toBe('book.csv');
    expect(flags.get('--brackets')).toEqual(['a.json', 'b.json']);
    expect(flags.get('--as-of')).toEqual(['x']);
  });

  it('a wrong command line carries its own usage', () => {
    expect(() => readFlags(['--nope', '1'], [], 'usage: test')).toThrow(UsageError);
    const thrown = (() => {
      try {
        readFlags([], [], 'usage: test');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(thrown).toBeInstanceOf(UsageError);
    expect((thrown as UsageError).message).toBe('missing PORTFOLIO.csv');
    expect((thrown as UsageError).usage).toBe('usage: test');
  });

  it("the CLI prints the command's usage, not evaluate's", () => {
    const result = runCli(['stress', 'book.csv', '--bogus', '1']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('usage: cli stress');
    expect(result.stderr).not.toContain('usage: cli evaluate');
  });
});
