import { foldName, type Territory, type TerritoryHit } from '../../domain/territory.ts';
import { territories } from './data.ts';

interface Entry {
	hit: TerritoryHit;
	folded: string;
	/** " " + folded, to find a query at the start of any word. */
	spaced: string;
	population: number;
}

let index: Entry[] | undefined;

/** The compact search index, built once: ~36,000 entries sorted by population, largest first. */
function searchIndex(): Entry[] {
	if (index) return index;
	const all = territories();
	const regionNames = new Map(all.filter((t) => t.type === 'region').map((t) => [t.code, t.name]));
	index = all
		.map((t) => {
			const folded = foldName(t.name);
			return {
				hit: toHit(t, regionNames),
				folded,
				spaced: ' ' + folded,
				population: t.population ?? 0
			};
		})
		.sort((a, b) => b.population - a.population);
	return index;
}

function toHit(t: Territory, regionNames: Map<string, string>): TerritoryHit {
	return { ...t, regionName: t.region ? (regionNames.get(t.region) ?? null) : null };
}

/**
 * Finds territories by name, postal code, INSEE code or SIREN. Codes match exactly; names match
 * at the start of the name (an exact name first), then at the start of a word, then anywhere, the most populous
 * first within each group: "nancy" → Nancy, then Métropole du Grand Nancy, then Nancy-sur-Cluses.
 */
export function searchTerritories(query: string, limit = 12): TerritoryHit[] {
	const q = query.trim();
	const entries = searchIndex();
	if (/^(\d[\dAB]\d{3}|\d{9}|\d{2,3}|2[AB])$/i.test(q)) {
		const code = q.toUpperCase();
		return entries
			.filter((e) => e.hit.code === code || e.hit.postalCodes.includes(code))
			.slice(0, limit)
			.map((e) => e.hit);
	}
	const folded = foldName(q);
	if (folded.length < 2) return [];
	// exact name, start of the name, start of a word, anywhere
	const groups: Entry[][] = [[], [], [], []];
	for (const e of entries) {
		if (e.folded === folded) groups[0]!.push(e);
		else if (e.folded.startsWith(folded)) groups[1]!.push(e);
		else if (e.spaced.includes(' ' + folded)) groups[2]!.push(e);
		else if (e.folded.includes(folded)) groups[3]!.push(e);
	}
	return groups
		.flat()
		.slice(0, limit)
		.map((e) => e.hit);
}
