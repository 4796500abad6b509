import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LoginBodySchema, RegisterBodySchema, TotpLoginBodySchema } from '@shared/contracts/identity';
import { ApiError } from './api';
import { apiErrorText, contractResolver, issueMessage, serverFormErrors, type Translate } from './forms';

const t: Translate = (key, values) => (values ? `${key} ${JSON.stringify(values)}` : key);

async function resolve<S extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>(
  schema: S,
  values: Record<string, unknown>,
  hints?: Parameters<typeof contractResolver>[2],
) {
  const resolver = contractResolver(schema, t, hints);
  return resolver(values as z.input<S>, undefined, { fields: {}, shouldUseNativeValidation: false });
}

describe('issueMessage', () => {
  it('words the common Zod issues with catalogue keys', () => {
    expect(issueMessage({ code: 'too_small', origin: 'string', minimum: 1 }, t)).toBe('forms.required');
    expect(issueMessage({ code: 'too_small', origin: 'string', minimum: 10 }, t)).toBe(
      'forms.tooShort {"minimum":"10"}',
    );
    expect(issueMessage({ code: 'too_big', origin: 'string', maximum: 200 }, t)).toBe(
      'forms.tooLong {"maximum":"200"}',
    );
    expect(issueMessage({ code: 'invalid_format', format: 'email' }, t)).toBe('forms.email');
    expect(issueMessage({ code: 'invalid_type', input: undefined }, t)).toBe('forms.required');
    expect(issueMessage({ code: 'whatever' }, t)).toBe('forms.invalid');
  });
});

describe('contractResolver', () => {
  it('validates with the shared contract schema and returns its output', async () => {
    const result = await resolve(LoginBodySchema, { email: 'Someone@Example.org', password: 'x' });
    expect(result.errors).toEqual({});
    expect(result.values).toEqual({ email: 'someone@example.org', password: 'x' });
  });

  it('puts localised messages under the fields', async () => {
    const result = await resolve(LoginBodySchema, { email: 'nope', password: '' });
    expect(result.errors.email?.message).toBe('forms.email');
    expect(result.errors.password?.message).toBe('forms.required');
  });

  it('uses the hints for pattern and literal rules', async () => {
    const code = await resolve(TotpLoginBodySchema, { code: '12ab' }, { code: 'forms.code' });
    expect(code.errors.code?.message).toBe('forms.code');
    const schema = RegisterBodySchema.pick({ acceptPrivacyNotice: true });
    const consent = await resolve(
      schema,
      { acceptPrivacyNotice: false },
      { acceptPrivacyNotice: 'accounts.register.acceptRequired' },
    );
    expect(consent.errors.acceptPrivacyNotice?.message).toBe('accounts.register.acceptRequired');
  });

  it('keeps the message of a refinement', async () => {
    const schema = z
      .object({ a: z.string(), b: z.string() })
      .refine((v) => v.a === v.b, { path: ['b'], message: 'differ' });
    const result = await resolve(schema, { a: 'x', b: 'y' }, { b: 'forms.invalid' });
    expect(result.errors.b?.message).toBe('differ');
  });
});

describe('serverFormErrors', () => {
  it('maps body.<field> issues onto the form fields, in the request language', () => {
    const error = new ApiError('VALIDATION_FAILED', 'ข้อมูลไม่ถูกต้อง', 400, {
      issues: [
        { field: 'body.password', code: 'too_small', message: 'สั้นเกินไป', messageEn: 'Too short' },
        { field: 'body.unknown', code: 'x', message: 'ignored', messageEn: 'ignored' },
      ],
    });
    expect(serverFormErrors(error, ['email', 'password'], t)).toEqual({
      fields: { password: 'สั้นเกินไป' },
      form: null,
    });
  });

  it('shows the localised top-level message for an issue the server wrote in English only', () => {
    const error = new ApiError('CONFLICT', 'อีเมลนี้มีบัญชีอยู่แล้ว', 409, {
      issues: [{ field: 'body.email', code: 'taken', message: 'This email already has an account' }],
    });
    expect(serverFormErrors(error, ['email'], t).fields.email).toBe('อีเมลนี้มีบัญชีอยู่แล้ว');
  });

  it('falls back to the top-level message when no field takes the error', () => {
    const error = new ApiError('INVALID_CREDENTIALS', 'อีเมลหรือรหัสผ่านไม่ถูกต้อง', 401);
    expect(serverFormErrors(error, ['email', 'password'], t)).toEqual({
      fields: {},
      form: 'อีเมลหรือรหัสผ่านไม่ถูกต้อง',
    });
  });

  it('maps query.<field> issues too', () => {
    const error = new ApiError('VALIDATION_FAILED', 'x', 400, {
      issues: [{ field: 'query.actorUserId', code: 'invalid_format', message: 'ไม่ใช่ UUID', messageEn: 'x' }],
    });
    expect(serverFormErrors(error, ['actorUserId'], t).fields).toEqual({ actorUserId: 'ไม่ใช่ UUID' });
  });
});

describe('apiErrorText', () => {
  it('uses the catalogue for errors the client made up', () => {
    expect(apiErrorText(new ApiError('NETWORK_ERROR', 'Failed to fetch', 0), t)).toBe('errors.NETWORK_ERROR');
    expect(apiErrorText(new ApiError('HTTP_ERROR', 'Bad Gateway', 502), t)).toBe('common.error');
    expect(apiErrorText(new ApiError('RATE_LIMITED', 'ช้าลงหน่อย', 429), t)).toBe('ช้าลงหน่อย');
  });
});
