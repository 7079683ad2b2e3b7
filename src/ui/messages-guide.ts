// The strings of `next`, `plan` and `log` (and status names), spread into messages.ts.

export const guideEn = () => ({
  statusNames: { todo: 'to do', doing: 'in progress', done: 'done', skipped: 'skipped' },
  next: {
    now: 'Now',
    parallel: 'In parallel',
    ongoing: 'Ongoing',
    single: 'Next',
    congrats: '🎉 Everything is done or skipped: the roadmap is complete. Congratulations!',
    planTip: 'Tip: follow the planning table with `roadmap plan --start YYYY-MM-DD`.',
    reasons: {
      doing: 'in progress',
      behind: (period: string) => `behind the plan: “${period}” is over`,
      planNow: (period: string) => `in the plan now: ${period}`,
      finishes: (section: string) => `finishes ${section}`,
      started: (section: string, closed: number, total: number) => `${section} is under way (${closed}/${total})`,
      priority: (level: number) => `priority level ${level}`,
      order: 'in document order',
      says: (words: string) => `the document says « ${words} »`,
    },
    terms: {
      doing: 'in progress',
      behind: 'behind plan',
      priority: 'priority',
      emphasis: 'document says',
      plan: 'plan now',
      momentum: 'momentum',
      order: 'order',
    },
    explainHead: { term: 'term', coefficient: 'coef.', factor: 'factor', points: 'points', score: 'score' },
    urgentHint: (id: number, text: string, reason: string) => `More urgent: ${id}  ${text} (${reason}). See \`roadmap next\`.`,
    hints: {
      cli: 'turn off (or back on) the "More urgent" hint of check and start',
      setting: 'on or off; none: say which',
      on: 'Hints are on: check and start may name a more urgent item (at most once a day each).',
      off: 'Hints are off: check and start never name a more urgent item. Turn them back on with `roadmap hints on`.',
      envOff: (name: string) => `Hints are off for now: ${name}=off is set.`,
    },
  },
  plan: {
    title: 'Plan',
    started: (start: string, today: string, month: number) => `Started ${start} · today ${today}, month ${month}`,
    notStarted: (start: string, today: string) => `Starts ${start} · today ${today}`,
    fromToday: (day: string) => `No start recorded: counted from today. \`roadmap plan --start ${day}\` records it (or another day).`,
    startSet: (day: string) => `Plan start set to ${day}.`,
    states: { done: 'done', behind: 'behind', now: 'now', later: 'later', ongoing: 'ongoing', unknown: '?' },
    item: (id: number) => `item ${id}`,
    explainOption: 'show how the words of each period matched the document',
    explainHead: 'How the words matched the document:',
    unmatched: (words: string) => `words not used: ${words}`,
    nothingMatched: 'matches nothing in the document',
    onTrack: 'On track.',
    behind: (n: number, periods: string) => `Behind by ${n} item${n > 1 ? 's' : ''} (${periods}).`,
    pace: (done: number, days: number, date: string, remaining: number) =>
      `Pace: ${done} item${done > 1 ? 's' : ''} done in the last ${days} days → projected finish ${date} (${remaining} left).`,
    noHistory: 'Projected finish: not enough history yet.',
    stalled: (days: number) => `Projected finish: nothing done in the last ${days} days, so no projection.`,
    finished: 'Everything is done or skipped.',
  },
  log: {
    history: 'History (newest first)',
    empty: 'No change recorded yet.',
    emptySince: (day: string) => `No change since ${day}.`,
    removed: '(no longer in the document)',
    weekly: 'Items done per week',
    weekOf: (day: string) => `week of ${day}`,
    streak: (n: number) =>
      n === 0 ? 'No streak yet: finish an item this week to start one.' : `Streak: ${n} week${n > 1 ? 's' : ''} in a row with progress.`,
  },
});

