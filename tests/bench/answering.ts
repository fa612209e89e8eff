/**
 * `npm run bench:answering`: in Debian's Chromium against the built server,
 * 1. the time from a click on a choice to the answer committed in IndexedDB (the page's
 *    "enregistré" state comes after Dexie's transaction completes), median and p99 over 500
 *    clicks (budget: median < 5 ms, p99 < 20 ms), against a reference measured in the same page:
 *    a bare IndexedDB put with the same durability;
 * 2. the JavaScript (gzip -9 of every script the page loads) of the answering page (budget:
 *    ≤ 75 KB, issue 10 with the message catalog in), against the home page measured in the same run.
 * Each budget gets a PASS or FAIL line; the exit code is 1 when one fails.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { ensureBuild } from '../../scripts/lib/build.ts';
import { chromiumArgs, chromiumPath } from '../support/chromium.ts';
import { scriptWeight, uncachedPage } from './lib/script-weight.ts';
import { startBuiltServer } from '../support/server.ts';

const CLICKS = 500;

function quantile(sorted: number[], q: number): number {
	const i = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
	return sorted[Math.max(0, i)]!;
}

/** The scripts a page loads from its URL until `ready`, then the network is idle. */
async function pageWeight(
	context: BrowserContext,
	url: string,
	ready: (p: Page) => Promise<unknown>
) {
	const page = await uncachedPage(context);
	const weight = await scriptWeight(page, async () => {
		await page.goto(url);
		await ready(page);
		await page.waitForLoadState('networkidle');
	});
	await page.close();
	return weight;
}

if (!ensureBuild()) process.exit(1);
const server = await startBuiltServer({
	SQLITE_PATH: join(tmpdir(), `numeriscope-bench-${process.pid}.sqlite`)
});
const browser = await chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
try {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto(server.url + '/diagnostics/nouveau');
	await page.getByLabel('Rechercher votre collectivité').fill('Nancy');
	await page.getByRole('button', { name: /^Nancy Commune/ }).click();
	await page.getByLabel('Nombre d’agents').selectOption('1000+');
	await page.getByRole('button', { name: 'Créer le diagnostic' }).click();
	await page.waitForURL(/\/diagnostics\/[0-9a-f]{32}$/);
	const answeringUrl = `${page.url()}/questionnaires/cybersecurite`;
	await page.goto(answeringUrl);
	await page.locator('fieldset.question').first().waitFor();

	// tsx (esbuild) names functions with a `__name` helper that the page does not have.
	await page.evaluate('globalThis.__name = (f) => f');
	const timings = await page.evaluate(async (clicks) => {
		const status = document.querySelector<HTMLElement>('.save-status')!;
		const radios = [
			...document
				.querySelectorAll<HTMLInputElement>('fieldset.question')[0]!
				.querySelectorAll<HTMLInputElement>('input[type=radio]')
		].slice(0, 2);
		const saved = () =>
			new Promise<void>((resolve) => {
				let sawSaving = false;
				const observer = new MutationObserver(() => {
					if (status.dataset['state'] === 'saving') sawSaving = true;
					else if (sawSaving && status.dataset['state'] === 'saved') {
						observer.disconnect();
						resolve();
					}
				});
				observer.observe(status, { attributes: true, attributeFilter: ['data-state'] });
			});
		const app: number[] = [];
		for (let i = 0; i < clicks; i++) {
			const done = saved();
			const t0 = performance.now();
			radios[i % 2]!.click();
			await done;
			app.push(performance.now() - t0);
		}
		// Reference: the same write with IndexedDB alone.
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const r = indexedDB.open('bench-reference', 1);
			r.onupgradeneeded = () => r.result.createObjectStore('answers');
			r.onsuccess = () => resolve(r.result);
			r.onerror = () => reject(r.error);
		});
		const bare: number[] = [];
		for (let i = 0; i < clicks; i++) {
			const t0 = performance.now();
			await new Promise<void>((resolve, reject) => {
				const tx = db.transaction('answers', 'readwrite', { durability: 'strict' });
				tx.objectStore('answers').put(
					{ response: { type: 'choice', choice: `c${i % 2}` }, updatedAt: Date.now() },
					'q'
				);
				tx.oncomplete = () => resolve();
				tx.onerror = () => reject(tx.error);
			});
			bare.push(performance.now() - t0);
		}
		db.close();
		return { app, bare };
	}, CLICKS);

	const app = [...timings.app].sort((a, b) => a - b);
	const bare = [...timings.bare].sort((a, b) => a - b);
	const answeringJs = await pageWeight(context, answeringUrl, (p) =>
		p.locator('fieldset.question').first().waitFor()
	);
	const homeJs = await pageWeight(context, server.url + '/', (p) =>
		p.getByRole('heading', { name: 'Mes diagnostics' }).waitFor()
	);

	const ms = (x: number) => x.toFixed(2);
	const kb = (b: number) => (b / 1024).toFixed(1);
	const median = quantile(app, 0.5);
	const p99 = quantile(app, 0.99);
	console.log(`answering bench (Chromium ${browser.version()}, ${CLICKS} clicks)`);
	console.log(
		`  click → committed in IndexedDB: median ${ms(median)} ms, p99 ${ms(p99)} ms (budget: median < 5 ms, p99 < 20 ms)`
	);
	console.log(
		`  reference, bare IndexedDB put:  median ${ms(quantile(bare, 0.5))} ms, p99 ${ms(quantile(bare, 0.99))} ms`
	);
	console.log(`  ratio app / bare (median): ${(median / quantile(bare, 0.5)).toFixed(2)}×`);
	console.log(
		`  JS of the answering page: ${kb(answeringJs.bytes)} KB gzip in ${answeringJs.files} files (budget ≤ 75 KB)`
	);
	console.log(
		`  reference, JS of the home page: ${kb(homeJs.bytes)} KB gzip in ${homeJs.files} files; ratio ${(answeringJs.bytes / homeJs.bytes).toFixed(2)}×`
	);
	const budgets = [
		['click → committed, median', median < 5, `${ms(median)} ms < 5 ms`],
		['click → committed, p99', p99 < 20, `${ms(p99)} ms < 20 ms`],
		['answering page JS', answeringJs.bytes <= 75 * 1024, `${kb(answeringJs.bytes)} KB ≤ 75 KB`]
	] as const;
	for (const [name, pass, detail] of budgets)
		console.log(`  ${pass ? 'PASS' : 'FAIL'} ${name}: ${detail}`);
	const ok = budgets.every(([, pass]) => pass);
	console.log(ok ? '  within budget' : '  OVER BUDGET');
	process.exitCode = ok ? 0 : 1;
} finally {
	await browser.close();
	await server.stop();
}
