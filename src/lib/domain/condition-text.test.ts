import { describe, expect, it } from 'vitest';
import { cohortLabel, populationBandLabel } from './cohort.ts';
import { describeCondition } from './condition-text.ts';

describe('describeCondition', () => {
	it.each([
		[
			{
				all: [
					{ profile: 'population', gte: 3500 },
					{ profile: 'agents', gte: 50 }
				]
			},
			'population de 3 500 habitants ou plus et 50 agents ou plus'
		],
		[
			{ profile: 'type', in: ['cc', 'ca'] },
			"collectivité de type communauté de communes ou communauté d'agglomération"
		],
		[{ profile: 'region', equals: '44' }, 'région Grand Est'],
		[{ profile: 'population', lt: 3500 }, 'population de moins de 3 500 habitants'],
		[
			{ not: { profile: 'type', equals: 'region' } },
			'pas dans le cas suivant : collectivité de type région'
		],
		[{ question: 'dpo', equals: 'oui' }, 'la réponse à « Avez-vous un DPO ? » le permet'],
		[{ question: 'n', gte: 3 }, "la réponse à « n » est d'au moins 3"]
	] as const)('%j', (c, text) => {
		expect(
			describeCondition(c as never, (id) => (id === 'dpo' ? 'Avez-vous un DPO ?' : id)).replace(
				/\u202f/g,
				' '
			)
		).toBe(text);
	});
});

describe('populationBandLabel', () => {
	it.each([
		['0-999', 'moins de 1 000 habitants'],
		['3500-9999', 'de 3 500 à 9 999 habitants'],
		['1000000+', '1 000 000 habitants et plus']
	])('%s → %s', (band, label) =>
		expect(populationBandLabel(band).replace(/\u202f/g, ' ')).toBe(label)
	);
});

describe('cohortLabel', () => {
	it('says the peer group in words, as wide as it is', () => {
		const plain = (s: string) => s.replace(/\u202f/g, ' ');
		expect(plain(cohortLabel({ type: 'commune', band: '3500-9999', region: '44' }))).toBe(
			'Commune · de 3 500 à 9 999 habitants · Grand Est'
		);
		expect(cohortLabel({ type: 'cc' })).toBe('Communauté de communes');
	});
});
