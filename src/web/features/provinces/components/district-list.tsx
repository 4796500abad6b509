import { useState } from 'react';
import type { District } from '@shared/contracts/geo';
import { ErrorState, LoadingState } from '@web/components/ui/states';
import { formatNumber, localName, otherName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { useSubdistricts } from '../api';

function Subdistricts({ district, panelId }: { district: District; panelId: string }) {
  const { t, lang } = useI18n();
  const subdistricts = useSubdistricts(district.code);
  return (
    <div id={panelId} className="district__panel">
      {subdistricts.status === 'error' ? (
        <ErrorState error={subdistricts.error} onRetry={subdistricts.reload} />
      ) : subdistricts.status !== 'success' ? (
        <LoadingState />
      ) : subdistricts.data.length === 0 ? (
        <p className="district__empty">{t('provinces.noSubdistricts')}</p>
      ) : (
        <ul
          className="subdistrict-list"
          aria-label={t('provinces.subdistrictsOf', { district: localName(district, lang) })}
        >
          {subdistricts.data.map((subdistrict) => (
            <li key={subdistrict.code}>
              <span className="subdistrict-list__name">{localName(subdistrict, lang)}</span>
              <span className="subdistrict-list__other" lang={lang === 'th' ? 'en' : 'th'}>
                {otherName(subdistrict, lang)}
              </span>
              {subdistrict.postalCode ? (
                <span className="subdistrict-list__postal">
                  <span className="visually-hidden">{t('provinces.postalCode')} </span>
                  {subdistrict.postalCode}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function DistrictItem({ district }: { district: District }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const panelId = `district-${district.code}-subdistricts`;
  return (
    <li className="district">
      <div className="district__row">
        <div className="district__names">
          <span className="district__name">{localName(district, lang)}</span>
          <span className="district__other" lang={lang === 'th' ? 'en' : 'th'}>
            {otherName(district, lang)}
          </span>
        </div>
        <dl className="district__facts">
          {district.postalCode ? (
            <div>
              <dt>{t('provinces.postalCode')}</dt>
              <dd>{district.postalCode}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('provinces.subdistricts')}</dt>
            <dd>{formatNumber(district.subdistrictCount, lang)}</dd>
          </div>
        </dl>
        <button
          type="button"
          className="district__toggle"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          onClick={() => setOpen((value) => !value)}
        >
          <span>{open ? t('provinces.hideSubdistricts') : t('provinces.showSubdistricts')}</span>
          <span className="visually-hidden">: {localName(district, lang)}</span>
          <svg
            viewBox="0 0 16 16"
            width="14"
            height="14"
            aria-hidden="true"
            focusable="false"
            data-open={open}
          >
            <path d="M4 6l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="2" />
          </svg>
        </button>
      </div>
      {open ? <Subdistricts district={district} panelId={panelId} /> : null}
    </li>
  );
}

/** The districts of a province; each expands to its subdistricts, fetched when first opened. */
export function DistrictList({ districts }: { districts: District[] }) {
  return (
    <ul className="district-list">
      {districts.map((district) => (
        <DistrictItem key={district.code} district={district} />
      ))}
    </ul>
  );
}
