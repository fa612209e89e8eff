import { openDataColumns, type OpenDataRow } from '$lib/domain/observatory';
import { m } from '$lib/paraglide/messages';

/** The data dictionary of the open data: each column's Table Schema type and description. */

type Column = (typeof openDataColumns)[number];
type Locale = 'fr' | 'en';

const types: Record<Column, 'integer' | 'string' | 'date' | 'boolean'> = {
	campaign: 'integer',
	edition: 'integer',
	published_on: 'date',
	questionnaire: 'string',
	versions: 'string',
	scope: 'string',
	theme: 'string',
	type: 'string',
	band: 'string',
	region: 'string',
	n: 'integer',
	p10: 'integer',
	p25: 'integer',
	p50: 'integer',
	p75: 'integer',
	p90: 'integer',
	computed_in: 'integer',
	synthetic: 'boolean'
};

const descriptions: Record<Column, (i: object, o: { locale?: Locale }) => string> = {
	campaign: m.observatory_field_campaign,
	edition: m.observatory_field_edition,
	published_on: m.observatory_field_published_on,
	questionnaire: m.observatory_field_questionnaire,
	versions: m.observatory_field_versions,
	scope: m.observatory_field_scope,
	theme: m.observatory_field_theme,
	type: m.observatory_field_type,
	band: m.observatory_field_band,
	region: m.observatory_field_region,
	n: m.observatory_field_n,
	p10: m.observatory_field_p10,
	p25: m.observatory_field_p25,
	p50: m.observatory_field_p50,
	p75: m.observatory_field_p75,
	p90: m.observatory_field_p90,
	computed_in: m.observatory_field_computed_in,
	synthetic: m.observatory_field_synthetic
};

export interface DictionaryEntry {
	name: keyof OpenDataRow;
	type: string;
	description: string;
}

/** The columns in file order, described in the page's language (or the one given). */
export function dictionary(locale?: Locale): DictionaryEntry[] {
	return openDataColumns.map((name) => ({
		name,
		type: types[name],
		description: descriptions[name]({}, locale ? { locale } : {})
	}));
}

/** A Table Schema (frictionless data) of the files: French descriptions, English beside them. */
export function tableSchema(licence: { name: string; url: string }) {
	const fr = dictionary('fr');
	const en = dictionary('en');
	return {
		fields: fr.map((f, i) => ({
			name: f.name,
			type: f.type,
			description: f.description,
			description_en: en[i]!.description,
			...(f.name === 'scope' ? { constraints: { enum: ['overall', 'theme'] } } : {})
		})),
		missingValues: [''],
		licenses: [{ name: 'etalab-2.0', title: licence.name, path: licence.url }]
	};
}
