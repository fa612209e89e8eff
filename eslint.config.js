import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/*
 * Boundaries (docs/architecture.md, "Boundaries"). Each rule names the layer it protects; each
 * has a test in `scripts/lint-boundaries.test.ts` that feeds a violating import to ESLint.
 */

/** What the pure domain may never import: frameworks, browser storage, the PDF library, drivers, Node. */
const impureModules = [
	{ group: ['svelte', 'svelte/*'], message: 'src/lib/domain is framework-free.' },
	{
		group: [
			'$app/*',
			'$env/*',
			'$lib/server/*',
			'$lib/client/*',
			'$lib/components/*',
			'$lib/paraglide/*'
		],
		message: 'src/lib/domain is framework-free and returns codes, not texts.'
	},
	{
		// The same layers reached by a relative path (`../client/…`, `../../routes/…`).
		regex: '^(\\.\\.?/)+(lib/)?(client|server|components|paraglide)(/|$)',
		message: 'src/lib/domain is framework-free and returns codes, not texts.'
	},
	{ regex: '^(\\.\\./)+routes(/|$)', message: 'src/lib/domain knows no route.' },
	{
		group: ['dexie', 'pdfmake', 'pdfmake/*', 'docx'],
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

/** What draws never reads or writes: storage and the PDF library stay behind their adapters. */
const ioModules = [
	{
		group: ['dexie', 'dexie/*'],
		message: 'Only src/lib/client/storage opens the database; go through a state class.'
	},
	{
		// The radar is SVG drawn by Svelte from src/lib/client/chart (no chart library); pdfmake is
		// loaded on the export click by the PDF adapter only.
		group: ['pdfmake', 'pdfmake/*'],
		message: 'pdfmake is used only by the PDF adapter (src/lib/client/pdf), loaded on the click.'
	},
	{
		group: ['docx'],
		message: 'docx is used only by the DOCX adapter (src/lib/client/docx), loaded on the click.'
	}
];
const requestModules = {
	group: [
		'$lib/client/territories',
		'$lib/client/upgrade',
		'$lib/client/participation/api',
		'**/client/territories*',
		'**/client/upgrade*',
		'**/client/participation/api*'
	],
	allowTypeImports: true,
	message: 'A component does no I/O: its state class (src/lib/client/state) makes the request.'
};
const storageModules = {
	group: ['$lib/client/storage/*', '**/client/storage/*'],
	// Types (`Diagnostic`, `StoredProfile`) are data, not I/O.
	allowTypeImports: true,
	message:
		'A component does no I/O: a state class (src/lib/client/state) reads and writes the store.'
};

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'node_modules/',
			'tests/artifacts/',
			'test-results/'
		]
	},
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
			// Shallow routing rewrites the current page's own query string, already resolved. Links
			// and goto() keep the language with `localHref(resolve(…))` ($lib/messages/href), typed
			// as a resolved path, which this rule accepts.
			'svelte/no-navigation-without-resolve': ['error', { ignoreReplaceState: true }]
		}
	},
	{
		// Type-aware rules: a promise nobody awaits loses its error (a failed save shown as saved).
		files: [
			'**/*.svelte',
			'**/*.svelte.ts',
			'**/*.svelte.js',
			'src/**/*.ts',
			'scripts/**/*.ts',
			'tests/**/*.ts',
			'*.ts'
		],
		languageOptions: {
			parserOptions: {
				projectService: {
					// Kit's tsconfig leaves out the service worker (it has its own types).
					allowDefaultProject: ['src/service-worker.ts', 'playwright.config.ts']
				},
				tsconfigRootDir: import.meta.dirname,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		},
		rules: {
			'@typescript-eslint/no-floating-promises': 'error',
			'@typescript-eslint/no-misused-promises': [
				'error',
				// Svelte event handlers may be async: the component awaits nothing either way.
				{ checksVoidReturn: { attributes: false } }
			]
		}
	},
	{
		files: ['src/lib/domain/**/*.ts'],
		rules: { 'no-restricted-imports': ['error', { patterns: impureModules }] }
	},
	{
		files: ['src/lib/components/**', 'src/routes/**/*.svelte'],
		rules: {
			'no-restricted-imports': 'off',
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{ patterns: [...ioModules, storageModules, requestModules] }
			]
		}
	},
	{
		// Loads (`+page.ts`) read the store: that is their job. They still never touch Dexie or pdfmake.
		files: ['src/routes/**/*.ts'],
		rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: ioModules }] }
	}
);
