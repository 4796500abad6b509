import { ErrorResponseSchema } from '@shared/contracts/common';

/** Documents the error responses a route can give, all in the one error shape. */
export function errorResponses(...statuses: number[]): Record<number, typeof ErrorResponseSchema> {
  return Object.fromEntries(statuses.map((status) => [status, ErrorResponseSchema]));
}
