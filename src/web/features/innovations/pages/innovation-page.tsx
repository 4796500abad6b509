import { useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { InnovationDetail, InnovationMedia } from '@shared/contracts/innovations';
import { SDGS } from '@shared/reference/sdgs';
import { THEMES } from '@shared/reference/themes';
import { Badge } from '@web/components/ui/badge';
import { PageHeader } from '@web/components/ui/page-header';
import { ErrorState, LoadingState, NotFoundState } from '@web/components/ui/states';
import { InnovationDiffusion } from '@web/features/diffusion/components/innovation-diffusion';
import { ExpressInterest } from '@web/features/needs/components/express-interest';
import { formatBaht, formatDate, localName, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useMetaDescription } from '@web/lib/page-title';
import { innovationPageUrl, shareLinks, sizeText, useInnovation } from '../api';
import '../innovations.css';

/** A section of the page with a heading; nothing when it has no text. */
function TextSection({ id, title, text }: { id: string; title: string; text: string }) {
  if (!text.trim()) {
    return null;
  }
  return (
    <section className="in-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="in-prewrap">{text}</p>
    </section>
  );
}

/** The photos as thumbnails; one opens full size in a dialog with its caption, previous and next. */
function Gallery({ photos, title }: { photos: InnovationMedia[]; title: string }) {
  const { t, lang } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(0);
  if (photos.length === 0) {
    return null;
  }
  const current = photos[open];
  const show = (index: number) => {
    setOpen((index + photos.length) % photos.length);
    if (!dialog.current?.open) {
      dialog.current?.showModal();
    }
  };
  const caption = (p: InnovationMedia) =>
    lang === 'en' ? p.captionEn || p.captionTh : p.captionTh || p.captionEn;
  return (
    <section className="in-section" aria-labelledby="in-photos">
      <h2 id="in-photos">{t('innovations.page.photos')}</h2>
      <ul className="in-gallery">
        {photos.map((photo, index) => (
          <li key={photo.id}>
            <button
              type="button"
              className="in-gallery__thumb"
              onClick={() => show(index)}
              aria-label={
                caption(photo) || t('innovations.page.photoOf', { n: index + 1, total: photos.length })
              }
            >
              <img
                src={photo.thumbnailUrl ?? photo.url}
                alt=""
                loading="lazy"
                width={photo.width ?? undefined}
                height={photo.height ?? undefined}
              />
            </button>
            {caption(photo) ? <p className="in-gallery__caption">{caption(photo)}</p> : null}
          </li>
        ))}
      </ul>
      <dialog
        ref={dialog}
        className="in-lightbox"
        aria-label={title}
        onKeyDown={(event) => {
          if (event.key === 'ArrowRight') {
            show(open + 1);
          } else if (event.key === 'ArrowLeft') {
            show(open - 1);
          }
        }}
      >
        {current ? (
          <figure>
            <img src={current.url} alt={caption(current) || title} />
            <figcaption>
              <span>{t('innovations.page.photoOf', { n: open + 1, total: photos.length })}</span>
              {caption(current) ? <span> · {caption(current)}</span> : null}
            </figcaption>
          </figure>
        ) : null}
        <div className="in-lightbox__bar">
          {photos.length > 1 ? (
            <>
              <button
                type="button"
                className="button button--secondary"
                aria-label={t('innovations.page.previousPhoto')}
                onClick={() => show(open - 1)}
              >
                ←
              </button>
              <button
                type="button"
                className="button button--secondary"
                aria-label={t('innovations.page.nextPhoto')}
                onClick={() => show(open + 1)}
              >
                →
              </button>
            </>
          ) : null}
          <button type="button" className="button button--primary" onClick={() => dialog.current?.close()}>
            {t('innovations.page.closePhoto')}
          </button>
        </div>
      </dialog>
    </section>
  );
}

/** Copy the link, or share it on LINE or Facebook. */
function Share({ id, title }: { id: string; title: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const url = innovationPageUrl(id);
  const links = shareLinks(url, title);
  return (
    <div className="in-share">
      <h2 className="in-aside__title">{t('innovations.page.share')}</h2>
      <p className="in-share__buttons">
        <button
          type="button"
          className="button button--secondary"
          data-testid="innovation-copy-link"
          onClick={() => {
            void navigator.clipboard?.writeText(url).then(() => setCopied(true));
          }}
        >
          {t('innovations.page.copyLink')}
        </button>
        <a className="button button--secondary" href={links.line} target="_blank" rel="noopener noreferrer">
          {t('innovations.page.shareLine')}
        </a>
        <a
          className="button button--secondary"
          href={links.facebook}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t('innovations.page.shareFacebook')}
        </a>
      </p>
      <p className="in-muted" role="status">
        {copied ? t('innovations.page.copied') : ''}
      </p>
    </div>
  );
}

function AdoptionPackageSection({ innovation }: { innovation: InnovationDetail }) {
  const { t, lang } = useI18n();
  const pack = innovation.adoptionPackage;
  const requirements = localText(innovation, 'adoptionRequirements', lang);
  if (!pack && !requirements && innovation.adoptionCostSatang === null) {
    return null;
  }
  return (
    <section className="in-section in-package" aria-labelledby="in-package">
      <h2 id="in-package">{pack ? t('innovations.page.package') : t('innovations.page.adoption')}</h2>
      {innovation.adoptionCostSatang !== null ? (
        <p>
          <strong>{t('innovations.page.adoptionCost')}:</strong>{' '}
          {formatBaht(innovation.adoptionCostSatang, lang)}
        </p>
      ) : null}
      {requirements ? (
        <>
          <h3>{t('innovations.page.adoptionRequirements')}</h3>
          <p className="in-prewrap">{requirements}</p>
        </>
      ) : null}
      {pack && pack.steps.length > 0 ? (
        <>
          <h3>{t('innovations.page.steps')}</h3>
          <ol className="in-steps">
            {pack.steps.map((step, index) => (
              <li key={index}>
                <strong>{localText(step, 'title', lang)}</strong>
                {step.weeks !== null ? (
                  <span className="in-muted"> · {t('innovations.page.weeks', { count: step.weeks })}</span>
                ) : null}
                {localText(step, 'detail', lang) ? <p>{localText(step, 'detail', lang)}</p> : null}
              </li>
            ))}
          </ol>
        </>
      ) : null}
      {pack && pack.costs.length > 0 ? (
        <>
          <h3>{t('innovations.page.costs')}</h3>
          <table className="in-costs">
            <tbody>
              {pack.costs.map((cost, index) => (
                <tr key={index}>
                  <th scope="row">{localText(cost, 'item', lang)}</th>
                  <td>{formatBaht(cost.amountSatang, lang)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('innovations.page.costTotal')}</th>
                <td>{formatBaht(pack.totalSatang, lang)}</td>
              </tr>
            </tfoot>
          </table>
        </>
      ) : null}
      {pack && localText(pack, 'resources', lang) ? (
        <>
          <h3>{t('innovations.page.resources')}</h3>
          <p className="in-prewrap">{localText(pack, 'resources', lang)}</p>
        </>
      ) : null}
      {pack && pack.partners.length > 0 ? (
        <>
          <h3>{t('innovations.page.partners')}</h3>
          <ul className="in-list">
            {pack.partners.map((p) => (
              <li key={p.id}>
                <Link to={`/network/partners/${p.id}`}>{localName(p, lang)}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function Facts({ innovation }: { innovation: InnovationDetail }) {
  const { t, lang } = useI18n();
  const { origin } = innovation;
  const place = [origin.villageName]
    .concat([origin.subdistrict, origin.district, origin.province].map((p) => (p ? localName(p, lang) : '')))
    .filter(Boolean)
    .join(', ');
  return (
    <dl className="in-facts">
      <div>
        <dt>{t('innovations.page.themes')}</dt>
        <dd>
          {innovation.themes
            .map((code) => THEMES.find((x) => x.code === code))
            .map((theme) => (theme ? localName(theme, lang) : ''))
            .join(', ') || t('innovations.page.none')}
        </dd>
      </div>
      {innovation.sdgs.length > 0 ? (
        <div>
          <dt>{t('innovations.page.sdgs')}</dt>
          <dd>
            <ul className="in-list">
              {innovation.sdgs.map((n) => {
                const sdg = SDGS.find((s) => s.number === n);
                return (
                  <li key={n}>
                    {t('innovations.page.sdg', { number: n, name: sdg ? localName(sdg, lang) : '' })}
                  </li>
                );
              })}
            </ul>
          </dd>
        </div>
      ) : null}
      <div>
        <dt>{t('innovations.page.origin')}</dt>
        <dd>
          {origin.province ? (
            <Link to={`/provinces/${origin.province.code}`}>{place}</Link>
          ) : (
            place || t('innovations.page.none')
          )}
        </dd>
      </div>
      {innovation.owners.length > 0 ? (
        <div>
          <dt>{t('innovations.page.owners')}</dt>
          <dd>
            <ul className="in-list">
              {innovation.owners.map((o) => (
                <li key={o.id}>{localName(o, lang)}</li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
      {innovation.programme ? (
        <div>
          <dt>{t('innovations.page.programme')}</dt>
          <dd>
            <Link to={`/programmes/${innovation.programme.slug}`}>
              {localName(innovation.programme, lang)}
            </Link>
          </dd>
        </div>
      ) : null}
      {innovation.drivingUnit ? (
        <div>
          <dt>{t('innovations.page.drivingUnit')}</dt>
          <dd>{localName(innovation.drivingUnit, lang)}</dd>
        </div>
      ) : null}
      {innovation.project ? (
        <div>
          <dt>{t('innovations.page.project')}</dt>
          <dd>
            {innovation.abilities.edit ? (
              <Link to={`/projects/${innovation.project.id}`}>{innovation.project.agreementNumber}</Link>
            ) : (
              innovation.project.agreementNumber
            )}
          </dd>
        </div>
      ) : null}
      {innovation.publishedAt ? (
        <div>
          <dt>{t('innovations.status.published')}</dt>
          <dd>{formatDate(innovation.publishedAt, lang, 'long')}</dd>
        </div>
      ) : null}
    </dl>
  );
}

function SrlHistory({ innovation }: { innovation: InnovationDetail }) {
  const { t, lang } = useI18n();
  if (innovation.srlHistory.length === 0) {
    return null;
  }
  return (
    <section aria-labelledby="in-srl">
      <h2 id="in-srl" className="in-aside__title">
        {t('innovations.page.srlHistory')}
      </h2>
      <ol className="in-srl">
        {innovation.srlHistory.map((h) => (
          <li key={h.id}>
            <span className="in-srl__level" aria-hidden="true">
              {h.srl}
            </span>
            <span>
              <strong>
                {t('innovations.page.srlAt', {
                  level: h.srl,
                  source: t(`innovations.srlSource.${h.source}`),
                })}
              </strong>
              <br />
              <span className="in-muted">{formatDate(h.assessedOn, lang, 'long')}</span>
              {h.note ? <span className="in-muted"> · {h.note}</span> : null}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

function Contact({ innovation }: { innovation: InnovationDetail }) {
  const { t } = useI18n();
  if (!innovation.contactName && !innovation.contactEmail && !innovation.contactPhone) {
    return null;
  }
  return (
    <section aria-labelledby="in-contact">
      <h2 id="in-contact" className="in-aside__title">
        {t('innovations.page.contact')}
      </h2>
      <p className="in-contact">
        {innovation.contactName ? <span>{innovation.contactName}</span> : null}
        {innovation.contactEmail ? (
          <a href={`mailto:${innovation.contactEmail}`}>{innovation.contactEmail}</a>
        ) : null}
        {innovation.contactPhone ? (
          <a href={`tel:${innovation.contactPhone.replace(/[^0-9+]/g, '')}`}>{innovation.contactPhone}</a>
        ) : null}
      </p>
    </section>
  );
}

function InnovationView({ innovation }: { innovation: InnovationDetail }) {
  const { t, lang } = useI18n();
  const title = localText(innovation, 'title', lang);
  const other = lang === 'en' ? innovation.titleTh : innovation.titleEn;
  const summary = localText(innovation, 'summary', lang);
  usePageTitle(title);
  useMetaDescription(summary ? summary.slice(0, 200) : null);
  return (
    <>
      <PageHeader
        title={title}
        back={{ to: '/innovations', label: t('innovations.page.catalogue') }}
        eyebrow={
          <span className="in-badges">
            {innovation.status !== 'published' ? (
              <Badge tone="accent">{t(`innovations.status.${innovation.status}`)}</Badge>
            ) : null}
            {innovation.isFeatured ? <Badge tone="brand">{t('innovations.page.featured')}</Badge> : null}
            {innovation.isDiffusionReady ? (
              <Badge tone="success">{t('innovations.page.diffusionReady')}</Badge>
            ) : null}
            {innovation.srl !== null ? (
              <Badge tone="neutral">{t('innovations.page.srl', { level: innovation.srl })}</Badge>
            ) : null}
          </span>
        }
        intro={
          <>
            {other && other !== title ? (
              <p className="in-other-title" lang={lang === 'en' ? 'th' : 'en'}>
                {other}
              </p>
            ) : null}
            {summary ? <p className="in-prewrap">{summary}</p> : null}
          </>
        }
      >
        {innovation.abilities.edit ? (
          <p className="in-header-links">
            <Link
              to={`/innovations/${innovation.id}/edit`}
              className="button button--secondary"
              data-testid="innovation-edit"
            >
              {t('innovations.page.edit')}
            </Link>
            {innovation.abilities.curate ? (
              <Link to="/admin/innovations" className="button button--secondary">
                {t('innovations.page.manage')}
              </Link>
            ) : null}
          </p>
        ) : null}
      </PageHeader>
      <div className="container page-body in-page">
        {innovation.status !== 'published' ? (
          <p className="in-note">{t('innovations.page.draftNotice')}</p>
        ) : null}
        <div className="in-layout">
          <div className="in-main">
            {innovation.cover ? (
              <img
                className="in-cover"
                src={innovation.cover.url}
                alt={localText(innovation.cover, 'caption', lang) || title}
                width={innovation.cover.width ?? undefined}
                height={innovation.cover.height ?? undefined}
              />
            ) : null}
            <TextSection
              id="in-problem"
              title={t('innovations.page.problem')}
              text={localText(innovation, 'problem', lang)}
            />
            <TextSection
              id="in-solution"
              title={t('innovations.page.solution')}
              text={localText(innovation, 'solution', lang)}
            />
            <TextSection
              id="in-how"
              title={t('innovations.page.howItWorks')}
              text={localText(innovation, 'howItWorks', lang)}
            />
            <TextSection
              id="in-users"
              title={t('innovations.page.targetUsers')}
              text={localText(innovation, 'targetUsers', lang)}
            />
            <Gallery photos={innovation.photos} title={title} />
            <AdoptionPackageSection innovation={innovation} />
            <ExpressInterest innovationId={innovation.id} />
            {innovation.documents.length > 0 ? (
              <section className="in-section" aria-labelledby="in-docs">
                <h2 id="in-docs">{t('innovations.page.documents')}</h2>
                <ul className="in-docs">
                  {innovation.documents.map((d) => (
                    <li key={d.id}>
                      <a href={d.url} download={d.fileName}>
                        {localText(d, 'caption', lang) || d.fileName}
                      </a>{' '}
                      <span className="in-muted">· {sizeText(d.sizeBytes)}</span>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <TextSection
              id="in-lessons"
              title={t('innovations.page.lessons')}
              text={innovation.lessonsLearned}
            />
          </div>
          <aside className="in-aside" aria-label={t('innovations.page.facts')}>
            <Facts innovation={innovation} />
            <SrlHistory innovation={innovation} />
            <Contact innovation={innovation} />
            {innovation.status === 'published' ? <Share id={innovation.id} title={title} /> : null}
          </aside>
        </div>
        <InnovationDiffusion innovationId={innovation.id} />
      </div>
    </>
  );
}

/** `/innovations/:id`: an innovation's public page (drafts for officers and its owners). */
export default function InnovationPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const innovation = useInnovation(id);
  if (innovation.status === 'error') {
    if (innovation.error.status === 404) {
      return (
        <NotFoundState
          title={t('innovations.page.notFound')}
          text={t('innovations.page.notFound')}
          back={{ to: '/innovations', label: t('innovations.page.catalogue') }}
        />
      );
    }
    return (
      <div className="container page-body">
        <ErrorState error={innovation.error} onRetry={innovation.reload} />
      </div>
    );
  }
  if (innovation.status !== 'success') {
    return <LoadingState />;
  }
  return <InnovationView innovation={innovation.data} />;
}
