import { m } from '$lib/paraglide/messages';
import { populationBandBounds, type Cohort, type PopulationBand } from '../domain/cohort.ts';
import { agentsBands, type AgentsBand, type TerritoryType } from '../domain/profile-fields.ts';
import { regions } from '../domain/regions.ts';
import { formatNumber } from './format.ts';

const typeLabels: Record<TerritoryType, () => string> = {
	commune: m.territory_type_commune,
	cc: m.territory_type_cc,
	ca: m.territory_type_ca,
	cu: m.territory_type_cu,
	metropole: m.territory_type_metropole,
	departement: m.territory_type_departement,
	region: m.territory_type_region,
	autre: m.territory_type_autre
};

/** « Communauté de communes » / "Community of communes"; an unknown type is shown as written. */
export function territoryTypeLabel(type: TerritoryType | string): string {
	return typeLabels[type as TerritoryType]?.() ?? type;
}

/** A région's official name (the same in every language): `44` → « Grand Est ». */
export const regionName = (code: string): string => regions[code] ?? code;

/** `50-249` → « de 50 à 249 agents » / "50 to 249 staff"; `1000+` → « 1 000 agents ou plus ». */
export function agentsBandLabel(band: AgentsBand): string {
	const b = agentsBands.find((x) => x.id === band)!;
	return Number.isFinite(b.max)
		? m.territory_agents_range({ min: formatNumber(b.min), max: formatNumber(b.max) })
		: m.territory_agents_top({ min: formatNumber(b.min) });
}

/** `3500-9999` → « de 3 500 à 9 999 habitants »; `0-999` → « moins de 1 000 habitants ». */
export function populationBandLabel(band: PopulationBand): string {
	const { min, max } = populationBandBounds(band);
	if (max === null) return m.territory_population_top({ min: formatNumber(min) });
	if (min === 0) return m.territory_population_below({ max: formatNumber(max + 1) });
	return m.territory_population_range({ min: formatNumber(min), max: formatNumber(max) });
}

/**
 * A peer group in words, as every page and the PDF show it:
 * `{ commune, 3500-9999, 44 }` → « Commune · de 3 500 à 9 999 habitants · Grand Est ».
 */
export function cohortLabel(c: Cohort): string {
	const parts = [territoryTypeLabel(c.type)];
	if (c.band) parts.push(populationBandLabel(c.band));
	if (c.region) parts.push(regionName(c.region));
	return parts.join(' · ');
}
