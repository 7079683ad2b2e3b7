import { GLOBAL_OPTIONS } from '../command-line.js';

export type Lang = 'en' | 'fr';
export const LANGS: readonly Lang[] = ['en', 'fr'];

/** Reads a locale value ("fr_FR.UTF-8", "en", "C") as a UI language, or undefined when unknown. */
export function langOf(value: string | undefined): Lang | undefined {
  const code = value?.trim().toLowerCase().slice(0, 2);
  return LANGS.find((lang) => lang === code);
}

/**
 * Picks the UI language: `--lang`, then `ROADMAP_LANG`, then the POSIX locale variables in their
 * order of precedence (the first one set decides), English when unknown.
 */
export function detectLang(flag: string | undefined, env: Record<string, string | undefined>): Lang {
  const explicit = langOf(flag) ?? langOf(env.ROADMAP_LANG);
  if (explicit) return explicit;
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  return langOf(locale) ?? 'en';
}

/** The value of `--lang` in raw arguments, before commander parses them (help text needs it first). */
export function langFlag(argv: readonly string[]): string | undefined {
  const { long } = GLOBAL_OPTIONS.lang;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') return undefined;
    if (arg === long) return argv[i + 1];
    if (arg.startsWith(`${long}=`)) return arg.slice(long.length + 1);
  }
  return undefined;
}
