import type { Profile, TerritoryType } from './profile.ts';

/**
 * Population bands of the peer groups. The edges are regulatory thresholds, so that territories
 * under and over an obligation are never pooled: 3,500 (open data, publication of acts),
 * 10,000 (PRADA), 30,000, 50,000 (REEN strategy, @CTES), plus 1,000 for small communes and
 * 100,000 / 300,000 / 1,000,000 for large EPCI, départements and régions.
 * A band holds `min ≤ population < next edge`: 3,499 is in `1000-3499`, 3,500 in `3500-9999`.
 */
export const populationEdges = [
	0, 1000, 3500, 10000, 30000, 50000, 100000, 300000, 1000000
] as const;

export type PopulationBand = string;

/** The band id of a population, e.g. 4,200 → `3500-9999`, 2,500,000 → `1000000+`. */
export function populationBand(population: number): PopulationBand {
	if (!Number.isFinite(population) || population < 0)
		throw new RangeError(`population must be a non-negative number, got ${population}`);
	for (let i = populationEdges.length - 1; i >= 0; i--) {
		const min = populationEdges[i]!;
		if (population >= min) {
			const next = populationEdges[i + 1];
			return next === undefined ? `${min}+` : `${min}-${next - 1}`;
		}
	}
	return `0-${populationEdges[1]! - 1}`;
}

/** Every band id, smallest first. */
export const populationBands: readonly PopulationBand[] = populationEdges.map((e) =>
	populationBand(e)
);

/** A peer group. `band` and `region` are left out as the group widens. */
export interface Cohort {
	type: TerritoryType;
	band?: PopulationBand;
	region?: string;
}

/**
 * The peer groups of a territory, narrowest first: type × band × region, type × band, type.
 * Benchmarks use the first one with enough contributions (n ≥ k). A profile without population
 * has only its type (and region); without region, the first step is skipped.
 * Example: commune of 4,200 in Grand Est (44) → commune×3500-9999×44, commune×3500-9999, commune.
 */
export function cohortChain(profile: Pick<Profile, 'type' | 'population' | 'region'>): Cohort[] {
	const { type, region } = profile;
	const band = profile.population === undefined ? undefined : populationBand(profile.population);
	const chain: Cohort[] = [];
	if (band && region) chain.push({ type, band, region });
	if (band) chain.push({ type, band });
	chain.push({ type });
	return chain;
}

/** A stable text key of a cohort: `commune/3500-9999/44`, `commune/3500-9999`, `commune`. */
export function cohortKey(c: Cohort): string {
	return [c.type, c.band, c.region].filter((x) => x !== undefined).join('/');
}

/**
 * The inhabitants a band holds, for the UI to put in words: `3500-9999` → `{ min: 3500, max: 9999 }`,
 * `1000000+` → `{ min: 1000000, max: null }`, `0-999` → `{ min: 0, max: 999 }`.
 */
export function populationBandBounds(band: PopulationBand): { min: number; max: number | null } {
	const [min, max] = band.split(/[-+]/).map(Number);
	return { min: min ?? 0, max: band.endsWith('+') || max === undefined ? null : max };
}
