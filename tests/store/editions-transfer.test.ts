/**
 * `benchmarks:import` and `benchmarks:export` on a real SQLite store: an import goes into an
 * existing campaign as its own source and counts apart in the next edition's methodology; an
 * export gives back the live rows without ids or token hashes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/lib/domain/catalog.ts';
import { loadCatalog } from '../../src/lib/server/catalog/load.ts';
import type { Methodology } from '../../src/lib/server/editions/methodology.ts';
import { publishEdition } from '../../src/lib/server/editions/publish.ts';
import { insertCampaign } from '../../src/lib/server/store/campaigns.ts';
import { listEditions, listLive } from '../../src/lib/server/store/editions.ts';
import { openSqliteStore } from '../../src/lib/server/store/sqlite.ts';
import type { BenchmarkStore } from '../../src/lib/server/store/types.ts';
import { dumpStore } from '../support/editions.ts';

const catalog = createCatalog(loadCatalog('questionnaires').questionnaires);
const themes = catalog.get('donnees', 1)!.themes.map((t) => t.id);
const header = `questionnaire,version,campaign,type,band,region,overall,${themes.map((t) => `theme.${t}`).join(',')}`;
const line = (campaign: number, score: number, version = 1) =>
	`donnees,${version},${campaign},commune,3500-9999,44,${score},${themes.map(() => score).join(',')}`;

let dir: string;
let path: string;
let store: BenchmarkStore;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'numeriscope-transfer-'));
	path = join(dir, 'store.sqlite');
	store = await openSqliteStore(path);
	await insertCampaign(store.db, {
		year: 2025,
		collects: [{ questionnaire: 'donnees', version: 1 }],
		closes: '2025-12-31',
		status: 'closed',
		synthetic: false
	});
});
afterAll(async () => {
	await store?.close();
	rmSync(dir, { recursive: true, force: true });
});

const run = (script: string, args: string[]) =>
	spawnSync('node_modules/.bin/tsx', [`scripts/${script}.ts`, ...args], {
		env: { ...process.env, SQLITE_PATH: path, DATABASE_URL: '' },
		encoding: 'utf8',
		timeout: 60_000
	});

const file = (name: string, text: string) => {
	const f = join(dir, name);
	writeFileSync(f, text);
	return f;
};

describe('benchmarks:import and benchmarks:export', () => {
	it('refuse a missing campaign, another campaign’s rows and a version not collected', async () => {
		const before = await dumpStore(store.db);
		const csv = file('bad.csv', [header, line(2025, 50), line(2024, 50)].join('\n'));
		expect(run('benchmarks-import', [csv]).status).toBe(2);
		const missing = run('benchmarks-import', [csv, '--campaign', '2031']);
		expect(missing.status).toBe(1);
		expect(missing.stderr).toContain('there is no campaign 2031');
		const wrong = run('benchmarks-import', [csv, '--campaign', '2025']);
		expect(wrong.status).toBe(1);
		expect(wrong.stderr).toContain('line 3: campaign_mismatch: campaign 2024, not 2025');
		expect(await dumpStore(store.db)).toEqual(before);
	});

	it('import into a campaign as the source `import`, counted apart when published', async () => {
		const rows = [10, 20, 30, 40, 50, 60].map((s) => line(2025, s));
		const r = run('benchmarks-import', [
			file('ok.csv', [header, ...rows].join('\n')),
			'--campaign',
			'2025'
		]);
		expect(r.status, r.stderr).toBe(0);
		expect(r.stdout).toContain('6 contributions imported into campaign 2025');
		const live = await listLive(store.db, 2025);
		expect(live.map((c) => c.source)).toEqual(Array(6).fill('import'));
		await publishEdition(store.db, catalog, { campaign: 2025, k: 5 });
		const [edition] = await listEditions(store.db, 2025);
		const m = edition!.methodology as Methodology;
		expect(m.contributions.donnees).toEqual({ invited: 0, open: 0, import: 6, demo: 0 });
		expect(m.sources).toEqual(['import']);
		expect(m.caveats.some((c) => c.startsWith('contributions importées'))).toBe(true);
	});

	it('export the live contributions of a campaign, without ids or token hashes', async () => {
		const r = run('benchmarks-export', ['--campaign', '2025']);
		expect(r.status, r.stderr).toBe(0);
		// Export lists the theme columns alphabetically (every theme has the same score here).
		const sorted = [...themes].sort().map((t) => `theme.${t}`);
		const expected = [
			`questionnaire,version,campaign,type,band,region,overall,${sorted.join(',')}`,
			...[10, 20, 30, 40, 50, 60].map((s) => line(2025, s))
		];
		expect(r.stdout.trim().split('\n').sort()).toEqual(expected.sort());
		const ids = (await listLive(store.db, 2025)).map((c) => c.id);
		for (const id of ids) expect(r.stdout).not.toContain(id);
		expect(run('benchmarks-export', []).status).toBe(2);
	});
});
