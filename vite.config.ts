import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { catalogPlugin } from './src/lib/server/catalog/vite-plugin.ts';
import { chunkGroups, svelteExtras } from './scripts/lib/chunks.ts';

export default defineConfig({
	plugins: [
		// The message catalog (messages/fr.json, messages/en.json) compiled to typed, tree-shaken
		// functions. The language is the address's: `/en/…` is English, the rest French; the
		// switch's choice is remembered by the server (src/lib/server/http/language.ts).
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['url', 'baseLocale'],
			emitGitIgnore: false,
			emitPrettierIgnore: false
		}),
		catalogPlugin(),
		sveltekit(),
		{
			// A chunk group that leaves its modules' dependencies to other groups (`svelte-extras`,
			// scripts/lib/chunks.ts) needs entries that may export more than their own names; its
			// modules have no side effects, so the chunks that do not call them do not import them.
			name: 'chunk-groups',
			options: (options) => ({ ...options, preserveEntrySignatures: 'allow-extension' }),
			transform: (code, id) =>
				svelteExtras.test(id) ? { code, map: null, moduleSideEffects: false } : undefined
		}
	],
	build: {
		sourcemap: process.env['SOURCEMAP'] === '1',
		// No preload helper in the JavaScript (~0.6 KB gzip on every page). A page rendered on the
		// server gets a `<link rel="modulepreload">` for each of its chunks in its HTML; a page
		// rendered in the browser only (the diagnostic pages) and a client-side navigation load a
		// route's node, then its imports, in one more step (Kit starts on hover or tap). Measured
		// with `npm run bench:results`: Lighthouse's LCP of the answering and results pages did not
		// move (1.1 and 1.2 s). CSS of lazy modules is still loaded by the bundler.
		modulePreload: false,
		rollupOptions: { output: { codeSplitting: { groups: chunkGroups } } }
	},
	resolve: {
		// Dexie's default entry wraps its ES5/UMD build for CommonJS interop; the ESM "modern"
		// build is ~2 KB (gzip) lighter on every page that stores answers.
		alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }]
	},
	test: {
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['src/**/*.test.ts', 'tests/content/**/*.test.ts', 'scripts/**/*.test.ts'],
					environment: 'node'
				}
			},
			{
				extends: true,
				test: {
					// The benchmark store against real SQLite and PostgreSQL (started by the tests).
					name: 'store',
					include: ['tests/store/**/*.test.ts'],
					environment: 'node',
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			},
			{
				extends: true,
				test: {
					name: 'http',
					include: ['tests/http/**/*.test.ts'],
					environment: 'node',
					testTimeout: 30_000,
					hookTimeout: 60_000
				}
			}
		]
	}
});
