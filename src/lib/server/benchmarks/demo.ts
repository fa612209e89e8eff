import type { Catalog } from '../../domain/catalog.ts';
import { populationBand } from '../../domain/cohort.ts';
import type { TerritoryType } from '../../domain/profile.ts';
import type { NewContribution } from '../store/editions.ts';
import type { Territory } from '../../domain/territory.ts';

/** FNV-1a: a stable 32-bit seed from a text. */
function hash(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

/** mulberry32: a small deterministic generator, so that every run draws the same set. */
function prng(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A standard normal draw, near enough (Irwin–Hall with four uniforms). */
const normal = (rand: () => number) => (rand() + rand() + rand() + rand() - 2) * Math.sqrt(3);

const participationByType: Record<TerritoryType, number> = {
	commune: 0, // by size, below
	cc: 0.3,
	ca: 0.45,
	cu: 0.6,
	metropole: 0.7,
	departement: 0.55,
	region: 0.7,
	autre: 0
};

/** Share of territories taking part: larger bodies have a digital officer more often. */
function participation(type: TerritoryType, population: number): number {
	if (type !== 'commune') return participationByType[type];
	if (population < 1000) return 0.02;
	if (population < 3500) return 0.07;
	if (population < 10000) return 0.15;
	if (population < 30000) return 0.3;
	return population < 50000 ? 0.4 : 0.5;
}

/** Typical maturity: grows with size (about +10 points per tenfold population) and with the type. */
function baseLevel(type: TerritoryType, population: number): number {
	const bonus: Partial<Record<TerritoryType, number>> = {
		region: 10,
		departement: 8,
		metropole: 10,
		cu: 5,
		ca: 3
	};
	return 20 + 10 * Math.log10(Math.max(population, 100) / 100) + (bonus[type] ?? 0);
}

const clamp = (x: number) => Math.min(100, Math.max(0, Math.round(x)));

/**
 * The demo benchmark: a deterministic synthetic set drawn over the real territory list, for the
 * latest version of every questionnaire. About 2,100 territories per questionnaire take part,
 * more often and with higher scores for larger bodies; a territory's own level is shared by its
 * questionnaires and its campaigns, each theme has its own offset, and every score gets some
 * noise. Each campaign draws anew (who takes part, the noise); `improvement` points are added to
 * every level, so that a later campaign shows a plausible progress. Every record is flagged
 * synthetic (source `demo`), and the API says so on every figure drawn from it.
 */
export function demoContributions(
	list: readonly Territory[],
	catalog: Catalog,
	campaign: number,
	improvement = 0
): NewContribution[] {
	const latest = [...new Set(catalog.list().map((q) => q.id))].map((id) => catalog.latest(id)!);
	const out: NewContribution[] = [];
	for (const q of latest) {
		const rand = prng(hash(`${q.id}@${q.version}/${campaign}`));
		const offsets = q.themes.map((t) => (hash(`${q.id}/${t.id}`) % 25) - 12);
		for (const t of list) {
			if (t.population === null || t.region === null) continue;
			if (rand() >= participation(t.type, t.population)) continue;
			const own = normal(prng(hash(t.code))) * 8;
			const level = baseLevel(t.type, t.population) + own + improvement;
			const themes = Object.fromEntries(
				q.themes.map((th, i) => [th.id, clamp(level + offsets[i]! + normal(rand) * 14)])
			);
			const values = Object.values(themes);
			const mean = values.reduce((s, x) => s + x, 0) / values.length;
			out.push({
				questionnaire: q.id,
				version: q.version,
				campaign,
				type: t.type,
				band: populationBand(t.population),
				region: t.region,
				scores: { overall: clamp(mean + normal(rand) * 3), themes },
				synthetic: true,
				source: 'demo'
			});
		}
	}
	return out;
}
