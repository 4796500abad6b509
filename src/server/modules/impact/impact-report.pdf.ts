import { translate } from '@server/lib/i18n';
import { PdfBuilder, formatBaht, formatDateTime, formatIsoDate } from '@server/lib/pdf';
import { LOGIC_STAGES, type LogicNode } from '@shared/contracts/impact-project';
import type { ImpactReport, ReportAssessment, ReportIndicator } from '@shared/contracts/impact-report';
import type { Language } from '@shared/i18n/index';

const STAGE_COLOURS: Record<string, string> = {
  input: '#e3ecf7',
  activity: '#e6f2ea',
  output: '#fdf1dc',
  user: '#f3e6f4',
  outcome: '#e0f1f3',
  impact: '#fbe5e1',
};

const BAR_COLOURS = { baseline: '#9aa7b5', target: '#2f6fb3', actual: '#1f8a5b' } as const;

const nameIn = (lang: Language, th: string, en: string | null | undefined) => (lang === 'en' && en ? en : th);

/** A number as people read it: thousands separators, at most two decimals. */
export function formatAmount(value: number | null, lang: Language): string {
  if (value === null) {
    return '–';
  }
  return new Intl.NumberFormat(lang === 'th' ? 'th-TH' : 'en-GB', { maximumFractionDigits: 2 }).format(value);
}

const percent = (fraction: number | null, lang: Language) =>
  fraction === null ? '–' : `${formatAmount(Math.round(fraction * 1000) / 10, lang)}%`;

const ratioText = (ratio: number) => ratio.toFixed(2);

/** Months as "x years y months" (Thai reports give payback this way). */
export function paybackText(months: number | null, lang: Language, never: string): string {
  if (months === null) {
    return never;
  }
  let years = Math.floor(months / 12);
  let rest = Math.round(months - years * 12);
  if (rest === 12) {
    years += 1;
    rest = 0;
  }
  return translate(lang, 'impactReport.sroi.years', { years, months: rest });
}

/** The logic model drawn: six stage columns with their boxes, and a line from each box to the boxes it leads to. */
function drawLogicModel(pdf: PdfBuilder, nodes: readonly LogicNode[], lang: Language): void {
  const t = (key: string, params?: Record<string, unknown>) => translate(lang, `impactReport.${key}`, params);
  const gap = 10;
  const pad = 3;
  const size = 7;
  const headerHeight = 18;
  const room = pdf.room;
  const colWidth = (room.width - gap * (LOGIC_STAGES.length - 1)) / LOGIC_STAGES.length;
  const lineHeight = pdf.lineHeight(size);
  const textOf = (n: LogicNode) => nameIn(lang, n.textTh, n.textEn);
  const heightOf = (n: LogicNode) =>
    Math.min(5, pdf.layout(textOf(n), colWidth - 2 * pad, { size }).length) * lineHeight + 2 * pad;
  const limit = room.pageHeight - headerHeight - 24;
  const columns = LOGIC_STAGES.map((stage) => {
    const all = nodes.filter((n) => n.stage === stage);
    const shown: LogicNode[] = [];
    let used = 0;
    for (const n of all) {
      const h = heightOf(n) + 6;
      if (used + h > limit) {
        break;
      }
      shown.push(n);
      used += h;
    }
    return { stage, shown, hidden: all.length - shown.length, height: used };
  });
  const height = headerHeight + Math.max(...columns.map((c) => c.height + (c.hidden > 0 ? 14 : 0))) + 6;
  pdf.figure(height, (doc, box) => {
    const places = new Map<string, { x: number; y: number; h: number }>();
    columns.forEach((column, i) => {
      const x = box.x + i * (colWidth + gap);
      doc
        .rect(x, box.y, colWidth, headerHeight - 4)
        .fillColor('#0b3a5b')
        .fill();
      pdf.textAt(t(`stages.${column.stage}`), x, box.y + 1, colWidth, {
        size: 8,
        bold: true,
        color: '#ffffff',
        align: 'center',
        maxLines: 1,
      });
      let y = box.y + headerHeight;
      for (const n of column.shown) {
        const h = heightOf(n);
        doc
          .roundedRect(x, y, colWidth, h, 3)
          .fillColor(STAGE_COLOURS[column.stage] ?? '#eeeeee')
          .fill();
        doc.roundedRect(x, y, colWidth, h, 3).lineWidth(0.5).strokeColor('#7d8b99').stroke();
        pdf.textAt(textOf(n), x + pad, y + pad, colWidth - 2 * pad, { size, maxLines: 5 });
        places.set(n.id, { x, y, h });
        y += h + 6;
      }
      if (column.hidden > 0) {
        pdf.textAt(t('logic.more', { count: column.hidden }), x, y, colWidth, { size, color: '#5b6775' });
      }
    });
    doc.lineWidth(0.7).strokeColor('#41505f').fillColor('#41505f');
    for (const n of nodes) {
      const from = places.get(n.id);
      for (const targetId of n.links) {
        const to = places.get(targetId);
        if (!from || !to || to.x <= from.x) {
          continue;
        }
        const x1 = from.x + colWidth;
        const y1 = from.y + from.h / 2;
        const x2 = to.x;
        const y2 = to.y + to.h / 2;
        const mid = (x1 + x2) / 2;
        doc
          .moveTo(x1, y1)
          .bezierCurveTo(mid, y1, mid, y2, x2 - 3, y2)
          .stroke();
        doc
          .moveTo(x2, y2)
          .lineTo(x2 - 4, y2 - 2.2)
          .lineTo(x2 - 4, y2 + 2.2)
          .closePath()
          .fill();
      }
    }
  });
}

