// Bundles only: what @cloudbase/database takes from bson is EJSON (stringify queries, parse answers).
// bson's CommonJS build cannot be tree-shaken; re-exporting EJSON alone from its ES module build lets
// esbuild leave out the binary BSON serializer and deserializer (about 40 KB of each bundle).
// Listed in scripts/bundle-replacements.ts, which also points this file's `bson` at the ES module build.
export { EJSON } from 'bson';
