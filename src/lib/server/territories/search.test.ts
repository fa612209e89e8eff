import { describe, expect, it } from 'vitest';
import { searchTerritories } from './search.ts';

const names = (q: string) => searchTerritories(q).map((t) => `${t.type}:${t.name}`);

describe('searchTerritories', () => {
	it('finds Nancy first, then the métropole that bears its name', () => {
		const hits = searchTerritories('nancy');
		expect(hits[0]).toMatchObject({
			type: 'commune',
			code: '54395',
			name: 'Nancy',
			region: '44',
			regionName: 'Grand Est',
			// The legal population (population totale) comes from the EPCI list, millésime 2022.
			populationVintage: 2022,
			epci: { name: 'Métropole du Grand Nancy', type: 'metropole' }
		});
		expect(names('nancy')).toContain('metropole:Métropole du Grand Nancy');
	});

	it('ignores accents, case, hyphens and apostrophes', () => {
		expect(names('saint etienne')[0]).toBe('commune:Saint-Étienne');
		expect(names('SAINT-ÉTIENNE')[0]).toBe('commune:Saint-Étienne');
		expect(names("l'hay les roses")[0]).toBe("commune:L'Haÿ-les-Roses");
	});

	it('finds by postal code, INSEE code and SIREN', () => {
		expect(names('54000')).toContain('commune:Nancy');
		expect(names('54395')).toEqual(['commune:Nancy']);
		expect(names('245400676')).toEqual(['metropole:Métropole du Grand Nancy']);
		expect(names('2A004')).toEqual(['commune:Ajaccio']);
	});

	it('finds départements and régions by name or code', () => {
		expect(names('meurthe')).toContain('departement:Meurthe-et-Moselle');
		expect(names('grand est')).toContain('region:Grand Est');
		expect(names('44')).toContain('region:Grand Est');
	});

	it('returns nothing for a query too short or unknown', () => {
		expect(searchTerritories('n')).toEqual([]);
		expect(searchTerritories('zzzzqqq')).toEqual([]);
	});
});
