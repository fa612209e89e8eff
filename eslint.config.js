import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** What the pure domain may never import: frameworks, browser storage, charts, drivers, Node. */
const impureModules = [
	{ group: ['svelte', 'svelte/*'], message: 'src/lib/domain is framework-free.' },
	{
		group: ['$app/*', '$env/*', '$lib/server/*', '$lib/client/*'],
		message: 'src/lib/domain is framework-free.'
	},
	{
		group: ['dexie', 'chart.js', 'chart.js/*', 'pdfmake', 'pdfmake/*'],
		message: 'src/lib/domain has no browser code.'
	},
	{
		group: ['better-sqlite3', 'pg', 'kysely', 'kysely/*'],
		message: 'src/lib/domain has no database driver.'
	},
	{
		group: ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process'],
		message: 'src/lib/domain runs anywhere: no Node API.'
	}
];

export default ts.config(
	{ ignores: ['build/', '.svelte-kit/', 'src/lib/paraglide/', 'node_modules/', 'tests/artifacts/', 'test-results/'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			// Shallow routing rewrites the current page's own query string, already resolved.
			'svelte/no-navigation-without-resolve': ['error', { ignoreReplaceState: true }]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: ['src/lib/domain/**/*.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: impureModules }] }
	}
);
