import { describe, expect, it } from 'vitest';
import { createCatalog } from './catalog.ts';
import {
	ContributionError,
	latestCampaign,
	parseContribution,
	type Contribution
} from './contribution.ts';
import { questionnaire, single } from './testing.ts';

const v1 = questionnaire(
	[single('q1', [0, 100], { theme: 'a' }), single('q2', [0, 100], { theme: 'b' })],
	{
		id: 'demo'
	}
);
const catalog = createCatalog([v1]);
const now = new Date('2026-06-15T12:00:00Z');

const valid = (): Contribution => ({
	questionnaire: 'demo',
	version: 1,
	campaign: 2026,
	cohort: { type: 'commune', band: '3500-9999', region: '44' },
	scores: { overall: 55, themes: { a: 40, b: 70 } }
});

function refusal(input: unknown): { code: string; message: string } {
	try {
		parseContribution(input, catalog, now);
	} catch (e) {
		if (e instanceof ContributionError) return { code: e.code, message: e.message };
		throw e;
	}
	throw new Error('accepted');
}

describe('parseContribution', () => {
	it('accepts rounded scores for exactly the themes of the pinned version', () => {
		expect(parseContribution(valid(), catalog, now)).toEqual(valid());
	});

	it.each([
		[
			'a fractional score',
			(c: Contribution) => (c.scores.themes.a = 40.5),
			/scores.themes.a: a score is a whole number/
		],
		['a score above 100', (c: Contribution) => (c.scores.overall = 101), /scores.overall/],
		['a negative score', (c: Contribution) => (c.scores.themes.b = -1), /scores.themes.b/],
		[
			'an unknown band',
			(c: Contribution) => (c.cohort.band = '3500-10000'),
			/cohort.band: a population band is one of 0-999/
		],
		[
			'a region that does not exist',
			(c: Contribution) => (c.cohort.region = '99'),
			/cohort.region: a region is an INSEE region code/
		],
		[
			'an inherited property as region',
			(c: Contribution) => (c.cohort.region = 'toString'),
			/cohort.region/
		],
		[
			'an unknown territory type',
			(c: Contribution) => ((c.cohort as { type: string }).type = 'village'),
			/cohort.type/
		],
		[
			'a campaign before the observatory',
			(c: Contribution) => (c.campaign = 2019),
			/campaign: campaigns start in 2024/
		],
		['a version 0', (c: Contribution) => (c.version = 0), /version: versions start at 1/]
	])('refuses %s', (_, change, message) => {
		const c = valid();
		change(c);
		const r = refusal(c);
		expect(r.code).toBe('invalid_contribution');
		expect(r.message).toMatch(message);
	});

	it('refuses any extra field, so that no name, code or free text is stored', () => {
		expect(refusal({ ...valid(), name: 'Nancy' }).message).toMatch(/unknown field\(s\) name/);
		const c = valid();
		expect(refusal({ ...c, cohort: { ...c.cohort, code: '54395' } }).message).toMatch(
			/cohort: unknown field\(s\) code/
		);
		expect(refusal({ ...c, scores: { ...c.scores, comment: 'x' } }).code).toBe(
			'invalid_contribution'
		);
	});

	it('refuses what is not an object', () => {
		for (const input of [null, [], 'x', 42, undefined])
			expect(refusal(input).code).toBe('invalid_contribution');
	});

	it('checks the questionnaire and version against the catalog', () => {
		expect(refusal({ ...valid(), questionnaire: 'autre' })).toMatchObject({
			code: 'unknown_questionnaire'
		});
		expect(refusal({ ...valid(), version: 2 })).toMatchObject({ code: 'unknown_version' });
	});

	it('wants exactly the themes of the pinned version', () => {
		const extra = valid();
		extra.scores.themes.c = 10;
		expect(refusal(extra)).toEqual({
			code: 'theme_mismatch',
			message: 'unknown theme(s) c for demo v1'
		});
		const missing = valid();
		delete missing.scores.themes.b;
		expect(refusal(missing).message).toBe('missing theme(s) b for demo v1');
	});

	it('refuses a campaign in the future', () => {
		expect(refusal({ ...valid(), campaign: 2027 })).toMatchObject({
			code: 'implausible_campaign'
		});
	});
});

describe('latestCampaign', () => {
	it('is the year somewhere on Earth, up to UTC+14', () => {
		expect(latestCampaign(new Date('2026-12-31T09:59:00Z'))).toBe(2026);
		expect(latestCampaign(new Date('2026-12-31T10:00:00Z'))).toBe(2027);
	});
});
