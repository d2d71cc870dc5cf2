import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StatsFormulas } from '../../../../contracts/stats.js';

// docs/FIGURES.md is what managers and auditors read; the tooltips come from the contract. They must say the same.
describe('docs/FIGURES.md', () => {
  it('states every figure’s formula exactly as the API and the dashboard do', () => {
    const doc = fs.readFileSync(path.resolve(import.meta.dirname, '../../../../docs/FIGURES.md'), 'utf8');
    const documented = Object.fromEntries(
      doc
        .split('\n')
        .map((line) => /^\| `(\w+)`\s*\| (.*?)\s*\|$/.exec(line))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!, m[2]!.replace(/\\\|/g, '|')]),
    );
    expect(documented).toEqual(StatsFormulas);
  });
});
