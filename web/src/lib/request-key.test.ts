import { afterEach, describe, expect, it, vi } from 'vitest';
import { newRequestKey } from './request-key';

const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

afterEach(() => vi.unstubAllGlobals());

describe('request keys', () => {
  it('are UUIDs, also where the page is not a secure context', () => {
    expect(newRequestKey()).toMatch(uuidV4);
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: (array: Uint8Array) => real.getRandomValues(array) });
    const key = newRequestKey();
    expect(key).toMatch(uuidV4);
    expect(newRequestKey()).not.toBe(key);
  });
});
