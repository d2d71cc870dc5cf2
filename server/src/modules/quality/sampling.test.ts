import { describe, expect, it } from 'vitest';
import { weekOf, weekRange, monthOf } from './period.js';
import { drawSample, weightedScore, type Candidate } from './sampling.js';

const candidates: Candidate[] = Array.from({ length: 60 }, (_, i) => ({
  ticketId: i + 1,
  agentId: (i % 3) + 1,
  isRepeat: i === 7,
  unsatisfied: i === 12,
}));
const rules = { sharePercent: 10, repeatComplaints: true, unsatisfiedSurveys: true };

describe('sampling', () => {
  it('draws the same sample from the same seed, and another from another seed', () => {
    const a = drawSample(candidates, rules, 'week48');
    expect(drawSample([...candidates].reverse(), rules, 'week48')).toEqual(a);
    const b = drawSample(candidates, rules, 'another');
    expect(b).not.toEqual(a);
  });

  it('takes the share of each agent’s tickets, rounded up, plus every repeat and unsatisfied ticket', () => {
    const s = drawSample(candidates, rules, 'week48');
    const share = s.filter((x) => x.reason === 'share');
    for (const agent of [1, 2, 3]) {
      expect(share.filter((x) => candidates[x.ticketId - 1]!.agentId === agent)).toHaveLength(2);
    }
    expect(s.find((x) => x.ticketId === 8)?.reason).toBe('repeat');
    expect(s.find((x) => x.ticketId === 13)?.reason).toBe('unsatisfied');
    expect(drawSample(candidates, { sharePercent: 0, repeatComplaints: false, unsatisfiedSurveys: false }, 'x')).toEqual([]);
    expect(drawSample(candidates, { ...rules, sharePercent: 100 }, 'x')).toHaveLength(60);
  });

  it('weights item scores into a total in hundredths of a point', () => {
    const form = [
      { key: 'greeting', weight: 1 },
      { key: 'solution', weight: 3 },
    ];
    expect(
      weightedScore(
        form,
        new Map([
          ['greeting', 100],
          ['solution', 80],
        ]),
      ),
    ).toBe(8500);
    expect(
      weightedScore(
        form,
        new Map([
          ['greeting', 33],
          ['solution', 67],
        ]),
      ),
    ).toBe(5850);
  });
});

describe('weeks and months in the centre’s time zone', () => {
  it('names ISO weeks and their local bounds', () => {
    expect(weekOf(new Date('2026-11-23T02:00:00Z'), 'Asia/Shanghai')).toBe('2026-W48');
    // Sunday 23:30 in Beijing is still the week before
    expect(weekOf(new Date('2026-11-22T15:30:00Z'), 'Asia/Shanghai')).toBe('2026-W47');
    expect(weekOf(new Date('2027-01-01T04:00:00Z'), 'Asia/Shanghai')).toBe('2026-W53');
    expect(weekRange('2026-W48', 'Asia/Shanghai')).toEqual({
      from: new Date('2026-11-22T16:00:00Z'),
      to: new Date('2026-11-29T16:00:00Z'),
    });
    expect(monthOf(new Date('2026-11-30T17:00:00Z'), 'Asia/Shanghai')).toBe('2026-12');
  });
});
