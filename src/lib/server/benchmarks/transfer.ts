import type { Catalog } from '../../domain/catalog.ts';
import { ContributionError, parseContribution } from '../../domain/contribution.ts';
import type { CampaignRecord } from '../store/campaigns.ts';
import type { NewContribution } from '../store/editions.ts';
import type { ContributionRecord } from '../store/types.ts';
import type { Cohort } from '../../domain/cohort.ts';
import { csvField, parseCsv } from './csv.ts';

/**
 * The file formats of `benchmarks:import` and `benchmarks:export`.
 * - JSON: an array of contributions exactly as `POST /api/contributions` takes them.
 * - CSV: one contribution per line, columns `questionnaire, version, campaign, type, band,
 *   region, overall`, then one `theme.<id>` column per theme; a row fills the columns of its
 *   questionnaire's themes and leaves the others empty.
 */
export type Format = 'csv' | 'json';

const fixed = ['questionnaire', 'version', 'campaign', 'type', 'band', 'region', 'overall'];

export interface Rejection {
	/** CSV: the line number (the header is line 1). JSON: the item number, from 1. */
	row: number;
	reason: string;
}

export class ImportError extends Error {
	readonly code = 'import_invalid';
}

/** `"12"` → 12; anything else stays text, so that validation names it. */
const integer = (s: string): number | string => (/^-?\d{1,9}$/.test(s) ? Number(s) : s);

type Item = { row: number; value: unknown; problem?: string };

function csvItems(text: string): Item[] {
	let records;
	try {
		records = parseCsv(text);
	} catch (e) {
		throw new ImportError((e as Error).message);
	}
	const [header, ...rows] = records;
	if (!header) throw new ImportError('the file is empty');
	const names = header.fields.map((f) => f.trim());
	const missing = fixed.filter((c) => !names.includes(c));
	const unknown = names.filter((n) => !fixed.includes(n) && !/^theme\.[a-z0-9-]+$/.test(n));
	if (missing.length || unknown.length)
		throw new ImportError(
			[
				missing.length ? `missing column(s) ${missing.join(', ')}` : '',
				unknown.length ? `unknown column(s) ${unknown.join(', ')}` : ''
			]
				.filter(Boolean)
				.join('; ') + ` (expected ${fixed.join(', ')}, theme.<id>…)`
		);
	return rows.map(({ line, fields }) => {
		if (fields.length !== names.length)
			return {
				row: line,
				value: null,
				problem: `${fields.length} fields where the header has ${names.length}`
			};
		const get = (name: string) => fields[names.indexOf(name)]!.trim();
		const themes: Record<string, number | string> = {};
		names.forEach((n, i) => {
			if (n.startsWith('theme.') && fields[i]!.trim() !== '')
				themes[n.slice(6)] = integer(fields[i]!.trim());
		});
		return {
			row: line,
			value: {
				questionnaire: get('questionnaire'),
				version: integer(get('version')),
				campaign: integer(get('campaign')),
				cohort: { type: get('type'), band: get('band'), region: get('region') },
				scores: { overall: integer(get('overall')), themes }
			}
		};
	});
}

function jsonItems(text: string): Item[] {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (e) {
		throw new ImportError(`not valid JSON: ${(e as Error).message}`);
	}
	if (!Array.isArray(data)) throw new ImportError('a JSON import is an array of contributions');
	return data.map((value, i) => ({ row: i + 1, value }));
}

/**
 * Checks every row of an import file against the catalog, as the API would, and against the
 * campaign it is imported into: the row's campaign must be that one and its version one the
 * campaign collects. Returns the records (source `import`) when every row is valid; otherwise
 * every rejected row with its reason (nothing of the file is to be stored). Throws
 * `ImportError` when the file itself is unreadable.
 */
export function parseImport(
	text: string,
	format: Format,
	catalog: Catalog,
	now: Date,
	campaign: Pick<CampaignRecord, 'year' | 'collects'>
): { records: NewContribution[]; rejected: Rejection[] } {
	const collected = new Set(campaign.collects.map((c) => `${c.questionnaire}@${c.version}`));
	const records: NewContribution[] = [];
	const rejected: Rejection[] = [];
	for (const { row, value, problem } of format === 'csv' ? csvItems(text) : jsonItems(text)) {
		if (problem !== undefined) {
			rejected.push({ row, reason: problem });
			continue;
		}
		try {
			const c = parseContribution(value, catalog, now);
			if (c.campaign !== campaign.year)
				rejected.push({
					row,
					reason: `campaign_mismatch: campaign ${c.campaign}, not ${campaign.year}`
				});
			else if (!collected.has(`${c.questionnaire}@${c.version}`))
				rejected.push({
					row,
					reason: `not_collected: campaign ${campaign.year} does not collect ${c.questionnaire}@${c.version} (it collects ${[...collected].join(', ')})`
				});
			else records.push({ ...toRecord(c, false), source: 'import' });
		} catch (e) {
			if (!(e instanceof ContributionError)) throw e;
			rejected.push({ row, reason: `${e.code}: ${e.message}` });
		}
	}
	return { records, rejected };
}

/** A contribution with its cohort flattened, as files and bulk inserts hold it. */
export function toRecord(
	c: {
		questionnaire: string;
		version: number;
		campaign: number;
		cohort: Required<Cohort>;
		scores: ContributionRecord['scores'];
	},
	synthetic: boolean
): ContributionRecord {
	const { type, band, region } = c.cohort;
	const { questionnaire, version, campaign, scores } = c;
	return { questionnaire, version, campaign, type, band, region, scores, synthetic };
}

/** Contributions as an import file; `synthetic` adds that column (such a file is not importable). */
export function formatExport(
	records: readonly ContributionRecord[],
	format: Format,
	synthetic = false
): string {
	if (format === 'json')
		return (
			JSON.stringify(
				records.map((r) => ({
					questionnaire: r.questionnaire,
					version: r.version,
					campaign: r.campaign,
					cohort: { type: r.type, band: r.band, region: r.region },
					scores: r.scores,
					...(synthetic ? { synthetic: r.synthetic } : {})
				})),
				null,
				1
			) + '\n'
		);
	const themes = [...new Set(records.flatMap((r) => Object.keys(r.scores.themes)))].sort();
	const header = [
		...fixed,
		...themes.map((t) => `theme.${t}`),
		...(synthetic ? ['synthetic'] : [])
	];
	const lines = records.map((r) =>
		[
			r.questionnaire,
			r.version,
			r.campaign,
			r.type,
			r.band,
			r.region,
			r.scores.overall,
			...themes.map((t) => r.scores.themes[t] ?? ''),
			...(synthetic ? [r.synthetic] : [])
		]
			.map(csvField)
			.join(',')
	);
	return [header.join(','), ...lines].join('\n') + '\n';
}
