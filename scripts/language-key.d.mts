/** See language-key.mjs. */
export function languageKey(): string;
