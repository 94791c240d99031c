import { readFileSync } from 'node:fs';
import { problemLine } from '../import';
import { createEngineService } from '../worker/service';
import type { EngineHandlers } from '../worker/protocol';

/** A problem with the user's input: exit 2, one `FILE:LINE:COLUMN: message` line each. */
export class InputError extends Error {
  constructor(
    readonly lines: string[],
    cause?: unknown,
  ) {
    super(lines.join('\n'), { cause });
  }
}

export function readFile(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`cannot read ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? 'read failed')}`, { cause: e });
  }
}

export interface LoadedEngine {
  engine: EngineHandlers;
  /** the valuation instant, ISO 8601 without milliseconds */
  asOf: string;
  warnings: string[];
}

/** `FILE:1:-: message` for a venue parameter problem that starts with its file's name. */
function paramProblemLine(paths: readonly string[]): (error: string) => string {
  return (error) => {
    const path = paths.find((p) => error.startsWith(`${p}: `));
    return path ? `${path}:1:-: ${error.slice(path.length + 2)}` : `${paths[0]}:1:-: ${error}`;
  };
}

/**
 * The same handler map the worker serves (src/worker/service.ts), called in this process: the CLI's
 * figures and the page's come from one code path. Every command starts here.
 */
export function loadEngine(file: string, options: { brackets?: string | readonly string[] | null; asOf?: string | null } = {}): LoadedEngine {
  const engine = createEngineService();
  // --brackets is repeatable: venue parameter files of any accepted shape, read as one batch (an OKX
  // tiers file finds its contract values in an instruments file given alongside)
  const paths = options.brackets == null ? [] : typeof options.brackets === 'string' ? [options.brackets] : [...options.brackets];
  if (paths.length > 0) {
    const loaded = engine.loadBrackets({ files: paths.map((path) => ({ fileName: path, text: readFile(path).toString('utf8') })) });
    if (!loaded.ok) throw new InputError(loaded.errors.map(paramProblemLine(paths)));
  }
  const asOf = (options.asOf ?? new Date().toISOString()).replace(/\.000Z$/, 'Z');
  const bytes = readFile(file);
  const content = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const loaded = engine.load({ fileName: file, content, asOf });
  if (!loaded.ok) throw new InputError(loaded.errors.map(problemLine));
  return { engine, asOf, warnings: loaded.warnings };
}
