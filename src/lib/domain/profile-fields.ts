/** The fixed vocabularies of a territory profile. No zod here: the answering page loads this. */

/** Kinds of territory. EPCI natures follow the DGCL/BANATIC codes (see `typeFromEpciNature`). */
export const territoryTypes = [
	'commune',
	'cc',
	'ca',
	'cu',
	'metropole',
	'departement',
	'region',
	'autre'
] as const;
export type TerritoryType = (typeof territoryTypes)[number];

/** The four kinds of EPCI à fiscalité propre. */
export const epciTypes: readonly TerritoryType[] = ['cc', 'ca', 'cu', 'metropole'];

/**
 * Headcount bands of a body's agents. Conditions compare against band edges only
 * (coherence refuses a threshold inside a band), so "agents ≥ 50" is always decidable.
 */
export const agentsBands = [
	{ id: '0-9', min: 0, max: 9 },
	{ id: '10-49', min: 10, max: 49 },
	{ id: '50-249', min: 50, max: 249 },
	{ id: '250-999', min: 250, max: 999 },
	{ id: '1000+', min: 1000, max: Number.POSITIVE_INFINITY }
] as const;
export type AgentsBand = (typeof agentsBands)[number]['id'];
export const agentsBandEdges: readonly number[] = agentsBands.map((b) => b.min);

/** DGCL/BANATIC EPCI natures as found in `@etalab/decoupage-administratif` (`epci.json`). */
export function typeFromEpciNature(nature: string): TerritoryType {
	switch (nature.toUpperCase()) {
		case 'CC':
			return 'cc';
		case 'CA':
			return 'ca';
		case 'CU':
			return 'cu';
		case 'METRO':
		case 'MET69':
			return 'metropole';
		default:
			return 'autre';
	}
}

/**
 * The years of INSEE "populations légales" a profile may carry, in the form and in an imported
 * file alike (`profileSchema`), so that a profile typed here is never refused on import.
 */
export const POPULATION_VINTAGE = { min: 1990, max: 2100 } as const;

/** No French territory nears it (Île-de-France: 12.3 million); a typo of a few digits does. */
export const POPULATION_MAX = 100_000_000;
