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

export const territoryTypeLabels: Record<TerritoryType, string> = {
	commune: 'Commune',
	cc: 'Communauté de communes',
	ca: "Communauté d'agglomération",
	cu: 'Communauté urbaine',
	metropole: 'Métropole',
	departement: 'Département',
	region: 'Région',
	autre: 'Autre organisme public'
};

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
 * The years a population vintage (« millésime » of the INSEE legal populations) may take, for the
 * profile form and the import of a file alike: what one accepts, the other does.
 */
export const POPULATION_VINTAGE = { min: 1990, max: 2100 } as const;
