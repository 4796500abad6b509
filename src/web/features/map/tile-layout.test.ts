import { describe, expect, it } from 'vitest';
import { PROVINCES } from '@shared/reference/provinces';
import { PROVINCE_TILES, TILE_GRID_SIZE } from './tile-layout';

describe('tile-grid layout', () => {
  it('has exactly one tile per province', () => {
    const codes = PROVINCE_TILES.map((t) => t.code).sort((a, b) => a - b);
    expect(codes).toEqual(PROVINCES.map((p) => p.code).sort((a, b) => a - b));
  });

  it('puts no two provinces on the same cell', () => {
    const cells = new Set(PROVINCE_TILES.map((t) => `${t.row}:${t.col}`));
    expect(cells.size).toBe(PROVINCE_TILES.length);
  });

  it('has unique abbreviations in each language', () => {
    expect(new Set(PROVINCE_TILES.map((t) => t.abbrTh)).size).toBe(PROVINCE_TILES.length);
    expect(new Set(PROVINCE_TILES.map((t) => t.abbrEn)).size).toBe(PROVINCE_TILES.length);
  });

  it('keeps the north at the top and the deep south at the bottom', () => {
    const row = (code: number) => PROVINCE_TILES.find((t) => t.code === code)?.row ?? -1;
    expect(row(57)).toBe(0); // Chiang Rai
    expect(row(95)).toBe(TILE_GRID_SIZE.rows - 1); // Yala
    expect(row(96)).toBe(TILE_GRID_SIZE.rows - 1); // Narathiwat
  });
});