/** One indicator's bars: baseline, target and actual on one scale, each with its value. */
function drawIndicatorChart(pdf: PdfBuilder, indicator: ReportIndicator, lang: Language): void {
  const t = (key: string) => translate(lang, `impactReport.indicators.${key}`);
  const labelWidth = pdf.room.width * 0.38;
  const name = `${indicator.code} · ${nameIn(lang, indicator.nameTh, indicator.nameEn)} (${nameIn(
    lang,
    indicator.unitTh,
    indicator.unitEn,
  )})`;
  const labelHeight = Math.min(3, pdf.layout(name, labelWidth - 6, { size: 8 }).length) * pdf.lineHeight(8);
  const bars = [
    { key: 'baseline' as const, value: indicator.baseline },
    { key: 'target' as const, value: indicator.target },
    { key: 'actual' as const, value: indicator.actual },
  ];
  const barHeight = 8;
  const step = 12;
  const height = Math.max(labelHeight, bars.length * step) + 8;
  const max = Math.max(1e-9, ...bars.map((b) => Math.abs(b.value ?? 0)));
  pdf.figure(height, (doc, box) => {
    pdf.textAt(name, box.x, box.y, labelWidth - 6, { size: 8, maxLines: 3 });
    const chartX = box.x + labelWidth;
    const chartWidth = box.width - labelWidth - 150;
    bars.forEach((bar, i) => {
      const y = box.y + i * step + 2;
      pdf.textAt(t(bar.key), chartX, y - 3, 52, { size: 7, color: '#41505f', maxLines: 1 });
      const x = chartX + 54;
      const width = bar.value === null ? 0 : Math.max(1, (Math.max(0, bar.value) / max) * chartWidth);
      doc.rect(x, y, chartWidth, barHeight).fillColor('#f1f4f7').fill();
      if (width > 0) {
        doc.rect(x, y, width, barHeight).fillColor(BAR_COLOURS[bar.key]).fill();
      }
      pdf.textAt(formatAmount(bar.value, lang), x + chartWidth + 4, y - 3, 90, { size: 7, maxLines: 1 });
    });
    doc
      .moveTo(box.x, box.y + height - 3)
      .lineTo(box.x + box.width, box.y + height - 3)
      .lineWidth(0.3)
      .strokeColor('#d5dce3')
      .stroke();
  });
}

