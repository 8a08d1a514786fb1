import { describe, expect, it } from 'vitest';
import * as contracts from '@duodi/contracts';
import * as values from '../values';

describe('audit: contract values copied into the web', () => {
  it.each(Object.keys(values) as (keyof typeof values)[])('%s equals the contracts', (name) => {
    expect(values[name]).toEqual((contracts as Record<string, unknown>)[name]);
  });
});
