import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchmarkSchema } from '../../src/lib/domain/benchmark.ts';
import { startApi, storeSnapshot, type ApiServer } from '../support/api.ts';
import { startBuiltServer } from '../support/server.ts';

let api: ApiServer;
beforeAll(async () => {
	api = await startApi({ DEMO_DATA: 'on' });
}, 60_000);
afterAll(() => api?.close());

const get = async (url: string, questionnaire: string) =>
	benchmarkSchema.parse(
		await (
			await fetch(
				`${url}/api/benchmarks?questionnaire=${questionnaire}&version=1&type=commune&band=3500-9999&region=44`
			)
		).json()
	);

describe('the demo benchmark', () => {
	it('is seeded into an empty embedded store at start, and flagged synthetic', async () => {
		const b = await get(api.url, 'donnees');
		expect(b.synthetic).toBe(true);
		expect(b.fellBack).toBe(false);
		expect(b.overall!.n).toBeGreaterThanOrEqual(5);
		const { count } = storeSnapshot(api.db);
		expect(count).toBeGreaterThan(5000);
	});

	it('is seeded once: a restart on the same file keeps it as it is', async () => {
		const before = storeSnapshot(api.db);
		const again = await startBuiltServer({ SQLITE_PATH: api.db, DEMO_DATA: 'on' });
		await again.stop();
		expect(storeSnapshot(api.db)).toEqual(before);
	});
	// Whether the demo set gives way to real contributions is the editions' rule (tests/http/editions*).
});
