import { describe, expect, it } from 'vitest';
import { base64Of, imageProblem, isCode, isPhone } from './image-file';

describe('choosing pictures on the self-service page', () => {
  it('takes up to three JPG, PNG or WebP pictures of at most 2 MB', () => {
    expect(imageProblem({ size: 1000, type: 'image/png' }, 0)).toBeNull();
    expect(imageProblem({ size: 3 * 1024 * 1024, type: 'image/jpeg' }, 0)).toBe('my.image.tooLarge');
    expect(imageProblem({ size: 1000, type: 'image/svg+xml' }, 0)).toBe('my.image.wrongType');
    expect(imageProblem({ size: 1000, type: 'image/webp' }, 3)).toBe('my.image.tooMany');
  });

  it('sends the base64 part of a data URL', () => {
    expect(base64Of('data:image/png;base64,iVBORw0KGgo=')).toBe('iVBORw0KGgo=');
  });

  it('accepts 11-digit mobile numbers and 6-digit codes only', () => {
    expect(isPhone('13800138000')).toBe(true);
    expect(isPhone('1380013800')).toBe(false);
    expect(isPhone('12800138000')).toBe(false);
    expect(isCode('012345')).toBe(true);
    expect(isCode('12345a')).toBe(false);
  });
});
