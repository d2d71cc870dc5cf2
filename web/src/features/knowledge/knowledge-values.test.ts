import { describe, expect, it } from 'vitest';
import { mayProposeCase, searchText, templateSlot } from './knowledge-values';

describe('knowledge values', () => {
  it('offers first answers when resolving, progress when replying, final answers when answering', () => {
    expect(templateSlot('resolve')).toEqual({ situation: 'first_answer', field: 'resolution' });
    expect(templateSlot('reply')).toEqual({ situation: 'progress', field: 'result' });
    expect(templateSlot('answer')).toEqual({ situation: 'final_answer', field: 'answer' });
    expect(templateSlot('dispatch')).toBeNull();
    expect(templateSlot(null)).toBeNull();
  });

  it('proposes only tickets that have a result', () => {
    expect(mayProposeCase({ status: 'closed', resolution: '已退费' })).toBe(true);
    expect(mayProposeCase({ status: 'closed', resolution: null })).toBe(false);
    expect(mayProposeCase({ status: 'dispatched', resolution: '已退费' })).toBe(false);
  });

  it('cleans the search text', () => {
    expect(searchText('  流量包   扣费 ')).toBe('流量包 扣费');
    expect(searchText('   ')).toBe('');
  });
});
