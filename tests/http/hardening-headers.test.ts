/**
 * Every response carries the security headers, the static files adapter-node serves before the
 * app included (`/_app/…`, the service worker, the prerendered questionnaire JSON), and HSTS
 * when the site's public address (ORIGIN) is https.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltServer, type RunningServer } from '../support/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'numeriscope-headers-'));
let plain: RunningServer;
let https: RunningServer;
beforeAll(async () => {
	[plain, https] = await Promise.all([
		startBuiltServer({ SQLITE_PATH: join(dir, 'a.sqlite'), DEMO_DATA: 'off' }),
		startBuiltServer({
			SQLITE_PATH: join(dir, 'b.sqlite'),
			DEMO_DATA: 'off',
			ORIGIN: 'https://observatoire.example.org'
		})
	]);
});
afterAll(async () => {
	await Promise.all([plain?.stop(), https?.stop()]);
	rmSync(dir, { recursive: true, force: true });
});

/** The static files to check: fixed ones, plus a script and a style sheet the home page names. */
async function staticPaths(url: string): Promise<string[]> {
	const home = await fetch(url + '/');
	const named = [...(home.headers.get('link') ?? '').matchAll(/<(\/_app\/immutable\/[^>]+)>/g)];
	const script = named.map((m) => m[1]!).find((p) => p.endsWith('.js'));
	const style = named.map((m) => m[1]!).find((p) => p.endsWith('.css'));
	expect(script).toBeDefined();
	expect(style).toBeDefined();
	return [
		'/_app/version.json',
		script!,
		style!,
		'/service-worker.js',
		'/api/questionnaires/donnees/v1.json',
		'/api/catalog.json',
		'/favicon.svg'
	];
}

const common = {
	'x-content-type-options': 'nosniff',
	'referrer-policy': 'no-referrer',
	'cross-origin-resource-policy': 'same-origin'
};

describe('static files served before the app', () => {
	it('carry the security headers, once each, compressed or not', async () => {
		const problems: string[] = [];
		for (const path of await staticPaths(plain.url))
			for (const headers of [{}, { 'accept-encoding': 'br, gzip' }] as Record<string, string>[]) {
				const res = await fetch(plain.url + path, { headers });
				expect(res.status, path).toBe(200);
				const seen = Object.fromEntries(Object.keys(common).map((h) => [h, res.headers.get(h)]));
				if (JSON.stringify(seen) !== JSON.stringify(common))
					problems.push(`${path} ${JSON.stringify(headers)}: ${JSON.stringify(seen)}`);
				if (res.headers.has('strict-transport-security'))
					problems.push(`${path}: HSTS without an https ORIGIN`);
				await res.arrayBuffer();
			}
		expect(problems).toEqual([]);
	});

	it('carry them on a 304 too, but never a CSP or a document header (the browser would merge them into what it kept)', async () => {
		const problems: string[] = [];
		for (const path of [...(await staticPaths(plain.url)), '/']) {
			const identity = { 'accept-encoding': 'identity' };
			const etag = (await fetch(plain.url + path, { headers: identity })).headers.get('etag');
			expect(etag, path).toBeTruthy();
			const again = await fetch(plain.url + path, {
				headers: { ...identity, 'if-none-match': etag! }
			});
			if (again.status !== 304 || again.headers.get('x-content-type-options') !== 'nosniff')
				problems.push(`${path}: ${again.status} ${again.headers.get('x-content-type-options')}`);
			for (const header of ['content-security-policy', 'x-frame-options', 'permissions-policy'])
				if (again.headers.has(header)) problems.push(`${path}: 304 with ${header}`);
		}
		expect(problems).toEqual([]);
	});

	it('JSON and images may neither run nor embed anything; scripts get no CSP (it would bind the service worker)', async () => {
		for (const path of [
			'/_app/version.json',
			'/api/questionnaires/donnees/v1.json',
			'/favicon.svg'
		])
			expect((await fetch(plain.url + path)).headers.get('content-security-policy'), path).toMatch(
				/^default-src 'none'/
			);
		const worker = await fetch(plain.url + '/service-worker.js');
		expect(worker.headers.get('content-type')).toMatch(/javascript/);
		expect(worker.headers.get('content-security-policy')).toBeNull();
	});
});

describe('with an https ORIGIN', () => {
	it('every response carries HSTS: static files, pages, API answers and errors', async () => {
		const paths = [
			...(await staticPaths(https.url)),
			'/',
			'/api/benchmarks?questionnaire=donnees&version=1&type=commune',
			'/api/benchmarks?questionnaire=inconnu',
			'/api/nulle-part',
			'/page-inexistante'
		];
		const missing: string[] = [];
		for (const path of paths) {
			const res = await fetch(https.url + path);
			if (res.headers.get('strict-transport-security') !== 'max-age=31536000; includeSubDomains')
				missing.push(`${path} (${res.status})`);
			if (res.headers.get('x-content-type-options') !== 'nosniff') missing.push(`${path}: nosniff`);
		}
		expect(missing).toEqual([]);
	});

	it('pages keep their document headers', async () => {
		const res = await fetch(https.url + '/');
		expect(res.headers.get('content-type')).toMatch(/^text\/html/);
		expect(res.headers.get('x-frame-options')).toBe('DENY');
		expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
		expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
	});
});
