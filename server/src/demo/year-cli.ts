import path from 'node:path';
import { generateYear } from './year.js';

// npm run demo:year -- --tickets 5000000 --db ./data/year.db [--end 2026-11-23T16:00:00Z] [--seed 2026]
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const tickets = Number(arg('tickets') ?? 50_000);
const file = path.resolve(arg('db') ?? './data/year.db');
const end = new Date(arg('end') ?? new Date().toISOString());
if (!Number.isInteger(tickets) || tickets < 1) throw new Error('--tickets: a positive whole number');
if (Number.isNaN(end.getTime())) throw new Error('--end: an ISO instant');

console.log(`writing a year of ${tickets.toLocaleString('en')} complaints ending ${end.toISOString()} into ${file}`);
const f = await generateYear({
  file,
  tickets,
  end,
  seed: Number(arg('seed') ?? 2026),
  timeZone: process.env.ORG_TIME_ZONE || 'Asia/Shanghai',
  log: console.log,
});
console.log(
  `${f.tickets.toLocaleString('en')} tickets, ${f.customers.toLocaleString('en')} customers, ${f.surveys.toLocaleString('en')} surveys, ` +
    `${f.contacts.toLocaleString('en')} progress queries; loaded in ${f.loadSeconds.toFixed(0)} s, rollups built in ${f.rollupSeconds.toFixed(0)} s`,
);
console.log(`serve it: DATABASE_URL=${file} npm run dev   (demo accounts as usual, password demo1234)`);
