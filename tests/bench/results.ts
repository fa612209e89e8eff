/**
 * `npm run bench:results`: in Debian's Chromium against the built server, for a diagnostic of a
 * commune with all five questionnaires answered:
 * - the JavaScript (gzip -9) the results page loads before any click (budget ≤ 130 KB), against
 *   the home page measured in the same run;
 * - the PDF chunk loaded on the export click (budget ≤ 450 KB);
 * - the time from the click to the PDF file (median of 5; budget < 1.5 s), against a one-page
 *   PDF made by the same pdfmake in the same page, and the file size (budget < 1 MB);
 * - Lighthouse performance and accessibility scores of the home, answering and results pages
 *   (budget ≥ 0.95 and 1.0).
 */
import { statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import lighthouse from 'lighthouse';
import { ensureBuild } from '../../scripts/lib/build.ts';
import { BACKUP_FORMAT, BACKUP_VERSION } from '../../src/lib/domain/backup.ts';
import type { Question } from '../../src/lib/domain/questionnaire.ts';
import { loadCatalog } from '../../src/lib/server/catalog/load.ts';
import { chromiumArgs, chromiumPath } from '../support/chromium.ts';
import { freePort, startBuiltServer } from '../support/server.ts';

const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A full diagnostic of a commune as a backup file: every question answered, varied choices. */
function fullBackup(only?: string[], id = 'bench00000000000000000000000001'): string {
	const questionnaires = loadCatalog('questionnaires').questionnaires.filter(
		(q) => !only || only.includes(q.id)
	);
	const value = (q: Question, i: number) => {
		switch (q.kind) {
			case 'single':
				return { type: 'choice', choice: q.choices[i % q.choices.length]!.id };
			case 'multiple':
				return {
					type: 'choices',
					choices: q.choices.filter((_, j) => j % 2 === i % 2).map((c) => c.id)
				};
			case 'boolean':
				return { type: 'boolean', value: i % 2 === 0 };
			case 'scale':
				return { type: 'number', value: q.scale.min };
			case 'number':
				return { type: 'number', value: 10 };
			case 'text':
				return { type: 'text', value: 'RAS' };
		}
	};
	return JSON.stringify({
		format: BACKUP_FORMAT,
		formatVersion: BACKUP_VERSION,
		exportedAt: new Date().toISOString(),
		assessment: {
			id,
			createdAt: Date.now(),
			updatedAt: Date.now(),
			questionnaires: questionnaires.map((q) => ({ id: q.id, version: q.version }))
		},
		profile: {
			type: 'commune',
			name: 'Saint-Dié-des-Vosges',
			code: '88413',
			population: 19500,
			populationVintage: 2023,
			region: '44',
			agents: '250-999'
		},
		answers: questionnaires.flatMap((q) =>
			q.questions.map((question, i) => ({
				questionnaireId: q.id,
				questionId: question.id,
				response: value(question, i),
				...(i === 0 ? { comment: '« Sauvegardes testées — oui & non »' } : {})
			}))
		)
	});
}

/** gzip -9 bytes of every script a page loads, with the HTTP cache disabled. */
async function scripts(page: Page, action: () => Promise<unknown>): Promise<number> {
	const sizes: Promise<number>[] = [];
	const listener = (r: import('@playwright/test').Response) => {
		if (r.request().resourceType() === 'script')
			sizes.push(r.body().then((b) => gzipSync(b, { level: 9 }).length));
	};
	page.on('response', listener);
	await action();
	page.off('response', listener);
	return (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
}

async function fresh(context: BrowserContext) {
	const page = await context.newPage();
	await (
		await context.newCDPSession(page)
	).send('Network.setCacheDisabled', { cacheDisabled: true });
	return page;
}

if (!ensureBuild()) process.exit(1);
const server = await startBuiltServer({
	SQLITE_PATH: join(tmpdir(), `numeriscope-bench-results-${process.pid}.sqlite`)
});
const port = await freePort();
const profileDir = join(tmpdir(), `numeriscope-bench-chromium-${process.pid}`);
const context = await chromium.launchPersistentContext(profileDir, {
	executablePath: chromiumPath(),
	args: [...chromiumArgs, `--remote-debugging-port=${port}`],
	acceptDownloads: true
});
let ok = true;
try {
	// The diagnostic, imported as an officer would.
	const setup = await context.newPage();
	const file = join(tmpdir(), `bench-${process.pid}.json`);
	writeFileSync(file, fullBackup());
	await setup.goto(server.url + '/importer');
	await setup.getByLabel('Fichier de diagnostic (.json)').setInputFiles(file);
	await setup.getByRole('button', { name: 'Importer' }).click();
	await setup.waitForURL(/\/diagnostics\/bench/);
	const results = `${server.url}/diagnostics/bench00000000000000000000000001/resultats`;
	const answering = `${server.url}/diagnostics/bench00000000000000000000000001/questionnaires/cybersecurite`;

	const page = await fresh(context);
	const resultsJs = await scripts(page, async () => {
		await page.goto(results);
		await page.locator('.peer-note').first().waitFor();
		await page.waitForLoadState('networkidle');
	});
	const home = await fresh(context);
	const homeJs = await scripts(home, async () => {
		await home.goto(server.url + '/');
		await home.waitForLoadState('networkidle');
	});

	// The PDF: chunk on the first click, then the time of 5 exports.
	const times: number[] = [];
	let pdfJs = 0;
	let size = 0;
	for (let i = 0; i < 5; i++) {
		const t0 = Date.now();
		const run = async () => {
			const download = page.waitForEvent('download');
			await page.getByRole('button', { name: 'Télécharger le diagnostic (PDF)' }).click();
			const d = await download;
			times.push(Date.now() - t0);
			size = statSync(await d.path()).size;
		};
		if (i === 0) pdfJs = await scripts(page, run);
		else await run();
	}
	// Reference: the same export for a diagnostic with one short questionnaire (inclusion).
	await setup.goto(server.url + '/importer');
	writeFileSync(file, fullBackup(['inclusion'], 'bench00000000000000000000000002'));
	await setup.getByLabel('Fichier de diagnostic (.json)').setInputFiles(file);
	// The same territory: the importer offers to merge; this one is a new diagnostic.
	await setup.getByLabel('Créer un nouveau diagnostic').check();
	await setup.getByRole('button', { name: 'Importer' }).click();
	await setup.waitForURL(/\/diagnostics\/bench00000000000000000000000002/);
	await setup.goto(`${server.url}/diagnostics/bench00000000000000000000000002/resultats`);
	await setup.locator('.peer-note').first().waitFor();
	const small: number[] = [];
	for (let i = 0; i < 5; i++) {
		const t0 = Date.now();
		const download = setup.waitForEvent('download');
		await setup.getByRole('button', { name: 'Télécharger le diagnostic (PDF)' }).click();
		await download;
		small.push(Date.now() - t0);
	}

	console.log(
		`results bench (Chromium ${context.browser()?.version() ?? ''}, five questionnaires answered)`
	);
	console.log(
		`  JS of the results page before any click: ${kb(resultsJs)} (budget ≤ 130 KB); home page: ${kb(homeJs)}, ratio ${(resultsJs / homeJs).toFixed(2)}×`
	);
	console.log(`  PDF chunk loaded on the click: ${kb(pdfJs)} (budget ≤ 450 KB)`);
	console.log(
		`  PDF generation, click → file: median ${median(times)} ms over ${times.length} (first, with the chunk: ${times[0]} ms) (budget < 1500 ms)`
	);
	console.log(
		`  reference, one short questionnaire: median ${median(small)} ms; ratio ${(median(times) / median(small)).toFixed(2)}×`
	);
	console.log(`  PDF size: ${kb(size)} (budget < 1 MB)`);
	ok = resultsJs <= 130 * 1024 && pdfJs <= 450 * 1024 && median(times) < 1500 && size < 1024 * 1024;

	// Lighthouse in the same browser (same storage: the diagnostic is there).
	for (const [name, url] of [
		['home', server.url + '/'],
		['answering', answering],
		['results', results]
	] as const) {
		const result = await lighthouse(url, {
			port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: ['performance', 'accessibility'],
			disableStorageReset: true
		});
		const c = result?.lhr.categories;
		const perf = c?.['performance']?.score ?? 0;
		const a11y = c?.['accessibility']?.score ?? 0;
		console.log(
			`  Lighthouse ${name.padEnd(9)}: performance ${perf.toFixed(2)}, accessibility ${a11y.toFixed(2)} (budget ≥ 0.95 and 1.0)`
		);
		ok &&= perf >= 0.95 && a11y >= 1;
	}
} finally {
	await context.close();
	await server.stop();
}
console.log(ok ? '  within budget' : '  OVER BUDGET');
process.exitCode = ok ? 0 : 1;
