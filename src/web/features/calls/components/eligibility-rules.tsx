import { Link } from 'react-router';
import type { EligibilityRules } from '@shared/contracts/calls';
import { ORGANISATION_TYPES } from '@shared/reference/organisation-types';
import { PROVINCES } from '@shared/reference/provinces';
import { REGIONS } from '@shared/reference/regions';
import { THEMES } from '@shared/reference/themes';
import { useTargetGroup } from '@web/features/reference/api';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';

/** A call's eligibility rules in words: who may apply, where, on which themes, how many proposals. */
export function EligibilityRulesView({ rules }: { rules: EligibilityRules }) {
  const { t, lang } = useI18n();
  const targetGroup = useTargetGroup();
  const join = (names: string[]) => names.join(t('calls.rules.separator'));
  const anyArea = rules.provinceCodes.length > 0 || rules.regionCodes.length > 0 || rules.targetGroupOnly;
  const targetMembers = targetGroup.status === 'success' ? targetGroup.data.members : [];

  return (
    <dl className="call-rules" data-testid="eligibility-rules">
      <div className="call-rules__item">
        <dt>{t('calls.rules.orgTypes')}</dt>
        <dd>
          {rules.organisationTypes.length === 0 ? (
            t('calls.rules.anyOrgType')
          ) : (
            <ul>
              {ORGANISATION_TYPES.filter((type) => rules.organisationTypes.includes(type.code)).map(
                (type) => (
                  <li key={type.code}>{localName(type, lang)}</li>
                ),
              )}
            </ul>
          )}
        </dd>
      </div>
      <div className="call-rules__item">
        <dt>{t('calls.rules.area')}</dt>
        <dd>
          {!anyArea ? (
            t('calls.rules.anywhere')
          ) : (
            <>
              <p>{t('calls.rules.areaIntro')}</p>
              <ul>
                {rules.provinceCodes.length > 0 ? (
                  <li>
                    {t('calls.rules.provinces', {
                      names: join(
                        PROVINCES.filter((p) => rules.provinceCodes.includes(p.code)).map((p) =>
                          localName(p, lang),
                        ),
                      ),
                    })}
                  </li>
                ) : null}
                {rules.regionCodes.length > 0 ? (
                  <li>
                    {t('calls.rules.regions', {
                      names: join(
                        REGIONS.filter((r) => rules.regionCodes.includes(r.code)).map((r) =>
                          localName(r, lang),
                        ),
                      ),
                    })}
                  </li>
                ) : null}
                {rules.targetGroupOnly ? (
                  <li>
                    {t('calls.rules.targetGroup', {
                      count: targetMembers.length,
                      names: join(targetMembers.map((m) => localName(m, lang))),
                    })}
                    <br />
                    <Link to="/provinces">{t('calls.rules.targetGroupLink')}</Link>
                  </li>
                ) : null}
              </ul>
            </>
          )}
        </dd>
      </div>
      <div className="call-rules__item">
        <dt>{t('calls.rules.themes')}</dt>
        <dd>
          {rules.themes.length === 0 ? (
            t('calls.rules.anyTheme')
          ) : (
            <>
              <p>{t('calls.rules.themesIntro')}</p>
              <ul>
                {THEMES.filter((theme) => rules.themes.includes(theme.code)).map((theme) => (
                  <li key={theme.code}>{`${theme.number}. ${localName(theme, lang)}`}</li>
                ))}
              </ul>
            </>
          )}
        </dd>
      </div>
      <div className="call-rules__item">
        <dt>{t('calls.rules.limit')}</dt>
        <dd>
          {rules.maxProposalsPerOrganisation === null
            ? t('calls.rules.noLimit')
            : t('calls.rules.limitMax', { max: rules.maxProposalsPerOrganisation })}
        </dd>
      </div>
    </dl>
  );
}
