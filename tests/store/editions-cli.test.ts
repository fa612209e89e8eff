/** `observatory publish <year>` on a real SQLite store: what it prints and when it refuses. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/lib/domain/catalog.ts';
import { questionnaire, single } from '../../src/lib/domain/testing.ts';
import { publishCommand } from '../../src/lib/server/editions/cli.ts';
import { CliError, runObservatory } from '../../src/lib/server/participation/cli.ts';
import { insertCampaign } from '../../src/lib/server/store/campaigns.ts';
import { insertContributions } from '../../src/lib/server/store/editions.ts';
import { openSqliteStore } from '../../src/lib/server/store/sqlite.ts';
import type { BenchmarkStore } from '../../src/lib/server/store/types.ts';
import { loadConfig } from '../../src/lib/server/config.ts';

const catalog = createCatalog([
	questionnaire([single('q1', [0, 100], { theme: 'a' })], { id: 'x' })
]);
let dir: string;
let store: BenchmarkStore;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'numeriscope-publish-'));
	store = await openSqliteStore(join(dir, 'store.sqlite'));
	await insertCampaign(store.db, {
		year: 2026,
		collects: [{ questionnaire: 'x', version: 1 }],
		closes: null,
		status: 'open',
		synthetic: false
	});
});
afterAll(async () => {
	await store.close();
	rmSync(dir, { recursive: true, force: true });
});

async function run(...args: string[]) {
	const out: string[] = [];
	const err: string[] = [];
	const config = loadConfig({ BENCHMARK_K: '5' });
	await publishCommand(
		args,
		{ store, catalog, config },
		{
			out: (l) => out.push(l),
			err: (l) => err.push(l)
		}
	);
	return { out, err };
}

/** `observatory status 2026`, as the operator reads it. */
async function status() {
	const out: string[] = [];
	const err: string[] = [];
	const config = loadConfig({ BENCHMARK_K: '5' });
	await runObservatory(
		['status', '2026'],
		{ store, catalog, config, where: 'test' },
		{
			out: (l) => out.push(l),
			err: (l) => err.push(l),
			readFile: () => '',
			now: () => new Date()
		}
	);
	return { out, err };
}

describe('observatory publish', () => {
	it('publishes nothing before the first contribution', async () => {
		expect(await run('2026')).toEqual({
			out: [],
			err: ['campaign 2026: no contribution yet; no edition published']
		});
	});

	it('prints the edition number and its cell counts, then says when nothing is new', async () => {
		expect((await status()).out).toContain('  publishable now: nothing new since the start');
		await store.db.transaction().execute((tx) =>
			insertContributions(
				tx,
				[10, 20, 30, 40, 50, 60].map((s) => ({
					campaign: 2026,
					questionnaire: 'x',
					version: 1,
					type: 'commune',
					band: '3500-9999',
					region: '44',
					scores: { overall: s, themes: { a: s } },
					synthetic: false,
					source: 'invited'
				}))
			)
		);
		// `status` previews the edition without writing it.
		expect((await status()).out).toContain(
			'  publishable now (edition 1): 3 cell(s) with new figures, 0 carried over, 0 suppressed'
		);
		expect(await store.db.selectFrom('editions').selectAll().execute()).toEqual([]);
		const first = await run('2026');
		expect(first.out.map((l) => JSON.parse(l))).toEqual([
			{ campaign: 2026, edition: 1, published: 3, carriedOver: 0, suppressed: 0 }
		]);
		expect(first.err).toEqual([
			'campaign 2026: edition 1 published: 3 cells with new figures, 0 carried over, 0 suppressed'
		]);
		expect((await status()).out).toContain('  publishable now: nothing new since edition 1');
		expect(await run('2026')).toEqual({
			out: [],
			err: [
				'campaign 2026: nothing new since edition 1 (3 cells would be carried over unchanged, none dropped); no edition published'
			]
		});
	});

	it('refuses an unknown campaign (exit 1) and a bad usage (exit 2)', async () => {
		await expect(run('2031')).rejects.toMatchObject({
			exitCode: 1,
			message: 'publish: there is no campaign 2031'
		});
		await expect(run('26')).rejects.toBeInstanceOf(CliError);
		await expect(run()).rejects.toMatchObject({ exitCode: 2 });
	});
});
