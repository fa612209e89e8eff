import { describe, expect, it } from 'vitest';
import type { TerritoryHit, TerritorySearchResponse } from '../../domain/territory.ts';
import { TerritorySearch } from './territory-search.svelte.ts';

const hit = (name: string) => ({ type: 'commune', code: name, name }) as TerritoryHit;

describe('TerritorySearch', () => {
	it('searches from two characters and counts the hits', async () => {
		const asked: string[] = [];
		const s = new TerritorySearch(async (q) => {
			asked.push(q);
			return { query: q, results: [hit('Nancy'), hit('Nanterre')] };
		});
		s.query = 'n';
		await s.flush();
		expect(s.status).toEqual({ kind: 'idle' });
		s.query = ' nan ';
		await s.flush();
		expect(asked).toEqual(['nan']);
		expect(s.results.map((r) => r.name)).toEqual(['Nancy', 'Nanterre']);
		expect(s.status).toEqual({ kind: 'found', count: 2 });
	});

	it('drops the answer to a query a newer one made stale', async () => {
		const pending: ((r: TerritorySearchResponse) => void)[] = [];
		const s = new TerritorySearch(
			(q) => new Promise((done) => pending.push(() => done({ query: q, results: [hit(q)] })))
		);
		s.query = 'nan';
		const first = s.flush();
		s.query = 'nancy';
		const second = s.flush();
		pending[1]!({ query: '', results: [] });
		await second;
		pending[0]!({ query: '', results: [] });
		await first;
		expect(s.results.map((r) => r.name)).toEqual(['nancy']);
	});

	it('says the search is unavailable when the server cannot be reached', async () => {
		const s = new TerritorySearch(() => Promise.reject(new TypeError('Failed to fetch')));
		s.query = 'Nancy';
		await s.flush();
		expect(s.status).toEqual({ kind: 'unavailable' });
	});

	it('waits for typing to pause before searching', async () => {
		const asked: string[] = [];
		const s = new TerritorySearch(async (q) => (asked.push(q), { query: q, results: [] }), 5);
		for (const q of ['na', 'nan', 'nanc']) {
			s.query = q;
			s.input();
		}
		await new Promise((r) => setTimeout(r, 30));
		expect(asked).toEqual(['nanc']);
		expect(s.status).toEqual({ kind: 'found', count: 0 });
	});
});
