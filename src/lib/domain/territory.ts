import type { TerritoryType } from './profile.ts';

/** One result of the territory search (`GET /api/territories?q=`), as the browser receives it. */
export interface TerritoryHit {
	type: TerritoryType;
	code: string;
	name: string;
	population: number | null;
	populationVintage: number;
	region: string | null;
	regionName: string | null;
	departement: string | null;
	postalCodes: string[];
	epci: { code: string; name: string; type: TerritoryType } | null;
}

export interface TerritorySearchResponse {
	query: string;
	results: TerritoryHit[];
}

/**
 * Folds a name or a query for matching: lower case, no accents, hyphens and apostrophes as spaces.
 * "Saint-Étienne-du-Rouvray" → "saint etienne du rouvray"; "L'Haÿ-les-Roses" → "l hay les roses".
 */
export function foldName(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/œ/g, 'oe')
		.replace(/æ/g, 'ae')
		.replace(/[^a-z0-9]+/g, ' ')
		.trim();
}
