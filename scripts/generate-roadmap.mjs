// Generates a large GFM task-list roadmap for the benchmark (never committed: it is made on each run).
// Usage: node scripts/generate-roadmap.mjs [items=10000] > big.md
import { pathToFileURL } from 'node:url';

const TOPICS = ['PostgreSQL', 'Kubernetes', 'Terraform', 'réseau', 'sécurité', 'observabilité', 'Go', 'Python', 'AWS Lambda', 'Kafka'];
const VERBS = ['Comprendre', 'Mettre en place', 'Déployer', 'Tester', 'Sécuriser', 'Mesurer', 'Documenter', 'Automatiser'];
const LEVELS = [
  '🔴 Niveau 1 — Les fondamentaux',
  '🟠 Niveau 2 — Le cœur du métier',
  '🟡 Niveau 3 — La production',
  '🟢 Niveau 4 — Se démarquer',
];

/**
 * A roadmap shaped like the bundled one (levels → sections → task items with bold, code, links and
 * nested items), with `items` task items in all, about 86 bytes per item.
 */
export function generateRoadmap(items = 10_000) {
  const lines = ['# 🚀 Generated roadmap', '', '> A large document for the benchmark.', ''];
  const perLevel = Math.ceil(items / LEVELS.length);
  const perSection = 25;
  let n = 0;
  for (const level of LEVELS) {
    lines.push(`## ${level}`, '', '> À travailler en parallèle des niveaux précédents.', '');
    for (let section = 1; n < items && section <= Math.ceil(perLevel / perSection); section++) {
      lines.push(`### Section ${section} : ${TOPICS[(n + section) % TOPICS.length]}`, '');
      for (let i = 0; i < perSection && n < items; i++, n++) {
        const topic = TOPICS[n % TOPICS.length];
        const verb = VERBS[n % VERBS.length];
        const nested = i % 5 === 4 ? '  ' : '';
        const extra = n % 3 === 0 ? ` avec \`${topic.toLowerCase()}\`` : n % 3 === 1 ? ` ([doc](https://example.com/${n}))` : '';
        const tail = ' : lire la doc, pratiquer';
        lines.push(`${nested}- [${n % 7 === 0 ? 'x' : ' '}] ${verb} **${topic}** n°${n + 1}${extra}${tail}`);
      }
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(generateRoadmap(Number(process.argv[2] ?? 10_000)));
}
