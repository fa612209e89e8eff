/** `npm run questionnaires:schema`: writes questionnaires/questionnaire.schema.json from the zod schema. */
import { writeFileSync } from 'node:fs';
import { questionnaireJsonSchema } from '../src/lib/domain/json-schema.ts';

export const SCHEMA_FILE = 'questionnaires/questionnaire.schema.json';

writeFileSync(SCHEMA_FILE, JSON.stringify(questionnaireJsonSchema(), null, '\t') + '\n');
console.log(`wrote ${SCHEMA_FILE}`);
