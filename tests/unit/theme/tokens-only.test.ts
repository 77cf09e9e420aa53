// Dark mode reaches every page and component only if they colour through app.wxss's tokens: a colour
// literal anywhere else would stay light in the dark theme. (A literal as a var() fallback is fine.)
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../miniprogram');

function wxssFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'miniprogram_npm' ? [] : wxssFiles(full);
    return entry.name.endsWith('.wxss') && full !== path.join(ROOT, 'app.wxss') ? [full] : [];
  });
}

const COLOUR = /#[0-9a-f]{3,8}\b|\brgba?\(|\bhsla?\(/gi;

it.each(wxssFiles(ROOT).map((file) => [path.relative(ROOT, file)]))('%s colours only through tokens', (file) => {
  const css = readFileSync(path.join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    // var(--token, #fallback): the fallback only applies where app.wxss is missing (a component previewed alone).
    .replace(/var\(--[a-z-]+,\s*[^)]*\)/gi, 'var()');
  const literals = css.match(COLOUR) ?? [];
  // The banner's outline is white at 70% on the banner, whatever the theme: the one allowed literal.
  const allowed = file === path.join('pages', 'home', 'index.wxss') ? ['rgba('] : [];
  expect(literals.filter((literal) => !allowed.includes(literal))).toEqual([]);
});
