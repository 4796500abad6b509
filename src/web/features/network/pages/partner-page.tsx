import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Mou, PartnerDetail, PartnerLink } from '@shared/contracts/network';
import { PROVINCES } from '@shared/reference/provinces';
import { Badge } from '@web/components/ui/badge';
import { ExternalLink } from '@web/components/ui/external-link';
import { FormAlert } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { EmptyState, ErrorState, LoadingState } from '@web/components/ui/states';
import { apiErrorText } from '@web/lib/forms';
import { toApiError } from '@web/lib/api';
import { formatBaht, formatDate, formatNumber } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { documentHref, networkApi, uploadMouDocument, usePartner } from '../api';
import { ContributionForm, LinkForm, MouForm } from '../components/manage-forms';
import { RoleChips, nameIn, titleIn } from '../labels';
import '@web/components/ui/form.css';
import '../network.css';

/** Runs a removal after the person confirms it; reports a failure in an alert. */
function useRemove(onDone: () => void) {
  const { t } = useI18n();
  const [problem, setProblem] = useState<string | null>(null);
  const remove = (name: string, send: () => Promise<unknown>) => {
    if (!window.confirm(t('network.confirmRemove', { name }))) {
      return;
    }
    setProblem(null);
    send().then(onDone, (error: unknown) => setProblem(apiErrorText(toApiError(error), t)));
  };
  return { problem, remove };
}

