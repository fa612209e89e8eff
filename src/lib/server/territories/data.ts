import { createRequire } from 'node:module';
import type { Territory } from '../../domain/territory.ts';
import { typeFromEpciNature } from '../../domain/profile-fields.ts';

export interface RawCommune {
	code: string;
	nom: string;
	type: string;
	zone: string;
	departement?: string;
	region?: string;
	codesPostaux?: string[];
	population?: number;
}
export interface RawMember {
	code: string;
	nom: string;
	populationTotale?: number;
	populationMunicipale?: number;
}
export interface RawEpci {
	code: string;
	nom: string;
	type: string;
	populationTotale?: number;
	populationMunicipale?: number;
	membres: RawMember[];
}
export interface RawArea {
	code: string;
	nom: string;
	zone: string;
	region?: string;
}

/** Millésime of the communes' population municipale in `communes.json` (in force on 1 January 2026). */
export const COMMUNE_VINTAGE = 2023;
/**
 * Millésime of the populations of `epci.json` (the DGCL's EPCI list, columns `ptot_2025` and
 * `pmun_2025`: in force on 1 January 2025), for each EPCI and each of its member communes.
 */
export const EPCI_VINTAGE = 2022;

export interface RawData {
	communes: RawCommune[];
	epcis: RawEpci[];
	departements: RawArea[];
	regions: RawArea[];
}

let raw: RawData | undefined;

/**
 * The package's lists, metropolitan France and the DROM only (collectivités d'outre-mer are left
 * out: their statutes differ). The package's own entry point reads files relative to the current
 * directory, so its JSON files are required directly.
 */
export function rawData(): RawData {
	if (raw) return raw;
	// The package path is resolved at run time so that the server bundle does not inline 12 MB.
	const require = createRequire(import.meta.url);
	const pkg = '@etalab/decoupage-administratif/data/';
	raw = {
		communes: (require(pkg + 'communes.json') as RawCommune[]).filter(
			(c) => c.type === 'commune-actuelle' && c.zone !== 'com'
		),
		epcis: require(pkg + 'epci.json') as RawEpci[],
		departements: (require(pkg + 'departements.json') as RawArea[]).filter((d) => d.zone !== 'com'),
		regions: (require(pkg + 'regions.json') as RawArea[]).filter((r) => r.zone !== 'com')
	};
	return raw;
}

/**
 * The legal population of every commune: its population totale, which French thresholds use
 * unless a text says otherwise (article 3 of each yearly authentication decree). The package
 * gives it only through the EPCI list (millésime 2022); the four island communes in no EPCI
 * (Île-de-Bréhat, Île-de-Sein, Ouessant, L'Île-d'Yeu) have only their population municipale
 * (millésime 2023), which stands in for it: none of them is near a threshold.
 */
export function communePopulations(data: RawData = rawData()) {
	const member = new Map<string, RawMember>();
	for (const e of data.epcis) for (const m of e.membres) member.set(m.code, m);
	return new Map(
		data.communes.map((c) => {
			const total = member.get(c.code)?.populationTotale;
			return [
				c.code,
				total !== undefined
					? { population: total, vintage: EPCI_VINTAGE, total: true }
					: { population: c.population ?? null, vintage: COMMUNE_VINTAGE, total: false }
			] as const;
		})
	);
}

let cache: Territory[] | undefined;

/**
 * Every commune, EPCI à fiscalité propre, département and région, with its legal population
 * (population totale, see `communePopulations`): for départements and régions, the sum of their
 * communes' (which slightly overstates it: INSEE counts a person « compté à part » in one commune
 * of a département once at its level). Loaded once (~0.3 s, ~100 MB while parsing).
 */
export function territories(): Territory[] {
	if (cache) return cache;
	const { communes, epcis, departements, regions } = rawData();
	const legal = communePopulations();

	const communeByCode = new Map(communes.map((c) => [c.code, c]));
	const epciOf = new Map<string, RawEpci>();
	for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e);
	const sum = (key: 'departement' | 'region', code: string) =>
		communes.reduce((n, c) => (c[key] === code ? n + (legal.get(c.code)?.population ?? 0) : n), 0);

	const list: Territory[] = [];
	for (const c of communes) {
		const e = epciOf.get(c.code);
		const own = legal.get(c.code)!;
		list.push({
			type: 'commune',
			code: c.code,
			name: c.nom,
			population: own.population,
			populationVintage: own.vintage,
			region: c.region ?? null,
			departement: c.departement ?? null,
			postalCodes: c.codesPostaux ?? [],
			epci: e ? { code: e.code, name: e.nom, type: typeFromEpciNature(e.type) } : null
		});
	}
	for (const e of epcis) {
		// An EPCI's region: that of its most populous member.
		const main = [...e.membres].sort(
			(a, b) => (b.populationTotale ?? 0) - (a.populationTotale ?? 0)
		)[0];
		const seat = main ? communeByCode.get(main.code) : undefined;
		list.push({
			type: typeFromEpciNature(e.type),
			code: e.code,
			name: e.nom,
			population: e.populationTotale ?? null,
			populationVintage: EPCI_VINTAGE,
			region: seat?.region ?? null,
			departement: seat?.departement ?? null,
			postalCodes: [],
			epci: null
		});
	}
	for (const d of departements)
		list.push({
			type: 'departement',
			code: d.code,
			name: d.nom,
			population: sum('departement', d.code),
			populationVintage: EPCI_VINTAGE,
			region: d.region ?? null,
			departement: d.code,
			postalCodes: [],
			epci: null
		});
	for (const r of regions)
		list.push({
			type: 'region',
			code: r.code,
			name: r.nom,
			population: sum('region', r.code),
			populationVintage: EPCI_VINTAGE,
			region: r.code,
			departement: null,
			postalCodes: [],
			epci: null
		});
	cache = list;
	return list;
}
