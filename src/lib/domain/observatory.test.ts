import { describe, expect, it } from 'vitest';
import type { EditionCell } from './edition.ts';
import {
	bestMapBand,
	EditionIndex,
	editionChanges,
	openDataColumns,
	openDataCsv,
	openDataRows,
	parseCohortKey,
	publishedBands,
	trend,
	type PublishedEdition
} from './observatory.ts';

const stat = (p50: number, n = 6) => ({
	n,
	p10: p50 - 20,
	p25: p50 - 10,
	p50,
	p75: p50 + 10,
	p90: p50 + 20
});
const cell = (pool: string, cohort: string, p50: number, computedIn = 1, n = 6): EditionCell => ({
	pool,
	cohort,
	n,
	computedIn,
	figures: {
		overall: stat(p50, n),
		themes: { rgpd: stat(p50 + 1, n), ouverture: stat(p50 - 1, n) }
	}
});
const edition = (o: Partial<PublishedEdition> & { cells: EditionCell[] }): PublishedEdition => ({
	campaign: 2025,
	number: 1,
	publishedOn: '2025-12-15',
	synthetic: true,
	...o
});

describe('open data', () => {
	const e = edition({
		cells: [cell('donnees@1', 'commune/3500-9999/44', 40), cell('donnees@1', 'commune', 30)]
	});

	it('gives one row per cell and score, overall first, themes in the stored order', () => {
		const rows = openDataRows(e);
		expect(rows.map((r) => [r.type, r.band, r.region, r.scope, r.theme, r.p50])).toEqual([
			['commune', '', '', 'overall', '', 30],
			['commune', '', '', 'theme', 'rgpd', 31],
			['commune', '', '', 'theme', 'ouverture', 29],
			['commune', '3500-9999', '44', 'overall', '', 40],
			['commune', '3500-9999', '44', 'theme', 'rgpd', 41],
			['commune', '3500-9999', '44', 'theme', 'ouverture', 39]
		]);
		expect(
			rows.every((r) => r.synthetic && r.versions === '1' && r.questionnaire === 'donnees')
		).toBe(true);
	});

	it('writes RFC 4180 CSV with the stable header', () => {
		const csv = openDataCsv(openDataRows(e));
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe(openDataColumns.join(','));
		expect(lines[1]).toBe('2025,1,2025-12-15,donnees,1,overall,,commune,,,6,10,20,30,40,50,1,true');
		expect(lines).toHaveLength(8); // header, 6 rows, the final CRLF
	});
});

describe('cohorts of an edition', () => {
	const index = new EditionIndex(
		edition({
			cells: [
				cell('donnees@1', 'commune', 30),
				cell('donnees@1', 'commune/3500-9999', 35),
				cell('donnees@1', 'commune/10000-29999', 35),
				cell('donnees@1', 'commune/3500-9999/44', 40),
				cell('donnees@1', 'commune/10000-29999/44', 40),
				cell('donnees@1', 'commune/10000-29999/11', 40)
			]
		})
	);
	it('lists bands by size and picks the band with the most régions for the map', () => {
		expect(publishedBands(index, 'donnees@1', 'commune')).toEqual(['3500-9999', '10000-29999']);
		expect(bestMapBand(index, 'donnees@1', 'commune')).toBe('10000-29999');
		expect(bestMapBand(index, 'donnees@1', 'cc')).toBeNull();
		expect(parseCohortKey('commune/3500-9999/44')).toEqual({
			type: 'commune',
			band: '3500-9999',
			region: '44'
		});
	});
});

describe('trend', () => {
	it('follows the median of comparable pools across campaigns, oldest first', () => {
		const points = trend(
			[
				edition({ campaign: 2025, cells: [cell('donnees@1+2', 'commune', 33)] }),
				edition({ campaign: 2024, cells: [cell('donnees@1', 'commune', 30)] }),
				edition({ campaign: 2023, cells: [cell('donnees@3', 'commune', 10)] }),
				edition({ campaign: 2022, cells: [cell('donnees@1', 'cc', 10)] })
			],
			'donnees',
			[1, 2],
			'commune'
		);
		expect(points.map((p) => [p.campaign, p.medians['overall'], p.medians['rgpd']])).toEqual([
			[2024, 30, 31],
			[2025, 33, 34]
		]);
	});
});

describe('changes between editions', () => {
	it('counts cells added, updated, carried over and removed', () => {
		const previous = edition({
			cells: [cell('d@1', 'a', 1), cell('d@1', 'b', 1), cell('d@1', 'c', 1)]
		});
		const current = edition({
			number: 2,
			cells: [cell('d@1', 'a', 1, 1), cell('d@1', 'b', 2, 2), cell('d@1', 'd', 2, 2)]
		});
		expect(editionChanges(current, previous)).toEqual({
			added: 1,
			updated: 1,
			carried: 1,
			removed: 1
		});
		expect(editionChanges(previous, undefined)).toEqual({
			added: 3,
			updated: 0,
			carried: 0,
			removed: 0
		});
	});
});
