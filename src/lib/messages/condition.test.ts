import { describe, expect, it } from 'vitest';
import { conditionText } from './condition.ts';
import { useLocale } from './testing.ts';

const plain = (s: string) => s.replace(/[\u202f\u00a0]/g, ' ');
const questionText = (id: string) => (id === 'dpo' ? 'Avez-vous un DPO ?' : id);
const cases = [
	{
		all: [
			{ profile: 'population', gte: 3500 },
			{ profile: 'agents', gte: 50 }
		]
	},
	{ profile: 'type', in: ['cc', 'ca'] },
	{ profile: 'region', equals: '44' },
	{ profile: 'population', lt: 3500 },
	{ not: { profile: 'type', equals: 'region' } },
	{ question: 'dpo', equals: 'oui' },
	{ question: 'n', gte: 3 }
] as const;

describe('conditionText', () => {
	it('says a condition in French', () => {
		expect(cases.map((c) => plain(conditionText(c as never, questionText)))).toEqual([
			'population de 3 500 habitants ou plus et 50 agents ou plus',
			'collectivité de type communauté de communes ou communauté d’agglomération',
			'région Grand Est',
			'population de moins de 3 500 habitants',
			'pas dans le cas suivant : collectivité de type région',
			'la réponse à « Avez-vous un DPO ? » le permet',
			'la réponse à « n » est d’au moins 3'
		]);
	});

	it('says it in English, keeping the région’s official name', () => {
		useLocale('en');
		expect(cases.map((c) => conditionText(c as never, questionText))).toEqual([
			'a population of 3,500 or more and 50 staff or more',
			'type of authority: community of communes or agglomeration community',
			'region Grand Est',
			'a population under 3,500',
			'not in the following case: type of authority: region',
			'the answer to “Avez-vous un DPO ?” calls for it',
			'the answer to “n” is at least 3'
		]);
	});
});
