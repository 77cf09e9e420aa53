/**
 * Put a freshly built function bundle in place without a moment where it is missing: a functions host
 * running beside the build (npm start) may load `<outDir>/index.js` at any time. Each file of the new
 * bundle is renamed over the old one (rename(2) replaces atomically), index.js last, so the entry is
 * always a complete file, old or new; files the new bundle no longer has are removed afterwards.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** Where a bundle is built before it is published: beside its final folder, hidden from the host. */
export function stagingDirOf(outDir: string): string {
  return path.join(path.dirname(outDir), `.${path.basename(outDir)}.next`);
}

export function publishBundle(stagingDir: string, outDir: string): void {
  mkdirSync(outDir, { recursive: true });
  const files = readdirSync(stagingDir).sort((a, b) => Number(a === 'index.js') - Number(b === 'index.js'));
  for (const file of files) renameSync(path.join(stagingDir, file), path.join(outDir, file));
  for (const stale of readdirSync(outDir)) {
    if (!files.includes(stale)) rmSync(path.join(outDir, stale), { recursive: true, force: true });
  }
  if (existsSync(stagingDir)) rmSync(stagingDir, { recursive: true, force: true });
}