export const guideFr = (): ReturnType<typeof guideEn> => ({
  statusNames: { todo: 'à faire', doing: 'en cours', done: 'fait', skipped: 'ignoré' },
  next: {
    now: 'Maintenant',
    parallel: 'En parallèle',
    ongoing: 'En continu',
    single: 'À suivre',
    congrats: '🎉 Tout est fait ou ignoré : la roadmap est terminée. Bravo !',
    planTip: 'Astuce : suis le planning avec `roadmap plan --start AAAA-MM-JJ`.',
    reasons: {
      doing: 'en cours',
      behind: (period: string) => `en retard sur le plan : « ${period} » est passé`,
      planNow: (period: string) => `au programme maintenant : ${period}`,
      finishes: (section: string) => `termine ${section}`,
      started: (section: string, closed: number, total: number) => `${section} est entamé (${closed}/${total})`,
      priority: (level: number) => `niveau de priorité ${level}`,
      order: 'dans l’ordre du document',
      says: (words: string) => `le document dit « ${words} »`,
    },
    terms: {
      doing: 'en cours',
      behind: 'retard plan',
      priority: 'priorité',
      emphasis: 'le document dit',
      plan: 'plan actuel',
      momentum: 'élan',
      order: 'ordre',
    },
    explainHead: { term: 'terme', coefficient: 'coef.', factor: 'facteur', points: 'points', score: 'score' },
    urgentHint: (id: number, text: string, reason: string) => `Plus urgent : ${id}  ${text} (${reason}). Voir \`roadmap next\`.`,
    hints: {
      cli: 'couper (ou rétablir) l’indication « Plus urgent » de check et start',
      setting: 'on ou off ; sans rien : dire où on en est',
      on: 'Indications activées : check et start peuvent nommer un élément plus urgent (au plus une fois par jour chacun).',
      off: 'Indications coupées : check et start ne nomment plus d’élément plus urgent. Rétablis-les avec `roadmap hints on`.',
      envOff: (name: string) => `Indications coupées pour l’instant : ${name}=off est défini.`,
    },
  },
  plan: {
    title: 'Plan',
    started: (start: string, today: string, month: number) => `Commencé le ${start} · aujourd’hui ${today}, mois ${month}`,
    notStarted: (start: string, today: string) => `Commence le ${start} · aujourd’hui ${today}`,
    fromToday: (day: string) =>
      `Aucun début enregistré : compté à partir d’aujourd’hui. \`roadmap plan --start ${day}\` l’enregistre (ou un autre jour).`,
    startSet: (day: string) => `Début du plan fixé au ${day}.`,
    states: { done: 'fait', behind: 'en retard', now: 'maintenant', later: 'à venir', ongoing: 'en continu', unknown: '?' },
    item: (id: number) => `élément ${id}`,
    explainOption: 'montrer comment les mots de chaque période correspondent au document',
    explainHead: 'Correspondance des mots avec le document :',
    unmatched: (words: string) => `mots non utilisés : ${words}`,
    nothingMatched: 'ne correspond à rien dans le document',
    onTrack: 'Dans les temps.',
    behind: (n: number, periods: string) => `En retard de ${n} élément${n > 1 ? 's' : ''} (${periods}).`,
    pace: (done: number, days: number, date: string, remaining: number) =>
      `Rythme : ${done} élément${done > 1 ? 's' : ''} fait${done > 1 ? 's' : ''} ces ${days} derniers jours → fin prévue le ${date} (${remaining} restant${remaining > 1 ? 's' : ''}).`,
    noHistory: 'Fin prévue : pas encore assez d’historique.',
    stalled: (days: number) => `Fin prévue : rien de fait ces ${days} derniers jours, pas de projection.`,
    finished: 'Tout est fait ou ignoré.',
  },
  log: {
    history: 'Historique (le plus récent d’abord)',
    empty: 'Aucun changement enregistré pour l’instant.',
    emptySince: (day: string) => `Aucun changement depuis le ${day}.`,
    removed: '(n’est plus dans le document)',
    weekly: 'Éléments faits par semaine',
    weekOf: (day: string) => `semaine du ${day}`,
    streak: (n: number) =>
      n === 0
        ? 'Pas encore de série : termine un élément cette semaine pour en commencer une.'
        : `Série : ${n} semaine${n > 1 ? 's' : ''} d’affilée avec des progrès.`,
  },
});

/** The properties guideEn and guideFr make (see LazyTable). */
export const GUIDE_KEYS = ['statusNames', 'next', 'plan', 'log'] as const satisfies readonly (keyof ReturnType<typeof guideEn>)[];
