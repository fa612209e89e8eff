/**
 * `npm run messages:typography`: repairs the French typography of `messages/fr.json` in place
 * (see `frenchTypography`): no-break spaces around « » and before : ; ? !, the apostrophe ’.
 * Changes nothing else; prints how many texts it changed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { frenchTypography } from '../src/lib/messages/typography.ts';

const file = 'messages/fr.json';
const messages = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
let changed = 0;
for (const [k, v] of Object.entries(messages)) {
	if (k === '$schema' || typeof v !== 'string') continue;
	const { fixed } = frenchTypography(v);
	if (fixed !== v) {
		messages[k] = fixed;
		changed++;
	}
}
writeFileSync(file, JSON.stringify(messages, null, '\t') + '\n');
console.log(`messages:typography: ${changed} text(s) repaired in ${file}.`);
