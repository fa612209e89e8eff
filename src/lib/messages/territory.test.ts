import { describe, expect, it } from 'vitest';
import {
	agentsBandLabel,
	cohortLabel,
	populationBandLabel,
	territoryTypeLabel
} from './territory.ts';
import { useLocale } from './testing.ts';

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');

describe('territory labels', () => {
	it('say bands and peer groups in French', () => {
		expect(['0-999', '3500-9999', '1000000+'].map((b) => plain(populationBandLabel(b)))).toEqual([
			'moins de 1 000 habitants',
			'de 3 500 à 9 999 habitants',
			'1 000 000 habitants et plus'
		]);
		expect(plain(cohortLabel({ type: 'commune', band: '3500-9999', region: '44' }))).toBe(
			'Commune · de 3 500 à 9 999 habitants · Grand Est'
		);
		expect(cohortLabel({ type: 'cc' })).toBe('Communauté de communes');
		expect(plain(agentsBandLabel('1000+'))).toBe('1 000 agents ou plus');
		expect(agentsBandLabel('10-49')).toBe('de 10 à 49 agents');
	});

	it('say them in English; official names stay French', () => {
		useLocale('en');
		expect(cohortLabel({ type: 'commune', band: '3500-9999', region: '93' })).toBe(
			"Municipality (commune) · 3,500 to 9,999 inhabitants · Provence-Alpes-Côte d'Azur"
		);
		expect(populationBandLabel('0-999')).toBe('fewer than 1,000 inhabitants');
		expect(populationBandLabel('1000000+')).toBe('1,000,000 inhabitants or more');
		expect(territoryTypeLabel('departement')).toBe('Department (département)');
		expect(agentsBandLabel('1000+')).toBe('1,000 staff or more');
	});
});
