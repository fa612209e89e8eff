import { z } from 'zod';
import { questionnaireSchema } from './questionnaire.ts';

/**
 * The JSON Schema of a questionnaire file, for editors (YAML completion and hover help).
 * Generated from the zod schema, which stays the single source: `npm run questionnaires:schema`.
 * Cross-field rules (coherence) are not in it; `npm run questionnaires:check` applies them.
 */
export function questionnaireJsonSchema(): Record<string, unknown> {
	return {
		...z.toJSONSchema(questionnaireSchema, { io: 'input', unrepresentable: 'any' }),
		$id: 'https://numeriscope.fr/schemas/questionnaire.schema.json',
		title: 'Numériscope questionnaire'
	};
}
