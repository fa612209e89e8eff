import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';
import { catalogPlugin } from './src/lib/server/catalog/vite-plugin.ts';
import { chunkGroups } from './scripts/lib/chunks.ts';

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
		sveltekit()
	],
	build: {
		sourcemap: process.env['SOURCEMAP'] === '1',
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
