import { z } from 'zod';
import type { Catalog } from './catalog.ts';
import { populationBands } from './cohort.ts';
import { formatPath } from './problem.ts';
import { territoryTypeSchema } from './profile.ts';
import { regions } from './regions.ts';
import { slugSchema } from './text.ts';

/**
 * What a territory sends when its officer opts in (`POST /api/contributions`), and what a
 * campaign import holds: rounded scores and the cohort, nothing else. Every object is strict, so
 * no name, code or free text can ride along.
 */

export const scoreSchema = z
	.int('a score is a whole number from 0 to 100')
	.min(0, 'a score is a whole number from 0 to 100')
	.max(100, 'a score is a whole number from 0 to 100');

export const bandSchema = z.string().refine((b) => populationBands.includes(b), {
	message: `a population band is one of ${populationBands.join(', ')}`
});

export const regionSchema = z
	.string()
	.refine((r) => Object.hasOwn(regions, r), { message: 'a region is an INSEE region code' });

/** The narrowest peer group of the territory; the server derives the wider ones. */
export const contributionCohortSchema = z.strictObject({
	type: territoryTypeSchema,
	band: bandSchema,
	region: regionSchema
});

/** The first campaign of the observatory: earlier years are not plausible. */
export const FIRST_CAMPAIGN = 2024;

export const contributionSchema = z.strictObject({
	questionnaire: slugSchema,
	version: z.int('a version is a whole number').min(1, 'versions start at 1'),
	/** The campaign year: the data vintage shown next to the benchmark. */
	campaign: z
		.int('a campaign is a year')
		.min(FIRST_CAMPAIGN, `campaigns start in ${FIRST_CAMPAIGN}`)
		.max(9999, 'a campaign is a year'),
	cohort: contributionCohortSchema,
	scores: z.strictObject({
		overall: scoreSchema,
		themes: z.record(slugSchema, scoreSchema)
	})
});
export type Contribution = z.infer<typeof contributionSchema>;

/** A contribution refused, with a stable code, where, and why. */
export class ContributionError extends Error {
	constructor(
		readonly code:
			| 'invalid_contribution'
			| 'unknown_questionnaire'
			| 'unknown_version'
			| 'theme_mismatch'
			| 'implausible_campaign',
		message: string
	) {
		super(message);
	}
}

/**
 * The latest plausible campaign: the current year where the sender may be, up to 14 hours ahead
 * of UTC (Kiribati), so that a browser on 1 January is not refused by a server still on 31 December.
 */
export function latestCampaign(now: Date): number {
	return new Date(now.getTime() + 14 * 3600_000).getUTCFullYear();
}

/**
 * Parses a contribution and checks it against the questionnaire version it pins: known
 * questionnaire and version, exactly that version's themes, a campaign no later than this year.
 * Throws a `ContributionError` naming the first problems found.
 */
export function parseContribution(input: unknown, catalog: Catalog, now: Date): Contribution {
	const parsed = contributionSchema.safeParse(input);
	if (!parsed.success) {
		const issues = parsed.error.issues.slice(0, 3).map((i) => {
			const at = i.path.length ? formatPath(i.path) : 'body';
			return `${at}: ${i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.join(', ')}` : i.message}`;
		});
		throw new ContributionError('invalid_contribution', issues.join('; '));
	}
	const c = parsed.data;
	if (catalog.versions(c.questionnaire).length === 0)
		throw new ContributionError(
			'unknown_questionnaire',
			`unknown questionnaire "${c.questionnaire}"`
		);
	const q = catalog.get(c.questionnaire, c.version);
	if (!q)
		throw new ContributionError(
			'unknown_version',
			`questionnaire "${c.questionnaire}" has no version ${c.version}`
		);
	const expected = new Set(q.themes.map((t) => t.id));
	const sent = Object.keys(c.scores.themes);
	const unknown = sent.filter((id) => !expected.has(id));
	const missing = [...expected].filter((id) => !Object.hasOwn(c.scores.themes, id));
	if (unknown.length || missing.length)
		throw new ContributionError(
			'theme_mismatch',
			[
				unknown.length ? `unknown theme(s) ${unknown.join(', ')}` : '',
				missing.length ? `missing theme(s) ${missing.join(', ')}` : ''
			]
				.filter(Boolean)
				.join('; ') + ` for ${q.id} v${q.version}`
		);
	if (c.campaign > latestCampaign(now))
		throw new ContributionError(
			'implausible_campaign',
			`campaign ${c.campaign} is in the future (latest ${latestCampaign(now)})`
		);
	return c;
}
