import { describe, expect, it } from 'vitest';
import { colorLevel, parseNow } from '../../src/context.js';
import { detectLang, langFlag } from '../../src/ui/lang.js';
import { messagesFor } from '../../src/ui/messages.js';

describe('detectLang', () => {
  it.each([
    [undefined, {}, 'en'],
    ['fr', { LANG: 'en_US.UTF-8' }, 'fr'],
    [undefined, { ROADMAP_LANG: 'fr', LANG: 'en_US' }, 'fr'],
    [undefined, { ROADMAP_LANG: 'xx', LANG: 'fr_FR.UTF-8' }, 'fr'],
    [undefined, { LC_ALL: 'fr_CA.UTF-8', LANG: 'en_US' }, 'fr'],
    [undefined, { LC_ALL: 'C', LC_MESSAGES: 'fr_FR', LANG: 'fr_FR' }, 'en'],
    [undefined, { LC_ALL: '', LC_MESSAGES: 'fr_FR', LANG: 'en_US' }, 'fr'],
    [undefined, { LANG: 'de_DE.UTF-8' }, 'en'],
    [undefined, { LANG: 'POSIX' }, 'en'],
  ] as const)('--lang %s with %j → %s', (flag, env, expected) => {
    expect(detectLang(flag, env)).toBe(expected);
  });

  it.each([
    [['status', '--lang', 'fr'], 'fr'],
    [['--lang=en', 'list'], 'en'],
    [['list', '--', '--lang', 'fr'], undefined],
    [['list'], undefined],
  ] as const)('finds the flag in %j', (argv, expected) => {
    expect(langFlag(argv)).toBe(expected);
  });
});

describe('colorLevel', () => {
  it.each([
    [undefined, {}, true, 1],
    [undefined, {}, false, 0],
    [false, { FORCE_COLOR: '1' }, true, 0],
    [undefined, { NO_COLOR: '1' }, true, 0],
    [undefined, { NO_COLOR: '' }, true, 1],
    [undefined, { FORCE_COLOR: '1' }, false, 1],
    [undefined, { FORCE_COLOR: '3', NO_COLOR: '1' }, false, 1],
    [undefined, { FORCE_COLOR: '3', ROADMAP_COLORS: 'truecolor' }, false, 3],
    [undefined, { FORCE_COLOR: '2' }, true, 1],
    [undefined, { FORCE_COLOR: '0' }, true, 0],
    [undefined, { TERM: 'dumb' }, true, 0],
    // The terminal's 16 colours unless asked for more (ROADMAP_COLORS).
    [undefined, { TERM: 'xterm-256color' }, true, 1],
    [undefined, { TERM: 'xterm-256color', ROADMAP_COLORS: '256' }, true, 2],
    [undefined, { COLORTERM: 'truecolor' }, true, 1],
    [undefined, { COLORTERM: 'truecolor', ROADMAP_COLORS: 'truecolor' }, true, 3],
    [undefined, { TERM: 'xterm-256color', ROADMAP_COLORS: 'truecolor' }, true, 2],
  ] as const)('flag %s, env %j, tty %s → level %i', (flag, env, tty, level) => {
    expect(colorLevel(flag, env, tty)).toBe(level);
  });
});

describe('parseNow', () => {
  const t = messagesFor('en');
  it.each(['2026-03-01', '2026-03-01T09:30:00Z', '2026-03-01T09:30', '2026-03-01T09:30:00.123+02:00'])('accepts %s', (value) => {
    expect(Number.isNaN(parseNow(value, t).getTime())).toBe(false);
  });
  it.each(['tomorrow', '2026-13-45', '1700000000', ''])('rejects %j', (value) => {
    expect(() => parseNow(value, t)).toThrow('ROADMAP_NOW must be an ISO date');
  });
});
