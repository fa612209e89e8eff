import { describe, expect, it } from 'vitest';
import { COMMUNE_VINTAGE, communePopulations, EPCI_VINTAGE, rawData, territories } from './data.ts';
import { crossingsByDefinition, crossingsInTheApp } from './legal-population.ts';

const find = (type: string, code: string) =>
	territories().find((t) => t.type === type && t.code === code);

describe('legal population (population totale)', () => {
	it('gives communes their population totale, millésime 2022', () => {
		// Laval: 49,474 municipale, 51,903 totale (2022): over 50,000 for the law.
		expect(find('commune', '53130')).toMatchObject({ population: 51903, populationVintage: 2022 });
		expect(EPCI_VINTAGE).toBe(2022);
	});

	it('falls back to the population municipale for the 4 island communes in no EPCI', () => {
		const fallback = [...communePopulations()].filter(([, p]) => !p.total);
		expect(fallback.map(([code]) => code).sort()).toEqual(['22016', '29083', '29155', '85113']);
		expect(find('commune', '85113')).toMatchObject({
			name: "L'Île-d'Yeu",
			populationVintage: COMMUNE_VINTAGE
		});
	});

	it('gives EPCI their population totale, and départements and régions the sum of their communes', () => {
		// CC Sèvre et Loire: 49,940 municipale, 51,148 totale.
		expect(find('cc', '200067866')).toMatchObject({ population: 51148, populationVintage: 2022 });
		const legal = communePopulations();
		const sum = (key: 'departement' | 'region', code: string) =>
			rawData()
				.communes.filter((c) => c[key] === code)
				.reduce((n, c) => n + (legal.get(c.code)?.population ?? 0), 0);
		expect(find('departement', '53')?.population).toBe(sum('departement', '53'));
		expect(find('region', '52')?.population).toBe(sum('region', '52'));
	});

	it('moves 75 / 24 / 11 / 1 communes and 0 / 6 / 15 / 4 EPCI across 3,500 / 10,000 / 30,000 / 50,000', () => {
		// Same millésime (2022), municipale → totale. The issue counted 10 at 30,000: Orange's
		// population totale is exactly 30,000, which reaches the threshold (≥, as conditions and
		// cohort bands); with « strictly more than » it would be 10 there but 78 at 3,500.
		const byDefinition = crossingsByDefinition();
		expect(byDefinition.map((c) => c.communes.length)).toEqual([75, 24, 11, 1]);
		expect(byDefinition.map((c) => c.epci.length)).toEqual([0, 6, 15, 4]);
		expect(byDefinition[2]!.communes).toContain('84087'); // Orange, 30,000
		expect(byDefinition[3]!.communes).toEqual(['53130']); // Laval
		// As the app sees it (municipale 2023 before, totale 2022 now): a year of change mixed in.
		expect(crossingsInTheApp().map((c) => c.communes.length)).toEqual([73, 19, 8, 2]);
	});
});
