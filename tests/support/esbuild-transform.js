// Jest transform: TypeScript and the ES modules of miniprogram_npm (TDesign) -> CommonJS, via esbuild.
// One small transform instead of ts-jest/babel: esbuild is already the project's bundler.
const { transformSync } = require('esbuild');

module.exports = {
  process(source, filename) {
    const loader = filename.endsWith('.ts') ? 'ts' : 'js';
    const { code, map } = transformSync(source, {
      loader,
      format: 'cjs',
      target: 'node20',
      sourcemap: 'inline',
      sourcefile: filename,
    });
    return { code, map };
  },
};
