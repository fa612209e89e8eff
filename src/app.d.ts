// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
	namespace App {
		interface Error {
			message: string;
			/** Stable code of an expected error; an id to quote for an unexpected one. */
			code?: string;
		}
	}
}

export {};