function renderAssessment(pdf: PdfBuilder, a: ReportAssessment, lang: Language): void {
  const t = (key: string, params?: Record<string, unknown>) =>
    translate(lang, `impactReport.sroi.${key}`, params);
  // whole baht: SROI figures are estimates (SROI-SPEC §2.10); proxies keep their satang
  const baht = (satang: number) => formatBaht(Math.round(satang / 100) * 100, lang);
  pdf.ensureSpace(220);
  pdf.heading(t(`kinds.${a.kind}`), 3);
  pdf.paragraph(
    a.finalisedAt
      ? t('version', { version: a.versionNo, date: formatDateTime(new Date(a.finalisedAt), lang) })
      : t('versionNoDate', { version: a.versionNo }),
    { color: '#5b6775' },
  );
  if (a.title) {
    pdf.paragraph(a.title, { bold: true });
  }
  const ratio = lang === 'th' ? a.ratioDisplay.th : a.ratioDisplay.uk;
  pdf.table(
    [
      { header: t('parameter'), width: 3 },
      { header: '', width: 4 },
    ],
    [
      [t('convention'), `${a.convention} — ${translate(lang, `impactReport.conventions.${a.convention}`)}`],
      [t('discountRate'), percent(a.discountRate, lang)],
      [t('presentValue'), baht(a.presentValueSatang)],
      [t('investment'), baht(a.investmentPresentValueSatang)],
      [t('netPresentValue'), baht(a.netPresentValueSatang)],
      [t('grossRatio'), `${ratio} — ${t('grossRatioNote', { ratio: ratioText(a.ratio) })}`],
      [t('netRatio'), ratioText(a.netRatio)],
      [t('payback'), paybackText(a.paybackMonths, lang, t('never'))],
      [t('discountedPayback'), paybackText(a.discountedPaybackMonths, lang, t('never'))],
    ],
  );

  pdf.paragraph(t('valueMap'), { bold: true });
  pdf.table(
    [
      { header: t('stakeholder'), width: 1.6 },
      { header: t('outcome'), width: 2.4 },
      { header: t('quantity'), width: 1, align: 'right' },
      { header: `${t('proxy')} · ${t('source')}`, width: 2.6 },
      { header: t('deductions'), width: 1.3 },
      { header: `${t('dropoff')} · ${t('duration')}`, width: 1.3 },
      { header: t('value'), width: 1.6, align: 'right' },
    ],
    [
      ...a.valueMap.map((row) => [
        row.stakeholder,
        [row.description, row.indicator].filter(Boolean).join(' — '),
        row.quantityByYear
          ? row.quantityByYear.map((q) => formatAmount(q, lang)).join(', ')
          : formatAmount(row.quantity, lang),
        [`${row.proxyLabel} ${formatBaht(row.proxySatang, lang)}`.trim(), row.proxySource, row.proxySourceUrl]
          .filter(Boolean)
          .join(' · '),
        [row.deadweight, row.displacement, row.attribution].map((v) => percent(v, lang)).join(' / '),
        `${percent(row.dropoff, lang)} · ${row.duration ?? row.quantityByYear?.length ?? '–'}`,
        baht(row.presentValueSatang),
      ]),
      [t('total'), '', '', '', '', '', baht(a.presentValueSatang)],
    ],
    { size: 8 },
  );

  pdf.paragraph(t('inputs'), { bold: true });
  pdf.table(
    [
      { header: t('input'), width: 3 },
      { header: t('stakeholder'), width: 2 },
      { header: t('year'), width: 0.7, align: 'right' },
      { header: t('value'), width: 2, align: 'right' },
    ],
    [
      ...a.inputs.map((i) => [
        i.nonCash ? `${i.label} (${t('nonCash')})` : i.label,
        i.stakeholder,
        String(i.year),
        baht(i.presentValueSatang),
      ]),
      [t('total'), '', '', baht(a.investmentPresentValueSatang)],
    ],
    { size: 8 },
  );

  const change = Math.round(a.sensitivity.change * 100);
  pdf.paragraph(t('sensitivity', { change }), { bold: true });
  const parameters = [...new Set(a.sensitivity.rows.map((r) => r.parameter))];
  const switching = (parameter: string): string => {
    const sv = a.switchingValues;
    switch (parameter) {
      case 'proxy':
      case 'quantity':
        return sv.proxyMultiplier === null
          ? t('switchingNone')
          : t('switchingMultiplier', { value: sv.proxyMultiplier.toFixed(2) });
      case 'deadweight':
      case 'displacement':
      case 'attribution':
      case 'dropoff':
        return sv[parameter] === null ? t('switchingNone') : percent(sv[parameter], lang);
      default:
        return '–';
    }
  };
  pdf.table(
    [
      { header: t('parameter'), width: 2.4 },
      { header: t('ratioAt', { change: -change }), width: 1.4, align: 'right' },
      { header: t('ratioAt', { change: `+${change}` }), width: 1.4, align: 'right' },
      { header: t('switchingValue'), width: 2.2, align: 'right' },
    ],
    parameters.map((p) => {
      const at = (sign: number) =>
        a.sensitivity.rows.find((r) => r.parameter === p && Math.sign(r.change) === sign);
      const low = at(-1);
      const high = at(1);
      return [
        translate(lang, `impactReport.sensitivityParameters.${p}`),
        low ? ratioText(low.ratio) : '–',
        high ? ratioText(high.ratio) : '–',
        switching(p),
      ];
    }),
    { size: 8 },
  );
  pdf.paragraph(
    t('ratioRange', {
      change,
      low: ratioText(a.sensitivity.ratioRange.low),
      high: ratioText(a.sensitivity.ratioRange.high),
    }),
    { size: 9, color: '#41505f' },
  );
  if (a.warnings.length > 0) {
    pdf.paragraph(t('warnings'), { bold: true, size: 9 });
    for (const w of a.warnings) {
      pdf.paragraph(`• ${w.path ? `${w.path}: ` : ''}${w.message}`, { size: 9, indent: 8 });
    }
  }
}

/**
 * The impact report as a PDF in Thai or English: the project, its logic model drawn in six stage columns with the
 * links, each indicator's baseline → target → actual as bars with the verification status, and for each kind the
 * latest final SROI assessment (value map, gross ratio with its convention named, net ratio apart, payback,
 * ±20 % sensitivity with switching values). Thai is set in Sarabun by `PdfBuilder`.
 */
