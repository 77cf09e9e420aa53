/**
 * The scripts the browser loads per page and for the app: module definitions (compiled by
 * ModuleCompiler) followed by the component descriptors (scoped CSS included).
 */
import type { JsonObject } from './app-config';
import { allPagePaths, readAppJson, readJsonFile } from './app-config';
import { componentTree } from './components';
import type { ModuleCompiler } from './modules';
import { compileWxss, readWxssWithImports } from './wxss';

function moduleDefinitions(compiler: ModuleCompiler, entryIds: string[]): string {
  return compiler
    .closure(entryIds)
    .map(
      (module) =>
        `__wxPreview.define(${JSON.stringify(module.id)}, function (require, module, exports) {${module.code}\n});`,
    )
    .join('\n');
}

export function appScript(miniprogramRoot: string, compiler: ModuleCompiler): string {
  const appJson = readAppJson(miniprogramRoot);
  const css = compileWxss(
    readWxssWithImports(miniprogramRoot, 'app.wxss'),
    { classPrefix: '', hostTag: 'wx-app' },
    'app.wxss',
  );
  const appModule = compiler.sourceFileOf('app.js') ? 'app.js' : null;
  // app.json "themeLocation": the @variables of the window and tabBar, resolved in the browser by its colour scheme.
  const themeLocation = typeof appJson.themeLocation === 'string' ? appJson.themeLocation : null;
  const theme = themeLocation === null ? null : readJsonFile(miniprogramRoot, themeLocation);
  const boot: {
    appJson: JsonObject;
    pages: string[];
    css: string;
    appModule: string | null;
    theme: JsonObject | null;
  } = {
    appJson,
    pages: allPagePaths(appJson),
    css,
    appModule,
    theme,
  };
  return `${appModule ? moduleDefinitions(compiler, [appModule]) : ''}\n__wxPreview.app(${JSON.stringify(boot)});\n`;
}

export class UnknownPageError extends Error {
  constructor(pagePath: string) {
    super(`app.json 里没有这个页面：${pagePath}`);
    this.name = 'UnknownPageError';
  }
}

export function pageScript(miniprogramRoot: string, compiler: ModuleCompiler, pagePath: string): string {
  const appJson = readAppJson(miniprogramRoot);
  if (!allPagePaths(appJson).includes(pagePath)) throw new UnknownPageError(pagePath);
  const components = componentTree(miniprogramRoot, pagePath, appJson);
  const modules = moduleDefinitions(
    compiler,
    components.map((component) => `${component.path}.js`).filter((id) => compiler.sourceFileOf(id) !== null),
  );
  return `${modules}\n__wxPreview.components(${JSON.stringify(components)});\n`;
}
