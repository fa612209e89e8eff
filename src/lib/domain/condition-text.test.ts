import { describe, expect, it } from 'vitest';
import { populationBandBounds } from './cohort.ts';
import { describeCondition } from './condition-text.ts';

describe('describeCondition', () => {
	it('gives codes and values, never words', () => {
		expect(
			describeCondition({
				all: [
					{ profile: 'population', gte: 3500 },
					{ not: { profile: 'type', in: ['cc', 'ca'] } },
					{
						any: [
							{ question: 'dpo', equals: 'oui' },
							{ question: 'n', lt: 3 }
						]
					}
				]
			})
		).toEqual({
			code: 'all',
			parts: [
				{ code: 'population_at_least', n: 3500 },
				{ code: 'not', part: { code: 'type', values: ['cc', 'ca'] } },
				{
					code: 'any',
					parts: [
						{ code: 'answer_allows', question: 'dpo' },
						{ code: 'answer_below', question: 'n', n: 3 }
					]
				}
			]
		});
		expect(describeCondition({ profile: 'region', equals: '44' })).toEqual({
			code: 'region',
			values: ['44']
		});
		expect(describeCondition({ profile: 'agents', lt: 50 })).toEqual({
			code: 'agents_below',
			n: 50
		});
	});
});

describe('populationBandBounds', () => {
	it.each([
		['0-999', { min: 0, max: 999 }],
		['3500-9999', { min: 3500, max: 9999 }],
		['1000000+', { min: 1000000, max: null }]
	])('%s → %j', (band, bounds) => expect(populationBandBounds(band)).toEqual(bounds));
});
