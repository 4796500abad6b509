import type { SroiAssessmentModel } from '@shared/contracts/sroi-assessments';
import {
  bahtToSatang,
  fractionToPercentText,
  percentToFraction,
  satangToBahtText,
} from '@shared/impact/sroi-assessment';

// Parsers and formatters of the impact-map editor's typed fields: `undefined` means "does not parse" (the field
// shows as invalid and the draft cannot be saved), null means "left empty" where the model allows it.

const THAI_DIGITS = /[๐-๙]/g;
const normalise = (text: string) => text.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50)).trim();

export interface SrFieldFormat<T> {
  format: (value: T) => string;
  parse: (text: string) => T | undefined;
}

/** Money in baht (stored in satang); required. */
export const bahtField: SrFieldFormat<number> = {
  format: satangToBahtText,
  parse: (text) => bahtToSatang(normalise(text)) ?? undefined,
};

/** A percentage 0–100 (stored as a fraction); empty = 0. */
export const percentField: SrFieldFormat<number> = {
  format: fractionToPercentText,
  parse: (text) => {
    if (normalise(text) === '') {
      return 0;
    }
    const value = percentToFraction(normalise(text));
    return value !== null && value >= 0 && value <= 1 ? value : undefined;
  },
};

/** A percentage 0–100 that may be left empty (drop-off, the discount rate). */
export const optionalPercentField: SrFieldFormat<number | null> = {
  format: (value) => (value === null ? '' : fractionToPercentText(value)),
  parse: (text) => (normalise(text) === '' ? null : percentField.parse(text)),
};

function numberOf(text: string): number | undefined {
  const cleaned = normalise(text).replace(/,/g, '');
  return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : undefined;
}

/** A quantity ≥ 0 that may be left empty. */
export const quantityField: SrFieldFormat<number | null> = {
  format: (value) => (value === null ? '' : String(value)),
  parse: (text) => (normalise(text) === '' ? null : numberOf(text)),
};

/** Whole numbers in [min, max] that may be left empty (duration, group size). */
export function optionalIntegerField(min: number, max: number): SrFieldFormat<number | null> {
  return {
    format: (value) => (value === null ? '' : String(value)),
    parse: (text) => {
      if (normalise(text) === '') {
        return null;
      }
      const value = numberOf(text);
      return value !== undefined && Number.isInteger(value) && value >= min && value <= max
        ? value
        : undefined;
    },
  };
}

/** A required whole number in [min, max] (a year). */
export function integerField(min: number, max: number): SrFieldFormat<number> {
  const optional = optionalIntegerField(min, max);
  return {
    format: (value) => String(value),
    parse: (text) => {
      const value = optional.parse(text);
      return value === null ? undefined : value;
    },
  };
}

/** Quantities by year, comma- or space-separated ("20, 15, 10"); empty = none. */
export const seriesField: SrFieldFormat<number[] | null> = {
  format: (value) => (value === null ? '' : value.join(', ')),
  parse: (text) => {
    const parts = normalise(text)
      .split(/[,;\s]+/)
      .filter((p) => p !== '');
    if (parts.length === 0) {
      return null;
    }
    const values = parts.map((p) => numberOf(p));
    return values.every((v): v is number => v !== undefined) && values.length <= 100 ? values : undefined;
  },
};

export interface SrDraft {
  title: string;
  notes: string;
  model: SroiAssessmentModel;
}

/** A draft's fingerprint, to tell whether it changed since the last save. */
export function draftFingerprint(draft: SrDraft): string {
  return JSON.stringify(draft);
}
