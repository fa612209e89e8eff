import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../domain/catalog.ts';
import { questionnaire, single } from '../../domain/testing.ts';
import { parseCsv } from './csv.ts';
import { formatExport, ImportError, parseImport } from './transfer.ts';

const catalog = createCatalog([
	questionnaire([single('q1', [0, 100], { theme: 'a' }), single('q2', [0, 100], { theme: 'b' })], {
		id: 'x'
	})
]);
const now = new Date('2026-06-01T00:00:00Z');
const y2026 = { year: 2026, collects: [{ questionnaire: 'x', version: 1 }] };
const header = 'questionnaire,version,campaign,type,band,region,overall,theme.a,theme.b';

describe('parseCsv', () => {
	it('reads quoted fields, doubled quotes, line breaks in quotes, CRLF and a BOM', () => {
		expect(parseCsv('\uFEFFa,"b ""c""",d\r\n"x\ny",2,\n\n3,4,5')).toEqual([
			{ line: 1, fields: ['a', 'b "c"', 'd'] },
			{ line: 2, fields: ['x\ny', '2', ''] },
			{ line: 5, fields: ['3', '4', '5'] }
		]);
	});
	it('names the line of an unclosed quote', () => {
		expect(() => parseCsv('a,b\n"c,d\n')).toThrow('line 2: a quoted field is not closed');
	});
});

describe('parseImport', () => {
	it('accepts a valid CSV campaign, as an imported source', () => {
		const csv = `${header}\nx,1,2026,commune,0-999,44,50,40,60\nx,1,2026,cc,10000-29999,84,70,70,70\n`;
		const { records, rejected } = parseImport(csv, 'csv', catalog, now, y2026);
		expect(rejected).toEqual([]);
		expect(records[1]).toEqual({
			questionnaire: 'x',
			version: 1,
			campaign: 2026,
			type: 'cc',
			band: '10000-29999',
			region: '84',
			scores: { overall: 70, themes: { a: 70, b: 70 } },
			synthetic: false,
			source: 'import'
		});
	});

	it('refuses rows of another campaign or of a version the campaign does not collect', () => {
		const csv = `${header}\nx,1,2025,commune,0-999,44,50,40,60\nx,1,2026,commune,0-999,44,50,40,60\n`;
		const other = { year: 2026, collects: [{ questionnaire: 'x', version: 2 }] };
		expect(parseImport(csv, 'csv', catalog, now, y2026).rejected).toEqual([
			{ row: 2, reason: 'campaign_mismatch: campaign 2025, not 2026' }
		]);
		expect(parseImport(csv, 'csv', catalog, now, other).rejected).toEqual([
			{ row: 2, reason: 'campaign_mismatch: campaign 2025, not 2026' },
			{
				row: 3,
				reason: 'not_collected: campaign 2026 does not collect x@1 (it collects x@2)'
			}
		]);
	});

	it('reports every rejected row with its line and reason', () => {
		const csv = [
			header,
			'x,1,2026,commune,0-999,44,50,40,60',
			'x,1,2026,commune,0-999,99,50,40,60',
			'x,1,2026,commune,0-999,44,50,40,',
			'x,1,2026,commune,0-999,44,cinquante,40,60',
			'x,1,2026,commune',
			'y,1,2026,commune,0-999,44,50,40,60'
		].join('\n');
		expect(parseImport(csv, 'csv', catalog, now, y2026).rejected).toEqual([
			{ row: 3, reason: 'invalid_contribution: cohort.region: a region is an INSEE region code' },
			{ row: 4, reason: 'theme_mismatch: missing theme(s) b for x v1' },
			{
				row: 5,
				reason: 'invalid_contribution: scores.overall: a score is a whole number from 0 to 100'
			},
			{ row: 6, reason: '4 fields where the header has 9' },
			{ row: 7, reason: 'unknown_questionnaire: unknown questionnaire "y"' }
		]);
	});

	it('reads JSON as the API contract, numbering items from 1', () => {
		const ok = {
			questionnaire: 'x',
			version: 1,
			campaign: 2026,
			cohort: { type: 'region', band: '1000000+', region: '11' },
			scores: { overall: 1, themes: { a: 1, b: 1 } }
		};
		const { rejected } = parseImport(
			JSON.stringify([ok, 'texte', { ...ok, name: 'Paris' }]),
			'json',
			catalog,
			now,
			y2026
		);
		expect(rejected.map((r) => r.row)).toEqual([2, 3]);
	});

	it('refuses a file it cannot read as a whole', () => {
		expect(() => parseImport('', 'csv', catalog, now, y2026)).toThrow(ImportError);
		expect(() => parseImport('questionnaire,version\n', 'csv', catalog, now, y2026)).toThrow(
			/missing column\(s\) campaign, type, band, region, overall/
		);
		expect(() => parseImport(`${header},nom\n`, 'csv', catalog, now, y2026)).toThrow(
			/unknown column\(s\) nom/
		);
		expect(() => parseImport('{"a":1}', 'json', catalog, now, y2026)).toThrow(/an array/);
	});

	it('reads back what it exports, in both formats', () => {
		const csv = `${header}\nx,1,2026,commune,0-999,44,50,40,60\n`;
		const { records } = parseImport(csv, 'csv', catalog, now, y2026);
		expect(formatExport(records, 'csv')).toBe(csv);
		expect(parseImport(formatExport(records, 'json'), 'json', catalog, now, y2026).records).toEqual(
			records
		);
	});
});
