import { describe, expect, it } from 'vitest';
import { ProfileDraft } from './profile-draft.svelte.ts';

function draft(population: string, populationVintage = ''): ProfileDraft {
	const d = new ProfileDraft();
	d.name = 'Nancy';
	d.agents = '1000+';
	d.population = population;
	d.populationVintage = populationVintage;
	return d;
}

describe('ProfileDraft population', () => {
	// Defect 1: « -5 » made `populationBand(-5)` throw while the peer group was shown.
	it.each(['-5', '1e12', 'abc', '12,5', '-0', '99999999999999999999'])(
		'refuses %s with a message on the field, and never throws',
		(typed) => {
			const d = draft(typed);
			expect(() => d.cohort).not.toThrow();
			expect(d.errors.population).toMatch(/^population_/);
			expect(d.toProfile()).toBeNull();
		}
	);

	it('accepts 0 (a few communes have no inhabitant) and spaces between thousands', () => {
		expect(draft('0').toProfile()?.population).toBe(0);
		expect(draft(' 103 671 ').toProfile()?.population).toBe(103671);
		expect(draft('103 671').cohort).toEqual({ type: 'commune', band: '100000-299999' });
		// A population not yet valid leaves the band out of the peer group shown.
		expect(draft('-5').cohort).toEqual({ type: 'commune' });
	});
});

describe('ProfileDraft population vintage', () => {
	// Defect 4: the form took 1900–2199 while an export of it was refused on import (1990–2100).
	it.each(['1900', '1989', '2101', '2199', '23', 'deux mille'])('refuses %s', (typed) => {
		const d = draft('4200', typed);
		expect(d.errors.populationVintage).toBe('vintage_out_of_range');
		expect(d.toProfile()).toBeNull();
	});

	it.each(['1990', '2023', '2100'])('accepts %s, as the import does', (typed) => {
		expect(draft('4200', typed).toProfile()?.populationVintage).toBe(Number(typed));
	});
});
