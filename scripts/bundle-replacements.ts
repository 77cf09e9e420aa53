/**
 * What the function bundles leave out of their dependencies, in one list. node-sdk loads every feature of
 * CloudBase at start-up (AI, realtime push, custom login, proxies...), and esbuild cannot tree-shake
 * CommonJS, so a bundle carries them all unless told otherwise. Reasons read in node-sdk 3.18 and
 * @cloudbase/database 1.x (their dist/): each name is reached only through the APIs listed.
 *
 * LEFT_OUT: replaced by a stub that throws a clear error the moment anything reads from it (and logs the
 *   error first, since some SDK code swallows errors), so a function that starts to need one fails loudly —
 *   remove the entry then.
 * REPLACED: replaced by a smaller file of ours (core/runtime/sdk-shims/) that does what a function needs.
 *
 * tests/functions/bundle.test.ts runs every function's bundle through its actions against the emulator
 * and proves no stub is touched.
 */
import path from 'node:path';
import type { Plugin } from 'esbuild';

interface Replacement {
  /** The specifier as written in the importing file. */
  request: string;
  /** Only when imported from this package (for files inside a package, or a name other packages also use). */
  inPackage?: string;
}

interface LeftOut extends Replacement {
  /** The APIs that need it: what stops working. */
  neededBy: string;
  /**
   * Exports the SDK calls at start-up anyway (inside try/catch): the stub answers them with a value that
   * throws on first use, so start-up stays quiet and the feature still fails with the stub's message.
   */
  calledAtStartUp?: string[];
}

interface Replaced extends Replacement {
  /** Project-relative path of the file that stands in. */
  by: string;
}

export const LEFT_OUT: readonly LeftOut[] = [
  { request: '@cloudbase/ai', neededBy: 'app.ai() (dist/ai/index.js createAI)' },
  { request: '@cloudbase/app', neededBy: 'app.ai() (dist/ai/index.js: LANGS for the AI client)' },
  { request: 'web-streams-polyfill', neededBy: 'app.ai() streaming (dist/ai/request-adapter.js)' },
  {
    request: '@cloudbase/wx-cloud-client-sdk',
    neededBy: 'app.models / app.mysql() (data models and MySQL clients)',
    // init() builds app.models with it inside try/catch; app.mysql() builds its client only when called.
    calledAtStartUp: ['generateHTTPClient'],
  },
  { request: 'xml2js', neededBy: 'app.uploadFile() error bodies (dist/storage/index.js parseXML)' },
  { request: 'jsonwebtoken', neededBy: 'app.auth().createTicket() (custom login tickets, dist/auth/index.js)' },
  {
    // Off Tencent Cloud the SDK probes http://metadata.tencentyun.com through axios (utils/metadata.js); a
    // failed probe is caught and means "not on Tencent Cloud". In SCF, and locally (TENCENTCLOUD=true), no probe
    // is made. Leaving axios out saves ~30 KB and ~15 ms of cold start (the Node modules it loads).
    request: 'axios',
    neededBy: 'the metadata probe off Tencent Cloud (utils/metadata.js) and app.requestClient (extension CI)',
  },
  { request: 'https-proxy-agent', neededBy: 'init({ proxy }) (requests through an HTTP proxy, utils/request-core.js)' },
  { request: 'http-proxy-agent', neededBy: 'init({ proxy }) (requests through an HTTP proxy, utils/request-core.js)' },
  {
    request: './realtime/websocket-client',
    inPackage: '@cloudbase/database',
    neededBy: 'collection/doc .watch() (realtime push over WebSocket, query.js and document.js)',
  },
];

export const REPLACED: readonly Replaced[] = [
  // 133 KB of media types; form-data (multipart requests) is the only reader.
  { request: 'mime-db', by: 'core/runtime/sdk-shims/mime-db.js' },
  // The database reads EJSON only; the shim takes it from bson's ES module build.
  { request: 'bson', inPackage: '@cloudbase/database', by: 'core/runtime/sdk-shims/bson.ts' },
];

/** What a touched stub says (the bundle test looks for it in the logs). */
export function leftOutMessage(module: LeftOut): string {
  return `${module.request} is left out of this function bundle (only needed by ${module.neededBy}); remove it from LEFT_OUT in scripts/bundle-replacements.ts to use it.`;
}

function stubSource(module: LeftOut): string {
  return `
const message = ${JSON.stringify(leftOutMessage(module))};
const calledAtStartUp = ${JSON.stringify(module.calledAtStartUp ?? [])};
let logged = false;
// Module interop probes (__esModule, Symbol.*, then) must not throw: only real use does.
const isProbe = (key) => typeof key === 'symbol' || key === '__esModule' || key === 'then';
function fail(use) {
  const error = new Error(message + ' (used: ' + use + ')');
  if (!logged) console.error(error.message);
  logged = true;
  throw error;
}
const unusable = (made) => new Proxy({}, {
  get(_target, key) {
    return isProbe(key) ? undefined : fail(made + '.' + String(key));
  },
});
module.exports = new Proxy({}, {
  get(_target, key) {
    if (isProbe(key)) return undefined;
    if (calledAtStartUp.includes(key)) return () => unusable(key + '()');
    return fail(String(key));
  },
});`;
}

const escape = (text: string): string => text.replace(/[/.*+?^${}()|[\]\\]/g, '\\$&');
const isInPackage = (importer: string, name: string): boolean =>
  importer.split(path.sep).join('/').includes(`/node_modules/${name}/`);

/** The esbuild plugin applying LEFT_OUT and REPLACED; `projectRoot` anchors the paths of REPLACED. */
export function bundleReplacements(projectRoot: string): Plugin {
  const all: readonly Replacement[] = [...LEFT_OUT, ...REPLACED];
  const filter = new RegExp(`^(${[...new Set(all.map((entry) => escape(entry.request)))].join('|')})$`);
  const bsonShim = path.join(projectRoot, 'core/runtime/sdk-shims/bson.ts');
  return {
    name: 'bundle-replacements',
    setup(build) {
      build.onResolve({ filter }, (args) => {
        // The bson shim's own `bson`: the ES module build, which esbuild can tree-shake.
        if (args.path === 'bson' && args.importer === bsonShim) {
          return { path: require.resolve('bson').replace(/lib[/\\]bson\.js$/, path.join('dist', 'bson.esm.js')) };
        }
        const applies = (entry: Replacement): boolean =>
          entry.request === args.path && (!entry.inPackage || isInPackage(args.importer, entry.inPackage));
        const replaced = REPLACED.find(applies);
        if (replaced) return { path: path.join(projectRoot, replaced.by) };
        const leftOut = LEFT_OUT.find(applies);
        if (leftOut) return { path: leftOut.request, namespace: 'left-out', pluginData: leftOut };
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'left-out' }, (args) => ({
        loader: 'js',
        contents: stubSource(args.pluginData as LeftOut),
      }));
    },
  };
}
