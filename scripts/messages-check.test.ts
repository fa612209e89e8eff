import { describe, expect, it } from 'vitest';
import { frenchTypography } from '../src/lib/messages/typography.ts';
import { checkMessages, parametersOf, usedKeys } from './lib/messages-check.ts';

const schema = '"$schema": "https://inlang.com/schema/inlang-message-format"';
const catalog = (file: string, body: string) => ({ file, text: `{ ${schema}${body} }` });

describe('messages-check', () => {
	it('passes two matching, sorted, used catalogs', () => {
		const fr = catalog('fr.json', ', "a_one": "Bonjour {name}", "b_two": "Au revoir"');
		const en = catalog('en.json', ', "a_one": "Hello {name}", "b_two": "Goodbye"');
		expect(checkMessages([fr, en], ['m.a_one({ name })', "m['b_two']()"])).toEqual([]);
	});

	it('names the file and the key of every problem', () => {
		const fr = catalog('fr.json', ', "b": "Deux {n}", "a": "Un", "c": " ", "d": "Quatre"');
		const en = catalog('en.json', ', "a": "One", "b": "Two {count}", "c": "Three"');
		expect(checkMessages([fr, en], ['m.a() m.b m.c()'])).toEqual([
			'fr.json: key "a" is out of order (it sorts before "b")',
			'fr.json: key "c" has an empty value',
			'en.json: key "b" has parameters {count} but fr.json has {n}',
			'en.json: key "d" is missing (present in fr.json)',
			'fr.json: key "d" is used nowhere in src/ (m.d)'
		]);
	});

	it('wants French typography in the French catalog only, and can repair it', () => {
		const fr = catalog('fr.json', ', "a": "Fondement : l\'article « {ref} »"');
		const en = catalog('en.json', ', "a": "Basis: the article \'{ref}\' : ok"');
		expect(checkMessages([fr, en], ['m.a()'])).toEqual([
			'fr.json: key "a": ordinary space before « : » (npm run messages:typography repairs it)',
			'fr.json: key "a": ordinary space before « » » (npm run messages:typography repairs it)',
			'fr.json: key "a": ordinary space after « « » (npm run messages:typography repairs it)',
			'fr.json: key "a": straight apostrophe « \' »: use « ’ » (npm run messages:typography repairs it)'
		]);
		expect(frenchTypography("Fondement : l'article « {ref} » ?").fixed).toBe(
			'Fondement\u202f: l’article «\u202f{ref}\u202f»\u202f?'
		);
		expect(frenchTypography('https://x.fr/?a=1 à 10:00, «\u00a0oui\u00a0»')).toEqual({
			fixed: 'https://x.fr/?a=1 à 10:00, «\u00a0oui\u00a0»',
			problems: []
		});
	});

	it('wants $schema first and valid JSON', () => {
		expect(
			checkMessages(
				[
					{ file: 'fr.json', text: '{ "a": "x", ' + schema + ' }' },
					{ file: 'en.json', text: '{ "a": ' }
				],
				['m.a()']
			)
		).toEqual([
			'fr.json: "$schema" is not the first key',
			expect.stringMatching(/^en\.json: not valid JSON/)
		]);
	});

	it('reads the inputs of a message with variants, not its locals', () => {
		expect(
			parametersOf([
				{
					declarations: ['input count', 'local countPlural = count: plural'],
					selectors: ['countPlural'],
					match: { 'countPlural=one': '{count} réponse', 'countPlural=*': '{count} réponses' }
				}
			])
		).toEqual(['count']);
	});

	it('sees keys called, passed as functions, or indexed', () => {
		expect([...usedKeys(['m.a_b({ x }); const f = m.c_d; m["e_f"]()'])].sort()).toEqual([
			'a_b',
			'c_d',
			'e_f'
		]);
	});
});
