/**
 * The mini-program's JavaScript as WeChat loads it: one module per file (CommonJS, like the
 * runtime's define/require), TypeScript compiled by esbuild on request, `require` specifiers
 * rewritten to root paths so the browser needs no resolver. A page asks for the closure of its
 * files; each file is compiled once and recompiled when it changes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { transformSync } from 'esbuild';
import { absoluteInRoot, isFile, mtimeOf, normaliseRootPath, npmCandidates } from './paths';

export interface CompiledModule {
  /** Root path with a .js extension, e.g. "services/cloud.js": the id the browser registry uses. */
  id: string;
  code: string;
  dependencies: string[];
}

const REQUIRE_CALL = /\brequire\((["'])([^"']+)\1\)/g;
const SOURCE_EXTENSIONS = ['.ts', '.js'];

export class ModuleCompiler {
  private readonly cache = new Map<string, { mtime: number; module: CompiledModule }>();

  constructor(private readonly miniprogramRoot: string) {}

  /** Finds the source file of a module id ("a/b.js" may be a/b.ts or a/b.js). */
  sourceFileOf(id: string): string | null {
    const withoutExtension = id.replace(/\.(js|ts)$/, '');
    for (const extension of SOURCE_EXTENSIONS) {
      const file = absoluteInRoot(this.miniprogramRoot, withoutExtension + extension);
      if (isFile(file)) return file;
    }
    return null;
  }

  /** Resolves `require(spec)` written in module `fromId` to a module id, or null. */
  resolve(fromId: string, spec: string): string | null {
    const bases: string[] = [];
    if (spec.startsWith('/')) bases.push(spec.slice(1));
    else if (spec.startsWith('.')) bases.push(path.posix.join(path.posix.dirname(fromId), spec));
    else bases.push(...npmCandidates(fromId, spec), spec);
    for (const base of bases) {
      let rootPath: string;
      try {
        rootPath = normaliseRootPath(base);
      } catch {
        continue;
      }
      const stem = rootPath.replace(/\.(js|ts)$/, '');
      for (const candidate of [stem, `${stem}/index`]) {
        if (this.sourceFileOf(`${candidate}.js`)) return `${candidate}.js`;
      }
      const packageMain = this.packageMain(rootPath);
      if (packageMain) return packageMain;
    }
    return null;
  }

  /** Every module reachable from the entries, dependencies first. Unresolvable requires stay as they are. */
  closure(entryIds: string[]): CompiledModule[] {
    const ordered: CompiledModule[] = [];
    const seen = new Set<string>();
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      const compiled = this.compile(id);
      if (!compiled) return;
      compiled.dependencies.forEach(visit);
      ordered.push(compiled);
    };
    entryIds.forEach(visit);
    return ordered;
  }

  compile(id: string): CompiledModule | null {
    const file = this.sourceFileOf(id);
    if (!file) return null;
    const mtime = mtimeOf(file);
    const cached = this.cache.get(id);
    if (cached && cached.mtime === mtime) return cached.module;

    const source = fs.readFileSync(file, 'utf8');
    const { code } = transformSync(source, {
      loader: file.endsWith('.ts') ? 'ts' : 'js',
      format: 'cjs',
      target: 'es2020',
      sourcemap: 'inline',
      sourcefile: `miniprogram/${id.replace(/\.js$/, path.extname(file))}`,
    });
    const dependencies: string[] = [];
    const rewritten = code.replace(REQUIRE_CALL, (call, quote: string, spec: string) => {
      const resolved = this.resolve(id, spec);
      if (!resolved) return call;
      dependencies.push(resolved);
      return `require(${quote}${resolved}${quote})`;
    });
    const module: CompiledModule = { id, code: rewritten, dependencies };
    this.cache.set(id, { mtime, module });
    return module;
  }

  private packageMain(rootPath: string): string | null {
    const manifest = absoluteInRoot(this.miniprogramRoot, `${rootPath}/package.json`);
    if (!isFile(manifest)) return null;
    try {
      const main: unknown = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { main?: unknown }).main;
      if (typeof main !== 'string') return null;
      const stem = normaliseRootPath(`${rootPath}/${main}`).replace(/\.(js|ts)$/, '');
      return this.sourceFileOf(`${stem}.js`) ? `${stem}.js` : null;
    } catch {
      return null;
    }
  }
}
