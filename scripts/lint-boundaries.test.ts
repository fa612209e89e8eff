import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it, vi } from 'vitest';

/*
 * The boundaries of docs/architecture.md are enforced by eslint.config.js; these cases feed the
 * real configuration a violating file (under the path of an existing file, so that the type-aware
 * parser finds it in the project) and check that the right rule reports it — and that the allowed
 * forms pass.
 */

// Type-aware linting takes about a second a case, more on a loaded machine.
vi.setConfig({ testTimeout: 30_000 });

let eslint: ESLint;
beforeAll(async () => {
	eslint = new ESLint({ cwd: process.cwd() });
	// The first type-aware lint starts TypeScript's project service (seconds on a shared machine).
	await eslint.lintText('export {};\n', { filePath: 'src/lib/domain/progress.ts' });
	await eslint.lintText('<script lang="ts"></script>\n', { filePath: 'src/routes/+page.svelte' });
}, 120_000);

const BOUNDARY_RULES = new Set([
	'no-restricted-syntax',
	'svelte/no-navigation-without-resolve',
	'no-restricted-imports',
	'@typescript-eslint/no-restricted-imports',
	'@typescript-eslint/no-floating-promises',
	'@typescript-eslint/no-misused-promises'
]);

/** The boundary findings of `code` linted as if it were `file`: `rule@line`. */
async function findings(file: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: file });
	return (result?.messages ?? [])
		.filter((m) => m.ruleId && BOUNDARY_RULES.has(m.ruleId))
		.map((m) => `${m.ruleId}@${m.line}`);
}

const svelte = (script: string) => `<script lang="ts">\n${script}\n</script>\n`;

describe('the domain guard', () => {
	const file = 'src/lib/domain/progress.ts';

	it.each([
		'../client/storage/db.ts',
		'../client/id.ts',
		'../server/config.ts',
		'../components/SaveStatus.svelte',
		'../paraglide/messages.js',
		'../../routes/+page.svelte',
		'../../lib/client/id.ts',
		'$lib/client/id',
		'$lib/paraglide/messages',
		'$lib/components/SaveStatus.svelte',
		'dexie',
		'node:fs'
	])('reports an import of %s', async (source) => {
		expect(await findings(file, `import * as x from '${source}';\nexport const y = x;\n`)).toEqual([
			'no-restricted-imports@1'
		]);
	});

	it('lets the domain import itself', async () => {
		expect(
			await findings(file, `import * as x from './scoring.ts';\nexport const y = x;\n`)
		).toEqual([]);
	});
});

describe('components and route pages do no I/O', () => {
	const files = ['src/lib/components/SaveStatus.svelte', 'src/routes/+page.svelte'];

	it.each(
		files.flatMap((file) =>
			[
				`import Dexie from 'dexie'; void Dexie;`,
				`import pdfMake from 'pdfmake/build/pdfmake'; void pdfMake;`,
				`import { Packer } from 'docx'; void Packer;`,
				`import { repository } from '$lib/client/storage/repository'; void repository;`,
				`import { database } from '../client/storage/db'; void database;`,
				`import { searchTerritories } from '$lib/client/territories'; void searchTerritories;`,
				`import { applyUpgrade } from '$lib/client/upgrade'; void applyUpgrade;`
			].map((code) => [file, code] as const)
		)
	)('%s: reports %s', async (file, code) => {
		expect(await findings(file, svelte(code))).toEqual([
			'@typescript-eslint/no-restricted-imports@2'
		]);
	});

	it('allows the storage types (data, not I/O)', async () => {
		const code = `import type { Diagnostic } from '$lib/client/storage/repository';\nlet d: Diagnostic | null = null; void d;`;
		expect(await findings('src/lib/components/SaveStatus.svelte', svelte(code))).toEqual([]);
	});

	it('lets a load read the store, but never through Dexie', async () => {
		const file = 'src/routes/diagnostics/[id]/+page.ts';
		expect(
			await findings(
				file,
				`import { repository } from '$lib/client/storage/repository';\nvoid repository;\n`
			)
		).toEqual([]);
		expect(await findings(file, `import Dexie from 'dexie';\nvoid Dexie;\n`)).toEqual([
			'@typescript-eslint/no-restricted-imports@1'
		]);
	});

	it('leaves pdfmake to the PDF adapter', async () => {
		expect(
			await findings(
				'src/lib/client/pdf/generate.ts',
				`import pdfMake from 'pdfmake/build/pdfmake';\nexport const p = pdfMake;\n`
			)
		).toEqual([]);
	});
});

describe('internal links keep the base path and the language', () => {
	const file = 'src/lib/components/SaveStatus.svelte';
	const head = `import { goto } from '$app/navigation';\nimport { resolve } from '$app/paths';\nimport { localHref } from '$lib/messages/href';\nconst id = 'x';`;

	it.each([
		['a typed path', `<a href="/diagnostics">x</a>`],
		['a template path', '<a href={`/diagnostics/${id}`}>x</a>'],
		['goto with a typed path', `<button onclick={() => goto('/')}>x</button>`]
	])('reports %s', async (_, markup) => {
		expect(await findings(file, svelte(head) + markup)).toHaveLength(1);
	});

	it('accepts localHref(resolve(…)) and external links', async () => {
		const markup = `<a href={localHref(resolve('/diagnostics/[id]', { id }))}>x</a>\n<a href="https://www.cnil.fr">y</a>\n<button onclick={() => goto(localHref(resolve('/')))}>z</button>`;
		expect(await findings(file, svelte(head) + markup)).toEqual([]);
	});
});

describe('type-aware lint covers TypeScript modules', () => {
	it.each([
		'src/lib/client/upgrade.ts',
		'src/lib/server/config.ts',
		'scripts/start.ts',
		'tests/support/api.ts'
	])('reports a floating promise in %s', async (file) => {
		const code = `export async function f(): Promise<void> {}\nf();\n`;
		expect(await findings(file, code)).toEqual(['@typescript-eslint/no-floating-promises@2']);
	});

	it('accepts an awaited or explicitly ignored promise', async () => {
		const code = `export async function f(): Promise<void> {}\nawait f();\nvoid f();\n`;
		expect(await findings('src/lib/client/upgrade.ts', code)).toEqual([]);
	});
});
