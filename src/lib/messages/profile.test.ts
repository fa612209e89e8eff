import { describe, expect, it } from 'vitest';
import { ProfileDraft } from '../client/state/profile-draft.svelte.ts';
import { profileErrorText } from './profile.ts';
import { useLocale } from './testing.ts';

function errorsOf(population: string, vintage: string) {
	const d = new ProfileDraft();
	d.population = population;
	d.populationVintage = vintage;
	return Object.fromEntries(
		Object.entries(d.errors).map(([field, code]) => [field, profileErrorText(code)])
	);
}

describe('profile form messages', () => {
	it('say in French what is wrong and how to put it right', () => {
		expect(errorsOf('-5', '1900')).toEqual({
			name: 'Indiquez le nom de la collectivité.',
			population: 'La population est un nombre entier d’habitants, par exemple 4200.',
			populationVintage: 'Le millésime est une année de 1990 à 2100, par exemple 2023.',
			agents: 'Choisissez le nombre d’agents : certaines obligations en dépendent.'
		});
	});

	it('say it in English on an English page', () => {
		useLocale('en');
		expect(errorsOf('1e12', '2199')).toEqual({
			name: 'Enter the name of the authority.',
			population: 'The population is a whole number of inhabitants, for example 4200.',
			populationVintage:
				'The year of the population figure is between 1990 and 2100, for example 2023.',
			agents: 'Choose the number of staff: some obligations depend on it.'
		});
		expect(profileErrorText('population_too_large')).toBe(
			'The population is a number of inhabitants of at most 100,000,000.'
		);
	});
});
