/**
 * French typography, one rule for the whole project: `messages-check` checks and repairs the
 * catalog with it, and the PDF applies it to every text it prints (catalog, questionnaire content
 * and what the officer typed). Pure: no catalog, no DOM.
 */

const NO_BREAK = '\u202f';

/**
 * French typography of one text: a no-break space before « : ; ? ! » » and after « « »,
 * the typographic apostrophe « ’ ». Returns the text repaired and what was wrong. Placeholders
 * stay as they are; `10:00` and a « : » or « ? » with no space before (`https://`, `?x=1`) are
 * left alone, as in the questionnaires' check.
 * Example: "Fondement : l'article" → "Fondement\u202f: l’article", two problems.
 */
export function frenchTypography(value: string): { fixed: string; problems: string[] } {
	const problems: string[] = [];
	let fixed = value.replace(/ ([:;?!»])/g, (_, c: string) => {
		problems.push(`ordinary space before « ${c} »`);
		return NO_BREAK + c;
	});
	fixed = fixed.replace(/« /g, () => {
		problems.push('ordinary space after « « »');
		return '«' + NO_BREAK;
	});
	fixed = fixed.replace(/«(?=[^\s\u202f\u00a0])/g, () => {
		problems.push('no space after « « »');
		return '«' + NO_BREAK;
	});
	fixed = fixed.replace(/(?<=[^\s\u202f\u00a0])»/g, () => {
		problems.push('no space before « » »');
		return NO_BREAK + '»';
	});
	fixed = fixed.replace(/(?<=\p{L})'(?=\p{L})/gu, () => {
		problems.push("straight apostrophe « ' »: use « ’ »");
		return '’';
	});
	return { fixed, problems };
}