function MouDocuments({
  mou,
  canManage,
  onChanged,
}: {
  mou: Mou;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const { problem: removeProblem, remove } = useRemove(onChanged);
  if (mou.documents === null) {
    return null;
  }
  const upload = (file: File) => {
    setBusy(true);
    setProblem(null);
    uploadMouDocument(mou.id, file)
      .then(onChanged, (error: unknown) => {
        const e = toApiError(error);
        const issue = (e.details as { issues?: Array<{ message: string }> } | undefined)?.issues?.[0];
        setProblem(issue?.message ?? apiErrorText(e, t));
      })
      .finally(() => {
        setBusy(false);
        if (input.current) {
          input.current.value = '';
        }
      });
  };
  return (
    <div className="nw-docs">
      <h4>{t('network.mou.documents')}</h4>
      {mou.documents.length === 0 ? (
        <p className="nw-muted">{t('network.mou.noDocuments')}</p>
      ) : (
        <ul className="nw-doc-list">
          {mou.documents.map((doc) => (
            <li key={doc.id}>
              <a href={documentHref(mou.id, doc.id)} data-testid="mou-document">
                {doc.fileName}
              </a>
              <span className="nw-muted"> · {formatNumber(Math.ceil(doc.sizeBytes / 1024), lang)} KB</span>
              {canManage ? (
                <button
                  type="button"
                  className="nw-remove"
                  onClick={() => remove(doc.fileName, () => networkApi.removeDocument(mou.id, doc.id))}
                >
                  {t('network.remove')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <div className="field form-field nw-upload">
          <label htmlFor={`doc-${mou.id}`}>
            {busy ? t('network.mou.uploading') : t('network.mou.upload')}
          </label>
          <p className="field__hint">{t('network.mou.uploadHint')}</p>
          <input
            ref={input}
            id={`doc-${mou.id}`}
            type="file"
            accept=".pdf,.png,.jpg,.jpeg,.webp,.doc,.docx,.odt"
            disabled={busy}
            data-testid="mou-upload"
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) {
                upload(file);
              }
            }}
          />
        </div>
      ) : null}
      {problem || removeProblem ? <FormAlert>{problem ?? removeProblem}</FormAlert> : null}
    </div>
  );
}

function MouList({ partner, onChanged }: { partner: PartnerDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const canManage = partner.abilities.manage;
  const { problem, remove } = useRemove(onChanged);
  return (
    <section className="nw-section" aria-labelledby="nw-mous">
      <h2 id="nw-mous">{t('network.partner.mous')}</h2>
      {partner.mous.length === 0 ? <EmptyState>{t('network.partner.noMous')}</EmptyState> : null}
      <ul className="nw-mous">
        {partner.mous.map((mou) => (
          <li key={mou.id} className="nw-mou" data-testid="mou">
            <div className="nw-mou__head">
              <h3>{titleIn(mou, lang)}</h3>
              <Badge
                tone={mou.state === 'in_force' ? 'success' : mou.state === 'upcoming' ? 'accent' : 'neutral'}
              >
                {t(`network.mouState.${mou.state}`)}
              </Badge>
            </div>
            <p className="nw-muted">
              {t('network.mou.period', {
                start: formatDate(mou.startsOn, lang),
                end: mou.endsOn ? formatDate(mou.endsOn, lang) : t('network.mou.openEnded'),
              })}
              {' · '}
              {t('network.mou.signed', { date: formatDate(mou.signedOn, lang) })}
              {' · '}
              {t('network.mou.signedBy', {
                name: mou.drivingUnit ? nameIn(mou.drivingUnit, lang) : t('network.mou.agency'),
              })}
            </p>
            {mou.scopeTh || mou.scopeEn ? (
              <p className="nw-prewrap">{lang === 'en' && mou.scopeEn ? mou.scopeEn : mou.scopeTh}</p>
            ) : null}
            <MouDocuments mou={mou} canManage={canManage} onChanged={onChanged} />
            {canManage ? (
              <p className="nw-actions">
                <button
                  type="button"
                  className="nw-remove"
                  onClick={() => remove(titleIn(mou, lang), () => networkApi.removeMou(mou.id))}
                >
                  {t('network.mou.delete')}
                </button>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
      {problem ? <FormAlert>{problem}</FormAlert> : null}
      {canManage ? <MouForm partnerId={partner.id} onSaved={onChanged} /> : null}
    </section>
  );
}

function Contributions({ partner, onChanged }: { partner: PartnerDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const { totals } = partner;
  const { problem, remove } = useRemove(onChanged);
  return (
    <section className="nw-section" aria-labelledby="nw-contributions">
      <h2 id="nw-contributions">{t('network.partner.contributions')}</h2>
      {partner.contributions.length === 0 ? (
        <EmptyState>{t('network.partner.noContributions')}</EmptyState>
      ) : (
        <>
          <dl className="nw-totals" data-testid="contribution-totals">
            <div>
              <dt>{t('network.partner.totalCash')}</dt>
              <dd>{formatBaht(totals.cashSatang, lang)}</dd>
            </div>
            <div>
              <dt>{t('network.partner.totalInKind')}</dt>
              <dd>{formatBaht(totals.inKindSatang, lang)}</dd>
            </div>
            <div>
              <dt>{t('network.partner.total')}</dt>
              <dd>{formatBaht(totals.totalSatang, lang)}</dd>
            </div>
          </dl>
          <h3 className="nw-subheading">{t('network.partner.byFiscalYear')}</h3>
          <table className="data-table data-table--stack nw-table">
            <caption className="visually-hidden">{t('network.partner.byFiscalYear')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('network.partner.fiscalYear')}</th>
                <th scope="col" className="numeric">
                  {t('network.partner.totalCash')}
                </th>
                <th scope="col" className="numeric">
                  {t('network.partner.totalInKind')}
                </th>
                <th scope="col" className="numeric">
                  {t('network.partner.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {totals.byFiscalYear.map((row) => (
                <tr key={row.fiscalYear}>
                  <th scope="row" data-label={t('network.partner.fiscalYear')}>
                    {row.fiscalYear}
                  </th>
                  <td className="numeric" data-label={t('network.partner.totalCash')}>
                    {formatBaht(row.cashSatang, lang)}
                  </td>
                  <td className="numeric" data-label={t('network.partner.totalInKind')}>
                    {formatBaht(row.inKindSatang, lang)}
                  </td>
                  <td className="numeric" data-label={t('network.partner.total')}>
                    {formatBaht(row.totalSatang, lang)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul className="nw-contributions">
            {partner.contributions.map((c) => (
              <li key={c.id} data-testid="contribution">
                <span className="nw-contribution__amount">{formatBaht(c.amountSatang, lang)}</span>
                <Badge tone={c.kind === 'cash' ? 'brand' : 'accent'}>
                  {t(`network.contributionKind.${c.kind}`)}
                </Badge>
                <span>
                  {t('network.partner.fiscalYear')} {c.fiscalYear}
                </span>
                {c.descriptionTh ? <span className="nw-muted">{c.descriptionTh}</span> : null}
                {partner.abilities.manage ? (
                  <button
                    type="button"
                    className="nw-remove"
                    onClick={() =>
                      remove(formatBaht(c.amountSatang, lang), () => networkApi.removeContribution(c.id))
                    }
                  >
                    {t('network.remove')}
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      )}
      {problem ? <FormAlert>{problem}</FormAlert> : null}
      {partner.abilities.manage ? (
        <ContributionForm partnerId={partner.id} mous={partner.mous} onSaved={onChanged} />
      ) : null}
    </section>
  );
}

function linkHref(link: PartnerLink): string | null {
  switch (link.target) {
    case 'programme':
      return link.slug ? `/programmes/${link.slug}` : null;
    case 'project':
      return null;
    case 'driving_unit':
      return `/units/${link.targetId}`;
  }
}

function Links({ partner, onChanged }: { partner: PartnerDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const { problem, remove } = useRemove(onChanged);
  return (
    <section className="nw-section" aria-labelledby="nw-links">
      <h2 id="nw-links">{t('network.partner.links')}</h2>
      {partner.links.length === 0 ? (
        <EmptyState>{t('network.partner.noLinks')}</EmptyState>
      ) : (
        <ul className="nw-links">
          {partner.links.map((link) => {
            const href = linkHref(link);
            return (
              <li key={link.id} data-testid="partner-link">
                <span className="nw-muted">{t(`network.linkTarget.${link.target}`)}</span>
                {href ? <Link to={href}>{nameIn(link, lang)}</Link> : <span>{nameIn(link, lang)}</span>}
                <span className={`nw-role nw-role--${link.role}`}>{t(`network.role.${link.role}`)}</span>
                {partner.abilities.manage ? (
                  <button
                    type="button"
                    className="nw-remove"
                    onClick={() => remove(nameIn(link, lang), () => networkApi.removeLink(link.id))}
                  >
                    {t('network.link.delete')}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      {problem ? <FormAlert>{problem}</FormAlert> : null}
      {partner.abilities.manage ? (
        <LinkForm partnerId={partner.id} roles={partner.roles} onSaved={onChanged} />
      ) : null}
    </section>
  );
}

function Partner({ partner, onChanged }: { partner: PartnerDetail; onChanged: () => void }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { problem, remove } = useRemove(() => void navigate('/network'));
  const province = PROVINCES.find((p) => p.code === partner.provinceCode);
  const description = lang === 'en' && partner.descriptionEn ? partner.descriptionEn : partner.descriptionTh;
  usePageTitle(nameIn(partner, lang));
  return (
    <>
      <PageHeader
        title={nameIn(partner, lang)}
        back={{ to: '/network', label: t('network.partner.backToDirectory') }}
        eyebrow={t(`network.sector.${partner.sector}`)}
        intro={description ? <p>{description}</p> : undefined}
      >
        <RoleChips roles={partner.roles} />
        <p className="nw-header-links">
          <Link to={`/network/graph?focus=${partner.id}`} className="button button--secondary">
            {t('network.partner.graphLink')}
          </Link>
          {partner.abilities.manage ? (
            <>
              <Link
                to={`/admin/network/partners/${partner.id}/edit`}
                className="button button--secondary"
                data-testid="edit-partner"
              >
                {t('network.partner.edit')}
              </Link>
              <button
                type="button"
                className="button button--danger"
                onClick={() => remove(nameIn(partner, lang), () => networkApi.remove(partner.id))}
              >
                {t('network.partner.delete')}
              </button>
            </>
          ) : null}
        </p>
      </PageHeader>
      <div className="container page-body nw-page">
        {problem ? <FormAlert>{problem}</FormAlert> : null}
        <dl className="nw-facts">
          {province ? (
            <div>
              <dt>{t('network.partner.province')}</dt>
              <dd>{lang === 'en' ? province.nameEn : province.nameTh}</dd>
            </div>
          ) : null}
          {partner.website ? (
            <div>
              <dt>{t('network.partner.website')}</dt>
              <dd>
                <ExternalLink href={partner.website}>
                  {partner.website.replace(/^https?:\/\//, '')}
                </ExternalLink>
              </dd>
            </div>
          ) : null}
          {partner.contactEmail ? (
            <div>
              <dt>{t('network.partner.contact')}</dt>
              <dd>
                <a href={`mailto:${partner.contactEmail}`}>{partner.contactEmail}</a>
              </dd>
            </div>
          ) : null}
        </dl>
        <MouList partner={partner} onChanged={onChanged} />
        <Contributions partner={partner} onChanged={onChanged} />
        <Links partner={partner} onChanged={onChanged} />
      </div>
    </>
  );
}

/** `/network/partners/:id`: a partner's roles, MOUs, contributions and links; officers keep them up to date here. */
export default function PartnerPage() {
  const { id } = useParams();
  const partner = usePartner(id);
  if (partner.status === 'error') {
    return (
      <div className="container page-body">
        <ErrorState error={partner.error} onRetry={partner.reload} />
      </div>
    );
  }
  if (partner.status !== 'success') {
    return <LoadingState />;
  }
  return <Partner partner={partner.data} onChanged={partner.reload} />;
}
