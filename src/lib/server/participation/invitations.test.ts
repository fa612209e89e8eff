import { describe, expect, it } from 'vitest';
import { createCatalog } from '../../domain/catalog.ts';
import { invitationCodeSchema } from '../../domain/participation.ts';
import { loadCatalog } from '../catalog/load.ts';
import { territories } from '../territories/data.ts';
import { parseCollects } from './cli.ts';
import {
	codesFromCsv,
	hashInvitation,
	InvitationError,
	newInvitationCode,
	selectTerritories
} from './invitations.ts';

describe('invitation codes', () => {
	it('are 20 characters of the alphabet, every character used, accepted by the contract', () => {
		const codes = Array.from({ length: 2000 }, newInvitationCode);
		for (const c of codes.slice(0, 50)) expect(invitationCodeSchema.parse(c)).toBe(c);
		expect(new Set(codes).size).toBe(codes.length);
		// 100 bits spread over the 20 positions: all 32 symbols show up at the first and last.
		expect(new Set(codes.map((c) => c[0])).size).toBe(32);
		expect(new Set(codes.map((c) => c[19])).size).toBe(32);
		expect(hashInvitation(codes[0]!)).toMatch(/^[0-9a-f]{64}$/);
	});
});

describe('selecting territories', () => {
	const all = territories();
	it('by code, refusing unknown, ambiguous and repeated codes, naming each', () => {
		expect(selectTerritories(all, { codes: ['54395', 'region:44'] }).map((t) => t.name)).toEqual([
			'Nancy',
			'Grand Est'
		]);
		expect(() => selectTerritories(all, { codes: ['44', '99999', '54395', '54395'] })).toThrow(
			InvitationError
		);
		try {
			selectTerritories(all, { codes: ['44', '99999', '54395', '54395'] });
		} catch (e) {
			expect((e as InvitationError).problems).toEqual([
				expect.stringMatching(
					/^44: several territories .*departement:44 Loire-Atlantique.*region:44 Grand Est/
				),
				'99999: no territory has this code',
				'54395: listed twice'
			]);
		}
	});

	it('by type in a département or a région', () => {
		const communes = selectTerritories(all, { type: 'commune', departement: '54' });
		expect(communes.length).toBeGreaterThan(500);
		expect(communes.every((t) => t.type === 'commune' && t.departement === '54')).toBe(true);
		expect(selectTerritories(all, { type: 'departement', region: '44' })).toHaveLength(10);
		expect(() => selectTerritories(all, { type: 'commune', departement: '00' })).toThrow(
			/no commune/
		);
	});

	it('from a CSV file whose first column is the code', () => {
		expect(codesFromCsv('\uFEFFcode;nom\n54395;Nancy\r\n57463;Metz\n\n')).toEqual([
			'54395',
			'57463'
		]);
		expect(codesFromCsv('"54395",Nancy\n')).toEqual(['54395']);
		expect(() => codesFromCsv('code;nom\n')).toThrow(/no territory code/);
	});
});

describe('what a campaign collects', () => {
	const catalog = createCatalog(loadCatalog('questionnaires').questionnaires);
	it('is checked against the catalog, naming every problem', () => {
		expect(parseCollects('donnees@1,cybersecurite@1', { catalog })).toEqual([
			{ questionnaire: 'donnees', version: 1 },
			{ questionnaire: 'cybersecurite', version: 1 }
		]);
		expect(() =>
			parseCollects('donnees@9,inconnu@1,donnees,donnees@1,donnees@1', { catalog })
		).toThrow(
			/donnees@9: "donnees" has versions 1, 2\ninconnu@1: no questionnaire "inconnu"\n"donnees": write questionnaire@version, e.g. donnees@1\ndonnees@1: listed twice/
		);
	});

	it('holds two versions of a questionnaire only when they are comparable', () => {
		const v1 = catalog.get('donnees', 1)!;
		const two = createCatalog([
			v1,
			{ ...v1, version: 2, comparableWith: [1] },
			{ ...v1, version: 3, comparableWith: [] }
		]);
		expect(parseCollects('donnees@1,donnees@2', { catalog: two })).toHaveLength(2);
		expect(() => parseCollects('donnees@2,donnees@3', { catalog: two })).toThrow(/not comparable/);
	});
});
