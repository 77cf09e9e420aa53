// ESLint rule `house/import-boundaries`: a file in a bounded folder may import (at run time) only from
// the folders its boundary allows. The boundaries themselves are declared once, in eslint.config.js.
// Paths are resolved (not matched as text), so `../../../core/x` from any depth is caught.
// Type-only imports are erased by tsc and esbuild, so they may cross any boundary.
// Bare specifiers (npm packages) are not this rule's business.
const path = require('node:path');

const PROJECT_ROOT = path.resolve(__dirname, '..', '..');

/** 'a/b/c.ts' is inside folder 'a/b' and inside 'a'. */
const isInside = (relative, folder) => relative === folder || relative.startsWith(`${folder}/`);

const toProjectPath = (absolute) => path.relative(PROJECT_ROOT, absolute).split(path.sep).join('/');

const isTypeOnly = (node) =>
  node.importKind === 'type' ||
  node.exportKind === 'type' ||
  (Array.isArray(node.specifiers) &&
    node.specifiers.length > 0 &&
    node.specifiers.every((specifier) => specifier.importKind === 'type' || specifier.exportKind === 'type'));

/** @type {import('eslint').Rule.RuleModule} */
const importBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports stay inside the boundaries declared in eslint.config.js' },
    schema: [
      {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            from: { type: 'array', items: { type: 'string' } },
            allow: { type: 'array', items: { type: 'string' } },
            why: { type: 'string' },
          },
          required: ['from', 'allow', 'why'],
          additionalProperties: false,
        },
      },
    ],
    messages: {
      outside: '{{file}} may not import {{target}}: {{why}} (allowed: {{allowed}}; see docs/architecture.md)',
    },
  },
  create(context) {
    const file = toProjectPath(context.filename);
    const boundary = (context.options[0] ?? []).find((rule) => rule.from.some((folder) => isInside(file, folder)));
    if (!boundary) return {};

    const check = (node, sourceNode) => {
      if (!sourceNode || typeof sourceNode.value !== 'string') return;
      const specifier = sourceNode.value;
      if (!specifier.startsWith('.') && !path.isAbsolute(specifier)) return;
      const target = toProjectPath(path.resolve(path.dirname(context.filename), specifier));
      if (boundary.allow.some((folder) => isInside(target, folder))) return;
      context.report({
        node: sourceNode,
        messageId: 'outside',
        data: { file, target, why: boundary.why, allowed: boundary.allow.join(', ') },
      });
    };

    return {
      ImportDeclaration(node) {
        if (!isTypeOnly(node)) check(node, node.source);
      },
      ExportNamedDeclaration(node) {
        if (node.source && !isTypeOnly(node)) check(node, node.source);
      },
      ExportAllDeclaration(node) {
        if (node.exportKind !== 'type') check(node, node.source);
      },
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source);
      },
      CallExpression(node) {
        const [argument] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && argument?.type === 'Literal')
          check(node, argument);
      },
    };
  },
};

module.exports = { rules: { 'import-boundaries': importBoundaries } };
