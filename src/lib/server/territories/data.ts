import { createRequire } from 'node:module';
import type { Territory } from '../../domain/territory.ts';
import { typeFromEpciNature } from '../../domain/profile-fields.ts';

interface RawCommune {
	code: string;
	nom: string;
	type: string;
	zone: string;
	departement?: string;
	region?: string;
	codesPostaux?: string[];
	population?: number;
}
interface RawEpci {
	code: string;
	nom: string;
	type: string;
	populationMunicipale?: number;
	membres: { code: string; populationMunicipale?: number }[];
}
interface RawArea {
	code: string;
	nom: string;
	zone: string;
	region?: string;
}

export const COMMUNE_VINTAGE = 2023;
export const EPCI_VINTAGE = 2022;

let cache: Territory[] | undefined;

/**
 * Every commune, EPCI à fiscalité propre, département and région of metropolitan France and the
 * DROM (collectivités d'outre-mer are left out: their statutes differ). Loaded once (~0.3 s,
 * ~100 MB while parsing); the package's own entry point reads files relative to the current
 * directory, so its JSON files are required directly.
 */
export function territories(): Territory[] {
	if (cache) return cache;
	// The package path is resolved at run time so that the server bundle does not inline 12 MB.
	const require = createRequire(import.meta.url);
	const pkg = '@etalab/decoupage-administratif/data/';
	const communes = (require(pkg + 'communes.json') as RawCommune[]).filter(
		(c) => c.type === 'commune-actuelle' && c.zone !== 'com'
	);
	const epcis = require(pkg + 'epci.json') as RawEpci[];
	const departements = (require(pkg + 'departements.json') as RawArea[]).filter(
		(d) => d.zone !== 'com'
	);
	const regions = (require(pkg + 'regions.json') as RawArea[]).filter((r) => r.zone !== 'com');

	const communeByCode = new Map(communes.map((c) => [c.code, c]));
	const epciOf = new Map<string, RawEpci>();
	for (const e of epcis) for (const m of e.membres) epciOf.set(m.code, e);
	const sum = (key: 'departement' | 'region', code: string) =>
		communes.reduce((n, c) => (c[key] === code ? n + (c.population ?? 0) : n), 0);

	const list: Territory[] = [];
	for (const c of communes) {
		const e = epciOf.get(c.code);
		list.push({
			type: 'commune',
			code: c.code,
			name: c.nom,
			population: c.population ?? null,
			populationVintage: COMMUNE_VINTAGE,
			region: c.region ?? null,
			departement: c.departement ?? null,
			postalCodes: c.codesPostaux ?? [],
			epci: e ? { code: e.code, name: e.nom, type: typeFromEpciNature(e.type) } : null
		});
	}
	for (const e of epcis) {
		// An EPCI's region: that of its most populous member.
		const main = [...e.membres].sort(
			(a, b) => (b.populationMunicipale ?? 0) - (a.populationMunicipale ?? 0)
		)[0];
		const seat = main ? communeByCode.get(main.code) : undefined;
		list.push({
			type: typeFromEpciNature(e.type),
			code: e.code,
			name: e.nom,
			population: e.populationMunicipale ?? null,
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
			populationVintage: COMMUNE_VINTAGE,
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
			populationVintage: COMMUNE_VINTAGE,
			region: r.code,
			departement: null,
			postalCodes: [],
			epci: null
		});
	cache = list;
	return list;
}
