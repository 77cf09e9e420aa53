/**
 * The CommonJS module registry the WeChat runtime provides (define/require). The server has
 * already rewritten every require() to a root path, so ids are looked up as they are.
 */
type Factory = (require: (id: string) => unknown, module: { exports: unknown }, exports: unknown) => void;

const factories = new Map<string, Factory>();
const loaded = new Map<string, { exports: unknown }>();

export class ModuleNotFoundError extends Error {
  constructor(id: string) {
    super(`找不到模块 ${id}（小程序只能加载 miniprogram/ 下的文件）`);
    this.name = 'ModuleNotFoundError';
  }
}

export function define(id: string, factory: Factory): void {
  if (!factories.has(id)) factories.set(id, factory);
}

export function requireModule(id: string): unknown {
  const existing = loaded.get(id);
  if (existing) return existing.exports;
  const factory = factories.get(id);
  if (!factory) throw new ModuleNotFoundError(id);
  const module = { exports: {} as unknown };
  loaded.set(id, module);
  try {
    factory(requireModule, module, module.exports);
  } catch (error) {
    loaded.delete(id);
    throw error;
  }
  return module.exports;
}
