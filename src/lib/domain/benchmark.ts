import { z } from 'zod';
import type { Cohort } from './cohort.ts';
import { bandSchema, regionSchema } from './contribution.ts';
import { editionRefSchema } from './participation.ts';
import { formatPath } from './problem.ts';
import { territoryTypeSchema } from './profile.ts';
import type { Questionnaire } from './questionnaire.ts';
import { slugSchema } from './text.ts';

/**
 * The contract of `GET /api/benchmarks`: the query (a questionnaire version and the narrowest
 * cohort wanted) and the response (the peer quantiles of the first cohort published for it).
 */

const wholeParam = (what: string) =>
	z
		.string()
		.regex(/^[1-9]\d{0,5}$/, `${what} is a whole number from 1`)
		.transform(Number);

export const benchmarkQuerySchema = z
	.strictObject({
		questionnaire: slugSchema,
		version: wholeParam('a version'),
		type: territoryTypeSchema,
		band: bandSchema.optional(),
		region: regionSchema.optional(),
		/** A campaign year; by default the latest with a published cohort. */
		campaign: z
			.string()
			.regex(/^\d{4}$/, 'a campaign is a year')
			.transform(Number)
			.optional()
	})
	.refine((q) => q.region === undefined || q.band !== undefined, {
		message: 'a region narrows a population band: give band too',
		path: ['region']
	});
export type BenchmarkQuery = z.output<typeof benchmarkQuerySchema>;

/** A benchmark query refused, with a stable code. */
export class BenchmarkQueryError extends Error {
	constructor(
		message: string,
		readonly code: 'invalid_query' | 'unknown_questionnaire' | 'unknown_version' = 'invalid_query'
	) {
		super(message);
	}
}

/**
 * Parses a query string; a repeated parameter is refused rather than silently picked. The
 * parameters go into an object without prototype, so that `__proto__=…` is one more unknown
 * parameter (refused) rather than an assignment to the prototype (silently dropped).
 */
export function parseBenchmarkQuery(params: URLSearchParams): BenchmarkQuery {
	const input = Object.create(null) as Record<string, string>;
	for (const [name, value] of params) {
		if (Object.hasOwn(input, name)) throw new BenchmarkQueryError(`${name}: given more than once`);
		input[name] = value;
	}
	const parsed = benchmarkQuerySchema.safeParse(input);
	if (parsed.success) return parsed.data;
	const issues = parsed.error.issues.slice(0, 3).map((i) => {
		if (i.code === 'unrecognized_keys') return `unknown parameter(s) ${i.keys.join(', ')}`;
		return `${formatPath(i.path)}: ${i.path.length === 1 && !Object.hasOwn(input, String(i.path[0])) ? 'required' : i.message}`;
	});
	throw new BenchmarkQueryError(issues.join('; '));
}

/** Built without zod in `benchmark-query.ts`, for the results page. */
export { benchmarkSearchParams } from './benchmark-query.ts';

export const cohortSchema = z.strictObject({
	type: territoryTypeSchema,
	band: bandSchema.optional(),
	region: regionSchema.optional()
});

/** Count and quantiles of one score over the cohort. Never a mean or a histogram. */
export const statisticSchema = z.strictObject({
	n: z.int().min(1),
	p10: z.number(),
	p25: z.number(),
	p50: z.number(),
	p75: z.number(),
	p90: z.number()
});
export type Statistic = z.infer<typeof statisticSchema>;

export const benchmarkSchema = z.strictObject({
	questionnaire: slugSchema,
	version: z.int(),
	/** Versions whose contributions are pooled (linked by `comparableWith`). */
	pooledVersions: z.array(z.int()),
	/** The data vintage: the campaign of the edition, null when nothing is published. */
	campaign: z.int().nullable(),
	/** The contributions are the generated demo set, not real territories. */
	synthetic: z.boolean(),
	/** The published edition the figures come from; null when none answers the query. */
	edition: editionRefSchema.nullable(),
	/** The publication threshold: no cohort of fewer contributions is ever shown. */
	k: z.int(),
	requested: cohortSchema,
	/** The cohort the figures describe, or null when no cohort of the chain is published. */
	cohort: cohortSchema.nullable(),
	/** The requested cohort is not published, so a wider one (or none) is used. */
	fellBack: z.boolean(),
	overall: statisticSchema.nullable(),
	/** By theme id, the themes shared by every pooled version, in the requested version's order. */
	themes: z.record(slugSchema, statisticSchema)
});
export type Benchmark = z.infer<typeof benchmarkSchema>;

/**
 * The fallback chain of a cohort, narrowest first, as `cohortChain` builds it from a profile:
 * commune×3500-9999×44 → commune×3500-9999 → commune.
 */
export function widen(c: Cohort): Cohort[] {
	const chain: Cohort[] = [];
	if (c.band !== undefined && c.region !== undefined)
		chain.push({ type: c.type, band: c.band, region: c.region });
	if (c.band !== undefined) chain.push({ type: c.type, band: c.band });
	chain.push({ type: c.type });
	return chain;
}

/** Versions of one questionnaire whose contributions are benchmarked together. */
export interface VersionPool {
	/** `donnees@1+2`. */
	id: string;
	questionnaire: string;
	versions: number[];
	/** Themes present in every version of the pool, in the newest version's order. */
	themes: string[];
}

/**
 * Splits the versions of a questionnaire into pools: versions linked by `comparableWith`,
 * directly or through each other, share one pool. Every version of a pool answers with the same
 * figures, so no two published pools overlap and cannot be differenced against each other (a
 * pool {1} beside a pool {1, 2} would give away version 2's contributions by subtraction).
 * Example: v2 comparableWith [1], v3 without → pools {1, 2} and {3}.
 */
export function versionPools(versions: readonly Questionnaire[]): VersionPool[] {
	const root = new Map<number, number>(versions.map((q) => [q.version, q.version]));
	const find = (v: number): number => {
		const r = root.get(v) ?? v;
		return r === v ? v : find(r);
	};
	for (const q of versions)
		for (const other of q.comparableWith)
			if (root.has(other)) root.set(find(q.version), find(other));
	const groups = new Map<number, Questionnaire[]>();
	for (const q of [...versions].sort((a, b) => a.version - b.version)) {
		const r = find(q.version);
		groups.set(r, [...(groups.get(r) ?? []), q]);
	}
	return [...groups.values()].map((qs) => {
		const newest = qs.at(-1)!;
		const themes = newest.themes
			.map((t) => t.id)
			.filter((id) => qs.every((q) => q.themes.some((t) => t.id === id)));
		const nums = qs.map((q) => q.version);
		return {
			id: `${newest.id}@${nums.join('+')}`,
			questionnaire: newest.id,
			versions: nums,
			themes
		};
	});
}
