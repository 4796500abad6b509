/** Indicator types of the library. */
export const INDICATOR_TYPES = ['count', 'percent', 'money', 'score'] as const;
export type IndicatorType = (typeof INDICATOR_TYPES)[number];

/** Which way is better. */
export const INDICATOR_DIRECTIONS = ['increase', 'decrease', 'maintain'] as const;
export type IndicatorDirection = (typeof INDICATOR_DIRECTIONS)[number];

/** How a project's period values roll up, and how projects roll up in a portfolio. */
export const INDICATOR_AGGREGATIONS = ['sum', 'mean', 'latest'] as const;
export type IndicatorAggregation = (typeof INDICATOR_AGGREGATIONS)[number];

/** Dimensions an indicator's values may be broken down by. */
export const DISAGGREGATIONS = ['sex', 'age_group', 'vulnerable_group'] as const;
export type Disaggregation = (typeof DISAGGREGATIONS)[number];

/** Categories of each dimension. */
export const DISAGGREGATION_CATEGORIES = {
  sex: ['female', 'male', 'other'],
  age_group: ['under_15', '15_24', '25_59', '60_plus'],
  vulnerable_group: [
    'poor_household',
    'disability',
    'elderly_alone',
    'ethnic_minority',
    'stateless',
    'other',
  ],
} as const satisfies Record<Disaggregation, readonly string[]>;

export const IRIS_METRIC_ID = /^[A-Z]{2}\d{4}$/;
export const SDG_TARGET = /^(1[0-7]|[1-9])\.([0-9]{1,2}|[a-c])$/;
