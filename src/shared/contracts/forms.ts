import { z } from 'zod';

/**
 * A call's application form: sections of questions, composed by officers in the form builder. The same definition
 * drives the web renderer, the read-only view, the PDF and the server-side validator (`@shared/forms/validate`).
 */

export const QUESTION_TYPES = [
  'short_text',
  'long_text',
  'number',
  'money',
  'date',
  'single_choice',
  'multiple_choice',
  'yes_no',
  'file',
  'area',
  'team_table',
  'budget_table',
  'milestones_table',
  'themes',
  'sdgs',
  'logic_model',
  'srl',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** File kinds a file question may accept; each is checked on the file's content, not its name. */
export const FILE_KINDS = ['pdf', 'image', 'word', 'spreadsheet', 'presentation'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** Budget categories of a budget table (งบบุคลากร, ค่าใช้สอย, ค่าวัสดุ, ค่าครุภัณฑ์, ค่าจ้างเหมา, อื่น ๆ). */
export const BUDGET_CATEGORIES = [
  'personnel',
  'operating',
  'materials',
  'equipment',
  'services',
  'other',
] as const;
export type BudgetCategory = (typeof BUDGET_CATEGORIES)[number];

export const LOGIC_MODEL_PARTS = ['inputs', 'activities', 'outputs', 'users', 'outcomes', 'impact'] as const;

export const FORM_LIMITS = {
  sections: 30,
  questionsPerSection: 60,
  options: 50,
  shortTextMax: 500,
  longTextMax: 20_000,
  tableRowsMax: 200,
  filesPerQuestionMax: 20,
  fileSizeMaxBytes: 50 * 1024 * 1024,
  /** Largest JSON of all answers of one proposal. */
  answersMaxBytes: 1_000_000,
  /** One money amount: 10,000 million baht, in satang. */
  moneyMaxSatang: 1_000_000_000_000,
} as const;

const KEY = /^[a-z][a-z0-9_]{0,49}$/;
export const FormKeySchema = z.string().regex(KEY, { message: 'a-z, 0-9 and _; starts with a letter' });

const text = (max: number) => z.string().trim().max(max);

const ChoiceOptionSchema = z
  .object({
    value: FormKeySchema,
    labelTh: text(300).min(1),
    labelEn: text(300).min(1),
  })
  .strict();
export type ChoiceOption = z.infer<typeof ChoiceOptionSchema>;

/** Show the question only when an earlier question's answer is one of `anyOf` (for yes/no: `yes` or `no`). */
const ShowWhenSchema = z
  .object({
    questionId: FormKeySchema,
    anyOf: z.array(z.string().max(100)).min(1).max(FORM_LIMITS.options),
  })
  .strict();
export type ShowWhen = z.infer<typeof ShowWhenSchema>;

const base = {
  id: FormKeySchema,
  labelTh: text(500).min(1),
  labelEn: text(500).min(1),
  helpTh: text(2000).optional(),
  helpEn: text(2000).optional(),
  required: z.boolean().default(false),
  showWhen: ShowWhenSchema.optional(),
};

export const QuestionSchema = z.discriminatedUnion('type', [
  z
    .object({
      ...base,
      type: z.literal('short_text'),
      maxLength: z.int().min(1).max(FORM_LIMITS.shortTextMax).optional(),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('long_text'),
      minLength: z.int().min(0).max(FORM_LIMITS.longTextMax).optional(),
      maxLength: z.int().min(1).max(FORM_LIMITS.longTextMax).optional(),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('number'),
      min: z.number().optional(),
      max: z.number().optional(),
      integer: z.boolean().optional(),
      unitTh: text(50).optional(),
      unitEn: text(50).optional(),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('money'),
      minSatang: z.int().min(0).max(FORM_LIMITS.moneyMaxSatang).optional(),
      maxSatang: z.int().min(0).max(FORM_LIMITS.moneyMaxSatang).optional(),
    })
    .strict(),
  z
    .object({ ...base, type: z.literal('date'), min: z.iso.date().optional(), max: z.iso.date().optional() })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('single_choice'),
      options: z.array(ChoiceOptionSchema).min(1).max(FORM_LIMITS.options),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('multiple_choice'),
      options: z.array(ChoiceOptionSchema).min(1).max(FORM_LIMITS.options),
      minSelected: z.int().min(0).max(FORM_LIMITS.options).optional(),
      maxSelected: z.int().min(1).max(FORM_LIMITS.options).optional(),
    })
    .strict(),
  z.object({ ...base, type: z.literal('yes_no') }).strict(),
  z
    .object({
      ...base,
      type: z.literal('file'),
      accept: z.array(z.enum(FILE_KINDS)).min(1),
      maxFiles: z.int().min(1).max(FORM_LIMITS.filesPerQuestionMax).default(1),
      maxSizeBytes: z
        .int()
        .min(1024)
        .max(FORM_LIMITS.fileSizeMaxBytes)
        .default(10 * 1024 * 1024),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('area'),
      level: z.enum(['province', 'district', 'subdistrict']),
      multiple: z.boolean().default(true),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('team_table'),
      maxRows: z.int().min(1).max(FORM_LIMITS.tableRowsMax).default(30),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('budget_table'),
      maxRows: z.int().min(1).max(FORM_LIMITS.tableRowsMax).default(100),
      categories: z
        .array(z.enum(BUDGET_CATEGORIES))
        .min(1)
        .default([...BUDGET_CATEGORIES]),
    })
    .strict(),
  z
    .object({
      ...base,
      type: z.literal('milestones_table'),
      maxRows: z.int().min(1).max(FORM_LIMITS.tableRowsMax).default(30),
    })
    .strict(),
  z.object({ ...base, type: z.literal('themes'), maxSelected: z.int().min(1).max(9).optional() }).strict(),
  z.object({ ...base, type: z.literal('sdgs'), maxSelected: z.int().min(1).max(17).optional() }).strict(),
  z.object({ ...base, type: z.literal('logic_model') }).strict(),
  z.object({ ...base, type: z.literal('srl') }).strict(),
]);
export type Question = z.infer<typeof QuestionSchema>;
export type QuestionInput = z.input<typeof QuestionSchema>;

