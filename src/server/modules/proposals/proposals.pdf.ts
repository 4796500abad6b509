import type { Database } from '@server/db/client';
import { translate } from '@server/lib/i18n';
import { PdfBuilder, formatBaht, formatDateTime, formatIsoDate } from '@server/lib/pdf';
import {
  AreaAnswerSchema,
  BudgetRowSchema,
  LOGIC_MODEL_PARTS,
  LogicModelAnswerSchema,
  MilestoneRowSchema,
  SrlAnswerSchema,
  TeamRowSchema,
  type Answers,
  type FormDefinition,
  type Question,
} from '@shared/contracts/forms';
import type { ProposalDetail } from '@shared/contracts/proposals';
import type { Language } from '@shared/i18n/index';
import { isEmptyAnswer, isQuestionVisible } from '@shared/forms/validate';
import { PROVINCES } from '@shared/reference/provinces';
import { SDGS } from '@shared/reference/sdgs';
import { THEMES } from '@shared/reference/themes';
import { ORGANISATION_TYPES } from '@shared/reference/organisation-types';
import { listDistrictsOfProvince, listSubdistrictsOfDistrict } from '@server/modules/geo/geo.service';

/** Names of the districts and subdistricts named by area answers (codes stay when the geography is not loaded). */
interface AreaNames {
  districts: Map<number, { nameTh: string; nameEn: string }>;
  subdistricts: Map<number, { nameTh: string; nameEn: string }>;
}

async function loadAreaNames(db: Database, form: FormDefinition, answers: Answers): Promise<AreaNames> {
  const names: AreaNames = { districts: new Map(), subdistricts: new Map() };
  const provinces = new Set<number>();
  const districts = new Set<number>();
  for (const q of form.sections.flatMap((s) => s.questions)) {
    const value = answers[q.id];
    if (q.type !== 'area' || !Array.isArray(value)) {
      continue;
    }
    for (const v of value) {
      const parsed = AreaAnswerSchema.safeParse(v);
      if (parsed.success && parsed.data.districtCode) {
        provinces.add(parsed.data.provinceCode);
        if (parsed.data.subdistrictCode) {
          districts.add(parsed.data.districtCode);
        }
      }
    }
  }
  for (const code of provinces) {
    const list = await listDistrictsOfProvince(db, code).catch(() => []);
    for (const d of list) {
      names.districts.set(d.code, d);
    }
  }
  for (const code of districts) {
    const list = await listSubdistrictsOfDistrict(db, code).catch(() => []);
    for (const s of list) {
      names.subdistricts.set(s.code, s);
    }
  }
  return names;
}

const nameIn = (
  lang: Language,
  item: { nameTh: string; nameEn: string | null } | undefined,
  fallback: string,
) => (item ? (lang === 'en' && item.nameEn ? item.nameEn : item.nameTh) : fallback);

function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) {
    return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  }
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

class ProposalPrinter {
  private readonly t: (key: string, params?: Record<string, unknown>) => string;

  constructor(
    private readonly pdf: PdfBuilder,
    private readonly detail: ProposalDetail,
    private readonly lang: Language,
    private readonly areas: AreaNames,
  ) {
    this.t = (key, params) => translate(lang, `proposalPdf.${key}`, params);
  }

  private label(q: Question | { labelTh: string; labelEn: string }): string {
    return this.lang === 'en' ? q.labelEn : q.labelTh;
  }

  private areaText(value: unknown): string {
    if (!Array.isArray(value)) {
      return this.t('noAnswer');
    }
    return value
      .map((v) => {
        const parsed = AreaAnswerSchema.safeParse(v);
        if (!parsed.success) {
          return '';
        }
        const a = parsed.data;
        const province = PROVINCES.find((p) => p.code === a.provinceCode);
        const parts = [
          a.subdistrictCode
            ? nameIn(this.lang, this.areas.subdistricts.get(a.subdistrictCode), String(a.subdistrictCode))
            : null,
          a.districtCode
            ? nameIn(this.lang, this.areas.districts.get(a.districtCode), String(a.districtCode))
            : null,
          nameIn(this.lang, province, String(a.provinceCode)),
        ];
        return parts.filter(Boolean).join(', ');
      })
      .filter(Boolean)
      .join('\n');
  }

