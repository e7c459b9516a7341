// The shape of a message catalogue: a string with {placeholders}, or plural
// forms chosen by Intl.PluralRules. Screens keep their messages next to their
// code (screens/*/messages.ts); i18n.ts merges them into one catalogue.
export type Plural = { one: string; few?: string; many?: string; other: string };
export type Entry = string | Plural;

// ScreenMessages pairs the English messages of a screen with their Russian
// and Bulgarian text; the type makes both complete, key for key.
export type ScreenMessages<E extends Record<string, Entry>> = {
  en: E;
  ru: Record<keyof E, Entry>;
  bg: Record<keyof E, Entry>;
};

export function screenMessages<E extends Record<string, Entry>>(
  en: E,
  ru: Record<keyof E, Entry>,
  bg: Record<keyof E, Entry>,
): ScreenMessages<E> {
  return { en, ru, bg };
}