export const FormSectionSchema = z
  .object({
    id: FormKeySchema,
    titleTh: text(300).min(1),
    titleEn: text(300).min(1),
    helpTh: text(2000).optional(),
    helpEn: text(2000).optional(),
    questions: z.array(QuestionSchema).max(FORM_LIMITS.questionsPerSection),
  })
  .strict();
export type FormSection = z.infer<typeof FormSectionSchema>;

/** A whole form. Question ids are unique across sections; `showWhen` refers to an earlier question. */
export const FormDefinitionSchema = z
  .object({ sections: z.array(FormSectionSchema).min(1).max(FORM_LIMITS.sections) })
  .strict()
  .superRefine((form, ctx) => {
    const seen = new Map<string, Question>();
    const sectionIds = new Set<string>();
    form.sections.forEach((section, s) => {
      if (sectionIds.has(section.id)) {
        ctx.addIssue({ code: 'custom', path: ['sections', s, 'id'], message: 'errors.form.duplicateId' });
      }
      sectionIds.add(section.id);
      section.questions.forEach((q, i) => {
        const path = ['sections', s, 'questions', i];
        if (seen.has(q.id)) {
          ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: 'errors.form.duplicateId' });
        }
        if (q.showWhen) {
          const target = seen.get(q.showWhen.questionId);
          if (!target) {
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'showWhen'],
              message: 'errors.form.showWhenUnknown',
            });
          } else if (!['single_choice', 'multiple_choice', 'yes_no'].includes(target.type)) {
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'showWhen'],
              message: 'errors.form.showWhenNotChoice',
            });
          }
        }
        if (
          (q.type === 'single_choice' || q.type === 'multiple_choice') &&
          hasDuplicates(q.options.map((o) => o.value))
        ) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'options'],
            message: 'errors.form.duplicateOption',
          });
        }
        if (
          (q.type === 'number' && q.min !== undefined && q.max !== undefined && q.min > q.max) ||
          (q.type === 'money' &&
            q.minSatang !== undefined &&
            q.maxSatang !== undefined &&
            q.minSatang > q.maxSatang) ||
          (q.type === 'long_text' &&
            q.minLength !== undefined &&
            q.maxLength !== undefined &&
            q.minLength > q.maxLength)
        ) {
          ctx.addIssue({ code: 'custom', path, message: 'errors.form.minAboveMax' });
        }
        seen.set(q.id, q);
      });
    });
  });
export type FormDefinition = z.infer<typeof FormDefinitionSchema>;
export type FormDefinitionInput = z.input<typeof FormDefinitionSchema>;

function hasDuplicates(values: string[]): boolean {
  return new Set(values).size !== values.length;
}

// ---- Answers --------------------------------------------------------------------------------------------------

export const AreaAnswerSchema = z
  .object({
    provinceCode: z.int().min(10).max(99),
    districtCode: z.int().min(1000).max(9999).nullable().optional(),
    subdistrictCode: z.int().min(100000).max(999999).nullable().optional(),
  })
  .strict();
export type AreaAnswer = z.infer<typeof AreaAnswerSchema>;

export const TeamRowSchema = z
  .object({
    name: text(200),
    role: text(200),
    organisation: text(300).optional(),
    email: text(254).optional(),
  })
  .strict();
export type TeamRow = z.infer<typeof TeamRowSchema>;

export const BudgetRowSchema = z
  .object({
    category: z.enum(BUDGET_CATEGORIES),
    description: text(500),
    amountSatang: z.int().min(0).max(FORM_LIMITS.moneyMaxSatang),
  })
  .strict();
export type BudgetRow = z.infer<typeof BudgetRowSchema>;

export const MilestoneRowSchema = z
  .object({
    title: text(300),
    dueDate: z.iso.date().or(z.literal('')),
    deliverable: text(1000).optional(),
  })
  .strict();
export type MilestoneRow = z.infer<typeof MilestoneRowSchema>;

export const LogicModelAnswerSchema = z
  .object(
    Object.fromEntries(LOGIC_MODEL_PARTS.map((p) => [p, text(5000).optional()])) as Record<
      (typeof LOGIC_MODEL_PARTS)[number],
      z.ZodOptional<z.ZodString>
    >,
  )
  .strict();
export type LogicModelAnswer = z.infer<typeof LogicModelAnswerSchema>;

export const SrlAnswerSchema = z
  .object({
    current: z.int().min(1).max(9).nullable().optional(),
    target: z.int().min(1).max(9).nullable().optional(),
  })
  .strict();
export type SrlAnswer = z.infer<typeof SrlAnswerSchema>;

/** Answers by question id. Values are JSON; their shape per question type is checked by the validator. */
export const AnswersSchema = z.record(FormKeySchema, z.unknown());
export type Answers = Record<string, unknown>;

/** One answer problem: `field` is `answers.<questionId>` (or deeper, e.g. `answers.budget.2.amountSatang`). */
export interface AnswerIssue {
  field: string;
  /** i18n key, e.g. `errors.form.required`. */
  key: string;
  params?: Record<string, string | number>;
}
