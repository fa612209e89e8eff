/**
 * The observatory's pages are rendered on the server and need no script: no hydration (its
 * tables and SVG charts are large), so nothing blocks the main thread. The header's language
 * switch is a link that works without JavaScript.
 */
export const csr = false;
