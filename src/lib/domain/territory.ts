import type { TerritoryType } from './profile.ts';

/** A territory of the official lists (COG 2026, via @etalab/decoupage-administratif 6.0.0). */
export interface Territory {
	type: TerritoryType;
	/** INSEE code for communes, départements and régions; SIREN for EPCI. */
	code: string;
	name: string;
	/**
	 * The legal population, INSEE "population totale", which thresholds and cohorts use (for
	 * départements and régions, the sum of their communes'; for the four island communes in no
	 * EPCI, their "population municipale", the only figure the official lists give).
	 */
	population: number | null;
	/** Millésime of the population: 2022 (in force on 1 January 2025); 2023 for the four islands. */
	populationVintage: number;
	region: string | null;
	departement: string | null;
	postalCodes: string[];
	/** For a commune, its EPCI (none for the four island communes outside any EPCI). */
	epci: { code: string; name: string; type: TerritoryType } | null;
}

/** One result of the territory search (`GET /api/territories?q=`), as the browser receives it. */
export interface TerritoryHit extends Territory {
	regionName: string | null;
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
