import { z } from 'zod';

export const PLATFORM_ROLES = [
  'administrator',
  'programme_officer',
  'driving_unit_staff',
  'reviewer',
  'partner',
] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];
export const PlatformRoleSchema = z.enum(PLATFORM_ROLES);

/** Roles that must use a second factor when the REQUIRE_2FA_FOR_STAFF setting is on. */
export const ROLES_REQUIRING_2FA: readonly PlatformRole[] = ['administrator', 'programme_officer'];

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const EmailSchema = z
  .email()
  .max(254)
  .transform((v) => v.trim().toLowerCase());
export const PasswordSchema = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);
export const PersonNameSchema = z.string().trim().min(1).max(200);
export const PhoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9][0-9 -]{7,18}$/, 'a phone number of 8–15 digits, optionally starting with +');
export const TotpCodeSchema = z.string().regex(/^\d{6}$/, 'six digits');
export const TokenSchema = z.string().min(20).max(200);

export const RegisterBodySchema = z
  .object({
    email: EmailSchema,
    password: PasswordSchema,
    name: PersonNameSchema,
    phone: PhoneSchema.optional(),
    acceptPrivacyNotice: z.literal(true),
    privacyNoticeVersion: z.string().min(1).max(40),
    locale: z.enum(['th', 'en']).optional(),
  })
  .strict();
export type RegisterBody = z.infer<typeof RegisterBodySchema>;

export const LoginBodySchema = z
  .object({ email: EmailSchema, password: z.string().min(1).max(PASSWORD_MAX) })
  .strict();
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const TotpLoginBodySchema = z.object({ code: TotpCodeSchema }).strict();
export const TokenBodySchema = z.object({ token: TokenSchema }).strict();
export const ForgotPasswordBodySchema = z.object({ email: EmailSchema }).strict();
export const ResetPasswordBodySchema = z.object({ token: TokenSchema, password: PasswordSchema }).strict();
export const ChangePasswordBodySchema = z
  .object({ currentPassword: z.string().min(1).max(PASSWORD_MAX), newPassword: PasswordSchema })
  .strict();
export const UpdateProfileBodySchema = z
  .object({
    name: PersonNameSchema.optional(),
    phone: PhoneSchema.nullable().optional(),
    locale: z.enum(['th', 'en']).optional(),
  })
  .strict();

export const MeSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  locale: z.enum(['th', 'en']),
  emailVerified: z.boolean(),
  totpEnabled: z.boolean(),
  roles: z.array(PlatformRoleSchema),
  drivingUnitId: z.string().nullable(),
  /** The second factor must be set up before anything else (role requires it). */
  mustEnrollTotp: z.boolean(),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof MeSchema>;

export const LoginResultSchema = z.object({
  status: z.enum(['signed_in', 'totp_required']),
  /** The session's CSRF token, needed for the second-factor step. */
  csrfToken: z.string(),
  me: MeSchema.nullable(),
});
export type LoginResult = z.infer<typeof LoginResultSchema>;

export const SessionInfoSchema = z.object({
  id: z.string(),
  current: z.boolean(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const TotpSetupSchema = z.object({ secret: z.string(), otpauthUrl: z.string(), qrSvg: z.string() });
export const IdParamsSchema = z.object({ id: z.uuid() });
export const OkSchema = z.object({ ok: z.literal(true) });

export const EraseAccountBodySchema = z.object({ password: z.string().min(1).max(PASSWORD_MAX) }).strict();

export const UserSummarySchema = z.object({
  id: z.string(),
  email: z.string().nullable(),
  name: z.string(),
  status: z.string(),
  roles: z.array(z.object({ role: PlatformRoleSchema, drivingUnitId: z.string().nullable() })),
  createdAt: z.string(),
});
export type UserSummary = z.infer<typeof UserSummarySchema>;

export const UserListQuerySchema = z
  .object({ search: z.string().trim().min(1).max(100).optional() })
  .strict();
export const GrantRoleBodySchema = z
  .object({ role: PlatformRoleSchema, drivingUnitId: z.uuid().nullable().optional() })
  .strict();
export const RoleParamsSchema = z.object({ id: z.uuid(), role: PlatformRoleSchema });

export const DrivingUnitSchema = z.object({
  id: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  kind: z.enum(['area_based', 'entrepreneurs_youth']),
  regionCode: z.string().nullable(),
  provinceCodes: z.array(z.number().int()),
});
export type DrivingUnit = z.infer<typeof DrivingUnitSchema>;

export const CreateDrivingUnitBodySchema = z
  .object({
    nameTh: z.string().trim().min(1).max(300),
    nameEn: z.string().trim().min(1).max(300),
    kind: z.enum(['area_based', 'entrepreneurs_youth']),
    regionCode: z.enum(['north', 'northeast', 'central', 'east', 'west', 'south']).nullable(),
    provinceCodes: z.array(z.number().int().min(10).max(99)).max(77),
  })
  .strict();
export type CreateDrivingUnitBody = z.infer<typeof CreateDrivingUnitBodySchema>;