export async function renderImpactReport(report: ImpactReport, lang: Language, now: Date): Promise<Buffer> {
  const t = (key: string, params?: Record<string, unknown>) => translate(lang, `impactReport.${key}`, params);
  const { project } = report;
  const printedAt = formatDateTime(now, lang);
  const title = nameIn(lang, project.titleTh, project.titleEn);
  const pdf = new PdfBuilder({
    title: `${t('title')} — ${title}`,
    author: translate(lang, 'app.agency'),
    lang,
    footer: (page, pages) => t('pdf.footer', { number: project.agreementNumber, page, pages, printedAt }),
  });
  pdf.paragraph(translate(lang, 'app.agency'), { bold: true, size: 12, align: 'center', color: '#0b3a5b' });
  pdf.heading(t('title'), 1);
  pdf.paragraph(title, { bold: true, size: 13 });
  pdf.space(4);
  const period =
    project.startsOn && project.endsOn
      ? `${formatIsoDate(project.startsOn, lang)} – ${formatIsoDate(project.endsOn, lang)}`
      : '–';
  pdf.table(
    [
      { header: t('project.agreementNumber'), width: 2 },
      { header: project.agreementNumber, width: 5 },
    ],
    [
      [t('project.organisation'), nameIn(lang, project.organisationNameTh, project.organisationNameEn)],
      [t('project.programme'), nameIn(lang, project.programmeNameTh ?? '–', project.programmeNameEn)],
      [t('project.drivingUnit'), nameIn(lang, project.drivingUnitNameTh ?? '–', project.drivingUnitNameEn)],
      // stored in the Buddhist Era; English readers get the Common Era year, as on the web page
      [t('project.fiscalYear'), String(lang === 'th' ? project.fiscalYear : project.fiscalYear - 543)],
      [t('project.period'), period],
      [t('project.award'), formatBaht(project.awardSatang, lang)],
    ],
  );

  pdf.heading(t('logic.heading'), 2);
  if (report.logicModel.nodes.length === 0) {
    pdf.paragraph(t('logic.empty'), { color: '#5b6775' });
  } else {
    drawLogicModel(pdf, report.logicModel.nodes, lang);
  }

  // the font has no arrow: the stages read left to right with ">"
  pdf.heading(t('indicators.heading').replaceAll('→', '>'), 2);
  if (report.indicators.length === 0) {
    pdf.paragraph(t('indicators.empty'), { color: '#5b6775' });
  } else {
    for (const indicator of report.indicators) {
      drawIndicatorChart(pdf, indicator, lang);
    }
    pdf.space(6);
    pdf.table(
      [
        { header: t('indicators.code'), width: 1.3 },
        { header: t('indicators.name'), width: 3 },
        { header: t('indicators.baseline'), width: 1.2, align: 'right' },
        { header: t('indicators.target'), width: 1.2, align: 'right' },
        { header: t('indicators.actual'), width: 1.2, align: 'right' },
        { header: t('indicators.verifiedActual'), width: 1.3, align: 'right' },
        { header: t('indicators.verification'), width: 2 },
      ],
      report.indicators.map((i) => {
        const total = i.counts.verified + i.counts.submitted + i.counts.queried;
        const status =
          total === 0
            ? t('indicators.noValues')
            : [
                t('indicators.verifiedOf', { verified: i.counts.verified, total }),
                i.counts.queried > 0 ? t('indicators.queried', { count: i.counts.queried }) : '',
              ]
                .filter(Boolean)
                .join(' · ');
        return [
          i.code,
          `${nameIn(lang, i.nameTh, i.nameEn)} (${nameIn(lang, i.unitTh, i.unitEn)}; ${t(`aggregations.${i.aggregation}`)})`,
          formatAmount(i.baseline, lang),
          formatAmount(i.target, lang),
          formatAmount(i.actual, lang),
          formatAmount(i.verifiedActual, lang),
          status,
        ];
      }),
      { size: 8 },
    );
    pdf.paragraph(t('indicators.actualNote'), { size: 8, color: '#5b6775' });
  }

  // room for the section heading together with the first assessment's heading and figures (no lone heading)
  pdf.ensureSpace(260);
  pdf.heading(t('sroi.heading'), 2);
  for (const kind of ['evaluative', 'forecast'] as const) {
    const assessment = report.sroi[kind];
    if (assessment) {
      renderAssessment(pdf, assessment, lang);
    } else {
      pdf.heading(t(`sroi.kinds.${kind}`), 3);
      pdf.paragraph(t('sroi.none'), { color: '#5b6775' });
    }
  }
  if (report.sroi.drafts.length > 0) {
    pdf.paragraph(t('sroi.drafts', { count: report.sroi.drafts.length }), { size: 9, color: '#5b6775' });
  }
  return pdf.toBuffer();
}
