import { describe, expect, it } from 'vitest';
import { CatalogueQuerySchema } from '@shared/contracts/innovation-catalogue';
import { CATALOGUE_FILTER_FIELDS, CATALOGUE_FILTER_KEYS } from './catalogue-filters';

const SAMPLES: unknown[] = [
  undefined,
  '',
  ' ',
  '0',
  '1',
  '5',
  ' 7 ',
  '9',
  '10',
  '17',
  '18',
  '50',
  '99',
  '100',
  '1.5',
  '1e1',
  '-1',
  '0x10',
  'abc',
  'Infinity',
  '100000',
  '100001',
  'true',
  'false',
  'TRUE',
  'relevance',
  'newest',
  'title',
  'environment',
  'north',
  'northeast',
  ' ห้องสมุด ',
  'x'.repeat(200),
  ` ${'x'.repeat(200)} `,
  'x'.repeat(201),
  '6f1c1a5e-0b7a-4c1d-9e2f-3a4b5c6d7e8f',
  '6F1C1A5E-0B7A-4C1D-9E2F-3A4B5C6D7E8F',
  '6f1c1a5e-0b7a-9c1d-9e2f-3a4b5c6d7e8f',
  '6f1c1a5e-0b7a-4c1d-7e2f-3a4b5c6d7e8f',
  '00000000-0000-0000-0000-000000000000',
  5,
];

describe('the catalogue filters of the address', () => {
  it('accept and read exactly what the query schema that the server applies does', () => {
    for (const key of CATALOGUE_FILTER_KEYS) {
      for (const sample of SAMPLES) {
        const zod = CatalogueQuerySchema.shape[key].safeParse(sample);
        const plain = CATALOGUE_FILTER_FIELDS[key].safeParse(sample);
        expect({ key, sample, success: plain.success, data: plain.data }).toEqual({
          key,
          sample,
          success: zod.success,
          data: zod.data,
        });
      }
    }
  });
});
