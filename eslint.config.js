// Flat config: typescript-eslint (type-checked), eslint-plugin-svelte, and the layer
// rules of DESIGN.md enforced with no-restricted-imports (see LAYERS below).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const ELECTRON = {
  regex: '^(electron|electron-store)(/.*)?$',
  message: 'electron and electron-store may only be imported in main/index.ts and main/app/** (and electron in preload/).',
};
const NODE_BUILTIN = {
  regex: `^(node:|(${builtinModules.filter((m) => !m.startsWith('_')).join('|')})(/|$))`,
  message: 'This layer runs without Node: no Node built-in (node:* or bare).',
};
const INTO_MAIN = {
  regex: '^(\\.\\./)+main(/|$)',
  message: 'The renderer and the preload never import main/**: go through the contract in common/.',
};
const INTO_PRELOAD = {
  regex: '^(\\.\\./)+preload(/|$)',
  message: 'Nothing imports preload/**: it is an entry point.',
};
const INTO_RENDERER = {
  regex: '^(\\.\\./)+renderer(/|$)',
  message: 'Only the renderer (and its tests) import renderer/**.',
};
/** Pure libraries common/ may use: no I/O, no Node, no DOM (zod: the boundary schemas). */
const COMMON_PACKAGES = ['zod'];
const COMMON_ONLY_PURE = {
  regex: `^(?!\\.{1,2}/|(${COMMON_PACKAGES.join('|')})(/|$))`,
  message: `common/ is pure: it imports only common/ (and ${COMMON_PACKAGES.join(', ')}), no package, no node:*.`,
};
const OUT_OF_COMMON = {
  regex: '^(\\.\\./)+(main|renderer|preload|test|bench|scripts)(/|$)',
  message: 'common/ imports only from common/.',
};
const PRELOAD_ONLY = {
  regex: '^(?!electron$|\\.{1,2}/)',
  message: 'The preload imports only electron and common/.',
};

// typescript-eslint's version of the rule: same options, plus allowTypeImports per pattern.
const restrict = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });

/** Later entries override earlier ones for the files they match. */
const LAYERS = [
  // Everywhere by default: no Electron, no reaching into the renderer or the preload.
  { files: ['**/*.{ts,js,mjs,svelte}'], rules: restrict(ELECTRON, INTO_PRELOAD, INTO_RENDERER) },
  // The Electron shell: Electron allowed.
  { files: ['main/index.ts', 'main/app/**'], rules: restrict(INTO_PRELOAD, INTO_RENDERER) },
  { files: ['common/**'], rules: restrict(COMMON_ONLY_PURE, OUT_OF_COMMON) },
  { files: ['renderer/**'], rules: restrict(ELECTRON, NODE_BUILTIN, INTO_MAIN, INTO_PRELOAD) },
  { files: ['preload/**'], rules: restrict(PRELOAD_ONLY, INTO_MAIN, INTO_RENDERER) },
  // Tests exercise every layer (the preload bridge, renderer modules); Electron stays mocked,
  // so only its types may be imported.
  { files: ['test/**'], rules: restrict({ ...ELECTRON, allowTypeImports: true }) },
  // Renderer tests render components: they may import renderer/**, never main/ or Node.
  { files: ['test/unit/renderer/**'], rules: restrict(ELECTRON, NODE_BUILTIN, INTO_MAIN, INTO_PRELOAD) },
];

export default defineConfig(
  { ignores: ['out/', 'dist/', 'node_modules/', 'coverage/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ts.configs.recommendedTypeChecked,
  svelte.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
      globals: { ...globals.node },
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } },
  },
  { files: ['renderer/**', 'test/unit/renderer/**'], languageOptions: { globals: { ...globals.browser } } },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // A switch over a union ends in a `never` check (DESIGN rule 10) or a default.
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true, requireDefaultForNonUnion: false },
      ],
      // Style, not bugs: shown, but they do not fail the build.
      '@typescript-eslint/no-unnecessary-type-assertion': 'warn',
      '@typescript-eslint/no-redundant-type-constituents': 'warn',
      // An async method implementing an async interface may have nothing to await.
      '@typescript-eslint/require-await': 'off',
      // The XML codec and the terminal tools strip control characters on purpose.
      'no-control-regex': 'off',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  // Plain JavaScript (scripts, config files) is outside tsconfig: lint it without types.
  { files: ['**/*.{js,mjs,cjs}'], extends: [ts.configs.disableTypeChecked] },
  ...LAYERS,
);
