/**
 * The differencing test: on a realistic data set (the demo generator over the 36,000 real
 * territories, then thinned out so that many cells are small), enumerate every published cell
 * and show that no cell of fewer than k contributions can be derived from them.
 *
 * Method, independent of how `publishableCells` works: give every contribution the signature
 * "which published cells contain me". Contributions with the same signature form an atom. Any
 * figure a reader can compute by adding and subtracting published counts is a sum over whole
 * atoms (every published cell is a union of atoms), and any comparison of published quantiles
 * tells about the multisets of whole atoms. So if every atom has at least k contributions, no
 * group of fewer than k — in particular no suppressed cell — can be isolated: a suppressed cell
 * is never a union of atoms.
 */
import { describe, expect, it } from 'vitest';
import { versionPools } from '../../domain/benchmark.ts';
import { createCatalog } from '../../domain/catalog.ts';
import { cohortKey } from '../../domain/cohort.ts';
import { quantiles } from '../../domain/statistics.ts';
import { loadCatalog } from '../catalog/load.ts';
import { nextEdition } from '../../domain/edition.ts';
import type { NewContribution } from '../store/editions.ts';
import { territories } from '../territories/data.ts';
import { demoContributions } from './demo.ts';

const catalog = createCatalog(loadCatalog('questionnaires').questionnaires);
const demo = demoContributions(territories(), catalog, 2026);
const real = (r: NewContribution) => ({ ...r, synthetic: false });

/** Every cohort a contribution belongs to: type, type × band, type × band × region. */
const cellsOf = (r: NewContribution) => [
	cohortKey({ type: r.type }),
	cohortKey({ type: r.type, band: r.band }),
	cohortKey({ type: r.type, band: r.band, region: r.region })
];

function audit(records: NewContribution[], questionnaire: string, k: number) {
	// The pool of the latest version: the demo generator answers the latest of each questionnaire.
	const latest = catalog.latest(questionnaire)!.version;
	const pool = versionPools(catalog.versions(questionnaire)).find((p) =>
		p.versions.includes(latest)
	)!;
	const rows = records.filter((r) => r.questionnaire === questionnaire);
	const contributions = rows.map((r, i) => ({
		...r,
		id: String(i),
		cohort: { type: r.type, band: r.band, region: r.region },
		digest: String(i)
	}));
	const edition = nextEdition(
		{ contributions, pools: [pool], k, editions: [], members: new Map() },
		1
	);
	const published = new Map(
		edition.cells.map((c) => [c.cohort, { n: c.n, overall: c.figures.overall }])
	);

	const members = new Map<string, number[]>();
	rows.forEach((r, i) => {
		for (const key of cellsOf(r)) members.set(key, [...(members.get(key) ?? []), i]);
	});

	// Published figures are what they claim: n ≥ k, the true count and the true quantiles.
	for (const [key, agg] of published) {
		const ids = members.get(key)!;
		expect(agg.n, key).toBeGreaterThanOrEqual(k);
		expect(agg.n, key).toBe(ids.length);
		const overall = ids.map((i) => rows[i]!.scores.overall).sort((a, b) => a - b);
		expect(agg.overall, key).toEqual({ n: ids.length, ...quantiles(overall) });
	}

	// Atoms: contributions grouped by the set of published cells that contain them.
	const signature = rows.map((r) =>
		cellsOf(r)
			.filter((key) => published.has(key))
			.join(',')
	);
	const atoms = new Map<string, number>();
	for (const s of signature) if (s) atoms.set(s, (atoms.get(s) ?? 0) + 1);
	for (const [s, size] of atoms) expect(size, `atom ${s}`).toBeGreaterThanOrEqual(k);

	// Hence no suppressed cell is a union of atoms: each holds a contribution outside every
	// published cell, or shares an atom with contributions outside it.
	let suppressed = 0;
	for (const [key, ids] of members) {
		if (published.has(key) || ids.length >= k) continue;
		suppressed++;
		const inside = new Set(ids);
		const derivable = ids.every(
			(i) => signature[i] !== '' && signature.every((s, j) => s !== signature[i] || inside.has(j))
		);
		expect(derivable, `${key} (n = ${ids.length}) can be derived`).toBe(false);
	}
	return { cells: members.size, published: published.size, suppressed, atoms: atoms.size };
}

describe('no suppressed cell can be derived from the published ones', () => {
	it.each([
		['the demo set', 1, 5],
		['a third of it, as real contributions', 3, 5],
		['a tenth of it, as real contributions', 10, 5],
		['a third of it with k = 10', 3, 10]
	])('%s', (_, every, k) => {
		const records = every === 1 ? demo : demo.filter((_, i) => i % every === 0).map(real);
		for (const q of ['donnees', 'cybersecurite']) {
			const r = audit(records, q, k);
			// The data set must really test something: small cells to hide, and figures shown.
			expect(r.suppressed).toBeGreaterThan(20);
			expect(r.published).toBeGreaterThan(15);
		}
	});
});