  /** A plain-text answer, or null when the question needs a table or several parts. */
  private text(q: Question, value: unknown): string | null {
    const none = this.t('noAnswer');
    switch (q.type) {
      case 'short_text':
      case 'long_text':
        return typeof value === 'string' ? value : none;
      case 'number': {
        const unit = this.lang === 'en' ? q.unitEn : q.unitTh;
        return typeof value === 'number'
          ? `${new Intl.NumberFormat('en-US').format(value)}${unit ? ` ${unit}` : ''}`
          : none;
      }
      case 'money':
        return typeof value === 'number' ? formatBaht(value, this.lang) : none;
      case 'date':
        return typeof value === 'string' ? formatIsoDate(value, this.lang) : none;
      case 'single_choice': {
        const option = q.options.find((o) => o.value === value);
        return option ? this.label(option) : none;
      }
      case 'multiple_choice':
        return Array.isArray(value)
          ? q.options
              .filter((o) => value.includes(o.value))
              .map((o) => this.label(o))
              .join(', ')
          : none;
      case 'yes_no':
        return value === true ? this.t('yes') : value === false ? this.t('no') : none;
      case 'file': {
        const ids = Array.isArray(value) ? value : [];
        const files = this.detail.attachments.filter((a) => ids.includes(a.id));
        return files.length > 0
          ? files
              .map((f) => this.t('attachmentLine', { name: f.fileName, size: fileSize(f.sizeBytes) }))
              .join('\n')
          : none;
      }
      case 'area':
        return this.areaText(value);
      case 'themes':
        return Array.isArray(value)
          ? THEMES.filter((th) => value.includes(th.code))
              .map((th) => nameIn(this.lang, th, th.code))
              .join(', ')
          : none;
      case 'sdgs':
        return Array.isArray(value)
          ? SDGS.filter((s) => value.includes(s.number))
              .map((s) => this.t('sdg', { number: s.number, name: nameIn(this.lang, s, '') }))
              .join('\n')
          : none;
      case 'srl': {
        const parsed = SrlAnswerSchema.safeParse(value);
        return parsed.success
          ? this.t('srl', { current: parsed.data.current ?? '—', target: parsed.data.target ?? '—' })
          : none;
      }
      case 'team_table':
      case 'budget_table':
      case 'milestones_table':
      case 'logic_model':
        return null;
      default: {
        const exhaustive: never = q;
        return exhaustive;
      }
    }
  }

  private rows<T>(value: unknown, schema: { safeParse(v: unknown): { success: boolean; data?: T } }): T[] {
    if (!Array.isArray(value)) {
      return [];
    }
    return value.flatMap((v) => {
      const parsed = schema.safeParse(v);
      return parsed.success && parsed.data !== undefined ? [parsed.data] : [];
    });
  }

  private question(q: Question, answers: Answers): void {
    const value = answers[q.id];
    const label = this.label(q);
    if (isEmptyAnswer(value)) {
      this.pdf.field(label, this.t('noAnswer'));
      return;
    }
    const text = this.text(q, value);
    if (text !== null) {
      this.pdf.field(label, text);
      return;
    }
    this.pdf.ensureSpace(this.pdf.lineHeight() * 4);
    this.pdf.paragraph(label, { bold: true });
    if (q.type === 'team_table') {
      this.teamTable(value);
    } else if (q.type === 'budget_table') {
      this.budgetTable(value);
    } else if (q.type === 'milestones_table') {
      this.milestonesTable(value);
    } else if (q.type === 'logic_model') {
      this.logicModel(value);
    }
  }

  private teamTable(value: unknown): void {
    const rows = this.rows(value, TeamRowSchema);
    this.pdf.table(
      [
        { header: this.t('team.name'), width: 3 },
        { header: this.t('team.role'), width: 3 },
        { header: this.t('team.organisation'), width: 3 },
        { header: this.t('team.email'), width: 3 },
      ],
      rows.map((r) => [r.name, r.role, r.organisation ?? '', r.email ?? '']),
    );
  }

  private budgetTable(value: unknown): void {
    const rows = this.rows(value, BudgetRowSchema);
    const total = rows.reduce((sum, r) => sum + r.amountSatang, 0);
    this.pdf.table(
      [
        { header: this.t('budget.category'), width: 2.5 },
        { header: this.t('budget.description'), width: 5 },
        { header: this.t('budget.amount'), width: 2.5, align: 'right' },
      ],
      [
        ...rows.map((r) => [
          this.t(`budget.categories.${r.category}`),
          r.description,
          formatBaht(r.amountSatang, this.lang),
        ]),
        [this.t('total'), '', formatBaht(total, this.lang)],
      ],
    );
  }

