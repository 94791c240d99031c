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

/**
 * The same handler map the worker serves (src/worker/service.ts), called in this process: the CLI's
 * figures and the page's come from one code path. Every command starts here.
 */
export function loadEngine(file: string, options: { brackets?: string | null; asOf?: string | null } = {}): LoadedEngine {
  const engine = createEngineService();
  const { brackets } = options;
  if (brackets) {
    const loaded = engine.loadBrackets({ fileName: brackets, text: readFile(brackets).toString('utf8') });
    if (!loaded.ok) throw new InputError(loaded.errors.map((e) => `${brackets}:1:-: ${e.replace(`${brackets}: `, '')}`));
  }
  const asOf = (options.asOf ?? new Date().toISOString()).replace(/\.000Z$/, 'Z');
  const bytes = readFile(file);
  const content = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const loaded = engine.load({ fileName: file, content, asOf });
  if (!loaded.ok) throw new InputError(loaded.errors.map(problemLine));
  return { engine, asOf, warnings: loaded.warnings };
}
