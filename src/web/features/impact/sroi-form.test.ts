import { describe, expect, it } from 'vitest';
import {
  bahtField,
  integerField,
  optionalIntegerField,
  optionalPercentField,
  percentField,
  quantityField,
  seriesField,
} from './sroi-form';

describe('impact-map editor fields', () => {
  it('parses baht into satang and back', () => {
    expect(bahtField.parse('1,500.25')).toBe(150_025);
    expect(bahtField.parse('๑๐๐')).toBe(10_000);
    expect(bahtField.parse('')).toBeUndefined();
    expect(bahtField.parse('1.234')).toBeUndefined();
    expect(bahtField.format(150_025)).toBe('1500.25');
  });

  it('parses percentages into fractions within 0–100', () => {
    expect(percentField.parse('20')).toBe(0.2);
    expect(percentField.parse('')).toBe(0);
    expect(percentField.parse('150')).toBeUndefined();
    expect(percentField.format(0.125)).toBe('12.5');
    expect(optionalPercentField.parse('')).toBeNull();
    expect(optionalPercentField.parse('3.5')).toBe(0.035);
    expect(optionalPercentField.parse('-1')).toBeUndefined();
  });

  it('parses quantities, whole numbers and series', () => {
    expect(quantityField.parse('12.5')).toBe(12.5);
    expect(quantityField.parse('')).toBeNull();
    expect(quantityField.parse('-3')).toBeUndefined();
    expect(optionalIntegerField(1, 100).parse('3')).toBe(3);
    expect(optionalIntegerField(1, 100).parse('0')).toBeUndefined();
    expect(optionalIntegerField(1, 100).parse('2.5')).toBeUndefined();
    expect(integerField(0, 100).parse('')).toBeUndefined();
    expect(integerField(0, 100).parse('0')).toBe(0);
    expect(seriesField.parse('20, 15 10')).toEqual([20, 15, 10]);
    expect(seriesField.parse('')).toBeNull();
    expect(seriesField.parse('20, x')).toBeUndefined();
    expect(seriesField.format([20, 15])).toBe('20, 15');
  });
});
