// Lint, and the import boundaries between the places code runs (see ARCHITECTURE.md).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const nodeOnlyPackages = ['better-sqlite3', 'exceljs', 'pdfmake', 'fontkit', 'tsx', 'esbuild'];

const restrict = (message, names, patterns = []) => [
  'error',
  {
    paths: names.map((name) => ({ name, message })),
    patterns: patterns.map((group) => ({ group: [group], message })),
  },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', 'test-results/**', 'playwright-report/**', 'artifacts/**', '*.tmp.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict('shared/ runs anywhere: no Node, no Electron, no DOM libraries.', [...nodeBuiltins, 'electron', 'react', 'react-dom', 'antd', ...nodeOnlyPackages], ['node:*']),
    },
  },
  {
    files: ['electron/services/**/*.ts', 'electron/cli/**/*.ts', 'electron/web/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict('Services, the command line and the harness run in plain Node: never import electron.', ['electron', 'react', 'react-dom', 'antd']),
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict('The sandboxed preload may import only shared/ and electron (contextBridge, ipcRenderer).', [...nodeBuiltins, ...nodeOnlyPackages, 'react', 'antd'], ['node:*', '../services/*', '../main/*']),
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': restrict('The renderer is a web page: never Node or Electron; talk to main through the client.', [...nodeBuiltins, 'electron', ...nodeOnlyPackages], ['node:*', '**/electron/**']),
    },
  },
);
