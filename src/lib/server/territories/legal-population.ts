import { communePopulations, rawData, type RawData } from './data.ts';

/** The population thresholds of the obligations, which are also cohort band edges. */
export const LEGAL_THRESHOLDS = [3500, 10000, 30000, 50000] as const;

export interface ThresholdCrossing {
	threshold: number;
	/** Codes of the communes (INSEE) or EPCI (SIREN) on the other side of it. */
	communes: string[];
	epci: string[];
}

const crosses = (before: number, after: number, t: number) => before >= t !== after >= t;

/**
 * Territories on a different side of each threshold with the population totale than with the
 * population municipale of the same millésime (2022, the EPCI list's): what the legal definition
 * alone changes. A threshold is reached at its value (`gte`, as conditions and cohort bands).
 * Example: Laval, 49,474 municipale and 51,903 totale, crosses 50,000.
 */
export function crossingsByDefinition(data: RawData = rawData()): ThresholdCrossing[] {
	return LEGAL_THRESHOLDS.map((t) => ({
		threshold: t,
		communes: data.epcis.flatMap((e) =>
			e.membres
				.filter((m) => crosses(m.populationMunicipale ?? 0, m.populationTotale ?? 0, t))
				.map((m) => m.code)
		),
		epci: data.epcis
			.filter((e) => crosses(e.populationMunicipale ?? 0, e.populationTotale ?? 0, t))
			.map((e) => e.code)
	}));
}

/**
 * Communes on a different side of each threshold than before the switch to the legal population:
 * population municipale 2023 (`communes.json`) then, population totale 2022 now. Mixes the change
 * of definition with a year of population change, as the app sees it.
 */
export function crossingsInTheApp(data: RawData = rawData()): ThresholdCrossing[] {
	const legal = communePopulations(data);
	return LEGAL_THRESHOLDS.map((t) => ({
		threshold: t,
		communes: data.communes
			.filter((c) => crosses(c.population ?? 0, legal.get(c.code)?.population ?? 0, t))
			.map((c) => c.code),
		epci: []
	}));
}
