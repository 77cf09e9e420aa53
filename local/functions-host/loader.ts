/**
 * Loads built functions (dist/functions/<name>/index.js) with Node's own require, as the platform does:
 * the host runs the deployable artefact, not the TypeScript sources. A bundle rebuilt while the host runs
 * is picked up on the next call (the module is reloaded when the file changes).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export type FunctionMain = (event: unknown, context: unknown) => unknown;

/** Function names are folder names: keep them to safe characters so a URL cannot walk out of the folder. */
const FUNCTION_NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

// Node's require, not a test runner's module registry: the bundle must load exactly as it would in the cloud.
const nodeRequire = createRequire(__filename);

export class FunctionLoadError extends Error {}

export class FunctionLoader {
  private readonly loaded = new Map<string, { mtimeMs: number; main: FunctionMain }>();

  constructor(private readonly functionsDir: string) {}

  /** Names of the built functions, in order. */
  list(): string[] {
    if (!existsSync(this.functionsDir)) return [];
    return readdirSync(this.functionsDir, { withFileTypes: true })
      .filter(
        (entry) =>
          entry.isDirectory() && FUNCTION_NAME_PATTERN.test(entry.name) && existsSync(this.entryOf(entry.name)),
      )
      .map((entry) => entry.name)
      .sort();
  }

  /** The function's `main`, or null when no such function is built. Throws FunctionLoadError for a broken bundle. */
  load(name: string): FunctionMain | null {
    if (!FUNCTION_NAME_PATTERN.test(name)) return null;
    const entry = this.entryOf(name);
    if (!existsSync(entry)) return null;
    const { mtimeMs } = statSync(entry);
    const cached = this.loaded.get(name);
    if (cached && cached.mtimeMs === mtimeMs) return cached.main;

    delete nodeRequire.cache[entry];
    let exported: unknown;
    try {
      exported = nodeRequire(entry);
    } catch (error) {
      throw new FunctionLoadError(`函数 ${name} 加载失败：${error instanceof Error ? error.message : String(error)}`);
    }
    const main = (exported as { main?: unknown } | null)?.main;
    if (typeof main !== 'function') throw new FunctionLoadError(`函数 ${name} 没有导出 main`);
    this.loaded.set(name, { mtimeMs, main: main as FunctionMain });
    return main as FunctionMain;
  }

  private entryOf(name: string): string {
    return path.join(this.functionsDir, name, 'index.js');
  }
}
