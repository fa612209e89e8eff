import { describe, expect, it } from 'vitest';
import { cohortChain, cohortKey, populationBand, populationBands } from './cohort.ts';
import { typeFromEpciNature } from './profile-fields.ts';

describe('populationBand', () => {
	it.each([
		[0, '0-999'],
		[999, '0-999'],
		[1000, '1000-3499'],
		[3499, '1000-3499'],
		[3500, '3500-9999'],
		[9999, '3500-9999'],
		[10000, '10000-29999'],
		[29999, '10000-29999'],
		[30000, '30000-49999'],
		[49999, '30000-49999'],
		[50000, '50000-99999'],
		[99999, '50000-99999'],
		[100000, '100000-299999'],
		[299999, '100000-299999'],
		[300000, '300000-999999'],
		[999999, '300000-999999'],
		[1000000, '1000000+'],
		[12_000_000, '1000000+']
	])('%s inhabitants → %s', (population, band) => {
		expect(populationBand(population)).toBe(band);
	});

	it('refuses impossible populations', () => {
		expect(() => populationBand(-1)).toThrow(RangeError);
		expect(() => populationBand(Number.NaN)).toThrow(RangeError);
	});

	it('lists every band once, in order', () => {
		expect(populationBands).toHaveLength(9);
		expect(new Set(populationBands).size).toBe(9);
		expect(populationBands[0]).toBe('0-999');
		expect(populationBands.at(-1)).toBe('1000000+');
	});
});

describe('cohortChain', () => {
	it('widens from type × band × region to type', () => {
		const chain = cohortChain({ type: 'commune', population: 4200, region: '44' });
		expect(chain.map(cohortKey)).toEqual(['commune/3500-9999/44', 'commune/3500-9999', 'commune']);
	});
	it('skips what the profile does not know', () => {
		expect(cohortChain({ type: 'cc', population: 25000 }).map(cohortKey)).toEqual([
			'cc/10000-29999',
			'cc'
		]);
		expect(cohortChain({ type: 'region', region: '44' }).map(cohortKey)).toEqual(['region']);
	});
});

describe('typeFromEpciNature', () => {
	it.each([
		['CC', 'cc'],
		['CA', 'ca'],
		['CU', 'cu'],
		['METRO', 'metropole'],
		['MET69', 'metropole'],
		['EPT', 'autre']
	])('%s → %s', (nature, type) => expect(typeFromEpciNature(nature)).toBe(type));
});