  private milestonesTable(value: unknown): void {
    const rows = this.rows(value, MilestoneRowSchema);
    this.pdf.table(
      [
        { header: this.t('milestones.title'), width: 4 },
        { header: this.t('milestones.dueDate'), width: 2 },
        { header: this.t('milestones.deliverable'), width: 4 },
      ],
      rows.map((r) => [r.title, r.dueDate ? formatIsoDate(r.dueDate, this.lang) : '', r.deliverable ?? '']),
    );
  }

  private logicModel(value: unknown): void {
    const parsed = LogicModelAnswerSchema.safeParse(value);
    const model = parsed.success ? parsed.data : {};
    for (const part of LOGIC_MODEL_PARTS) {
      this.pdf.paragraph(`${this.t(`logicModel.${part}`)}: ${model[part] ?? this.t('noAnswer')}`, {
        indent: 12,
      });
    }
    this.pdf.space(4);
  }

  print(
    call: { code: string; titleTh: string; titleEn: string },
    programme: { nameTh: string; nameEn: string },
  ) {
    const d = this.detail;
    const lang = this.lang;
    this.pdf.paragraph(this.t('heading'), { size: 10, color: '#5b6775' });
    this.pdf.heading(d.titleTh, 1);
    if (d.titleEn) {
      this.pdf.field(this.t('titleEn'), d.titleEn);
    }
    this.pdf.field(this.t('call'), `${call.code} · ${lang === 'en' ? call.titleEn : call.titleTh}`);
    this.pdf.field(this.t('programme'), lang === 'en' ? programme.nameEn : programme.nameTh);
    this.pdf.field(this.t('receipt'), d.receiptNumber ?? this.t('noReceipt'));
    const orgType = ORGANISATION_TYPES.find((o) => o.code === d.organisation.type);
    const province = PROVINCES.find((p) => p.code === d.organisation.provinceCode);
    this.pdf.field(
      this.t('organisation'),
      [
        nameIn(lang, d.organisation, ''),
        nameIn(lang, orgType, ''),
        province ? nameIn(lang, province, '') : '',
      ]
        .filter(Boolean)
        .join(' · '),
    );
    if (d.coApplicants.length > 0) {
      this.pdf.field(this.t('coApplicants'), d.coApplicants.map((c) => nameIn(lang, c, '')).join('\n'));
    }
    this.pdf.field(
      this.t('submittedAt'),
      d.submittedAt ? formatDateTime(new Date(d.submittedAt), lang) : this.t('notSubmitted'),
    );
    this.pdf.field(
      this.t('status'),
      `${this.t(`statusValue.${d.status}`)} · ${this.t(`stageValue.${d.stage}`)} · ${this.t('formVersion', { version: d.formVersion })}`,
    );
    this.pdf.field(this.t('requested'), formatBaht(d.requestedSatang, lang));

    for (const section of d.form.sections) {
      const visible = section.questions.filter((q) => isQuestionVisible(q, d.answers, d.form));
      if (visible.length === 0) {
        continue;
      }
      this.pdf.heading(lang === 'en' ? section.titleEn : section.titleTh, 2);
      for (const q of visible) {
        this.question(q, d.answers);
      }
    }

    this.pdf.heading(this.t('attachments'), 2);
    if (d.attachments.length === 0) {
      this.pdf.paragraph(this.t('noAttachments'));
    }
    for (const a of d.attachments) {
      this.pdf.paragraph(`• ${this.t('attachmentLine', { name: a.fileName, size: fileSize(a.sizeBytes) })}`);
    }
  }
}

/**
 * The PDF of a proposal: the call, receipt number, organisation and submission time (Buddhist Era, Asia/Bangkok),
 * then every visible section and question with its answer (tables as tables, money in baht, areas by name), and the
 * attachments.
 */
export async function renderProposalPdf(
  db: Database,
  input: {
    detail: ProposalDetail;
    call: { code: string; titleTh: string; titleEn: string };
    programme: { nameTh: string; nameEn: string };
  },
  lang: Language,
  now: Date,
): Promise<Buffer> {
  const { detail } = input;
  const areas = await loadAreaNames(db, detail.form, detail.answers);
  const printedAt = formatDateTime(now, lang);
  const pdf = new PdfBuilder({
    title: detail.titleTh,
    author: detail.organisation.nameTh,
    lang,
    footer: (page, pages) =>
      translate(lang, 'proposalPdf.footer', {
        receipt: detail.receiptNumber ?? translate(lang, 'proposalPdf.noReceipt'),
        page,
        pages,
        printedAt,
      }),
  });
  new ProposalPrinter(pdf, detail, lang, areas).print(input.call, input.programme);
  return pdf.toBuffer();
}
