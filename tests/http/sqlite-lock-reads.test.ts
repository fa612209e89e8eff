/**
 * A write that waits for the SQLite lock another process holds (the observatory's publication,
 * an import) waits in the store's thread, not on the event loop: meanwhile the peer figures and
 * the campaigns keep being answered. On a connection of the event loop, SQLite's busy handler
 * would sleep there, and every request would wait for the write.
 */
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openContribution, startApi, storeSnapshot, thisYear } from '../support/api.ts';
import { openCampaign } from '../support/participation.ts';

const query = '/api/benchmarks?questionnaire=donnees&version=1&type=commune';

describe('an SQLite store locked by another process', () => {
	let api: Awaited<ReturnType<typeof startApi>>;
	beforeAll(async () => {
		api = await startApi({ OPEN_PARTICIPATION: 'on' }, (db) => openCampaign(db, thisYear));
	});
	afterAll(() => api?.close());

	it('keeps answering reads while a write waits for the lock; the write goes in once it is free', async () => {
		// Both answered once: the figures are then served from memory, the campaigns from the store.
		expect((await fetch(api.url + query)).status).toBe(200);
		expect((await fetch(api.url + '/api/campaigns')).status).toBe(200);
		const before = storeSnapshot(api.db).count;

		const holder = new Database(api.db);
		const done: string[] = [];
		let write: Promise<number> | undefined;
		try {
			holder.exec('BEGIN IMMEDIATE');
			write = api.post(openContribution()).then((res) => {
				done.push('write');
				return res.status;
			});
			// Time for the write to reach the store and wait for the lock (not a measure: the
			// order of the answers below is what is checked).
			await new Promise((r) => setTimeout(r, 500));
			for (let i = 0; i < 10; i++) {
				const figures = await fetch(api.url + query);
				expect(figures.status).toBe(200);
				await figures.arrayBuffer();
				done.push('read');
				const campaigns = await fetch(api.url + '/api/campaigns');
				expect(campaigns.status).toBe(200);
				expect(await campaigns.json()).toMatchObject({
					campaigns: [{ year: thisYear, status: 'open' }]
				});
				done.push('read');
			}
			expect(done).toEqual(Array(20).fill('read'));
		} finally {
			holder.exec('ROLLBACK');
			holder.close();
		}
		// Released within busy_timeout, the write goes in (201); a write kept waiting past it
		// would get 503, which is also an answer the client can act on.
		const status = await write;
		expect([201, 503]).toContain(status);
		expect(done).toEqual([...Array(20).fill('read'), 'write']);
		expect(storeSnapshot(api.db).count).toBe(before + (status === 201 ? 1 : 0));
	});
});
