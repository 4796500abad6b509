import { useState } from 'react';
import { useNavigate } from 'react-router';
import { EXPERTISE, type Expertise } from '@shared/contracts/mentoring';
import type { ProjectList } from '@shared/contracts/projects';
import { FormAlert } from '@web/components/ui/form';
import { PageHeader } from '@web/components/ui/page-header';
import { RequireAuth } from '@web/features/accounts/components/require-auth';
import { useOrganisations } from '@web/features/organisations/api';
import { localName } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { usePageTitle } from '@web/lib/page-title';
import { useApiRaw } from '@web/lib/use-api';
import { mentoringApi, useDrivingUnitChoices } from '../api';
import { Field } from '@web/components/ui/fields';
import { useFormCommand } from '../components/use-form-command';
import '@web/components/ui/form.css';
import '../mentoring.css';

const FIELDS = ['organisationId', 'projectId', 'drivingUnitId', 'expertise', 'topic', 'details'] as const;

function RequestForm() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const organisations = useOrganisations('mine');
  const projects = useApiRaw<ProjectList>('/api/projects?limit=100');
  const units = useDrivingUnitChoices();
  const [organisationId, setOrganisationId] = useState('');
  const [projectId, setProjectId] = useState('');
  const [drivingUnitId, setDrivingUnitId] = useState('');
  const [expertise, setExpertise] = useState<Expertise>('innovation');
  const [topic, setTopic] = useState('');
  const [details, setDetails] = useState('');
  const { errors, busy, run } = useFormCommand(FIELDS);
  const myOrganisations = organisations.status === 'success' ? organisations.data : [];
  const myProjects = (projects.status === 'success' ? projects.data.data : []).filter((p) =>
    myOrganisations.some((o) => o.id === p.organisationId),
  );

  return (
    <form
      className="me-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        let createdId = '';
        void run(
          async () => {
            const created = await mentoringApi.createRequest({
              organisationId: organisationId || null,
              projectId: projectId || null,
              drivingUnitId: drivingUnitId || null,
              expertise,
              topic,
              details,
            });
            createdId = created.id;
          },
          () => void navigate(`/mentoring/requests/${createdId}`),
        );
      }}
    >
      <div className="me-form__grid">
        <Field label={t('mentoring.newRequest.forWhom')} error={errors.fields.organisationId}>
          {(tie) => (
            <select
              {...tie}
              value={organisationId}
              onChange={(e) => setOrganisationId(e.target.value)}
              data-testid="request-organisation"
            >
              <option value="">{t('mentoring.newRequest.myself')}</option>
              {myOrganisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.nameTh}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('mentoring.newRequest.project')} error={errors.fields.projectId}>
          {(tie) => (
            <select
              {...tie}
              value={projectId}
              onChange={(e) => setProjectId(e.target.value)}
              data-testid="request-project"
            >
              <option value="">{t('mentoring.newRequest.noProject')}</option>
              {myProjects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.agreementNumber} · {p.titleTh}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t('mentoring.newRequest.unit')}
          hint={t('mentoring.newRequest.unitHint')}
          error={errors.fields.drivingUnitId}
        >
          {(tie) => (
            <select
              {...tie}
              value={drivingUnitId}
              onChange={(e) => setDrivingUnitId(e.target.value)}
              data-testid="request-unit"
            >
              <option value="">{t('mentoring.newRequest.noUnit')}</option>
              {(units.status === 'success' ? units.data : []).map((u) => (
                <option key={u.id} value={u.id}>
                  {localName(u, lang)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('mentoring.newRequest.expertise')} error={errors.fields.expertise}>
          {(tie) => (
            <select
              {...tie}
              value={expertise}
              onChange={(e) => setExpertise(e.target.value as Expertise)}
              data-testid="request-expertise"
            >
              {EXPERTISE.map((e) => (
                <option key={e} value={e}>
                  {t(`mentoring.expertise.${e}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('mentoring.newRequest.topic')} error={errors.fields.topic}>
        {(tie) => (
          <input
            {...tie}
            value={topic}
            maxLength={300}
            onChange={(e) => setTopic(e.target.value)}
            data-testid="request-topic"
          />
        )}
      </Field>
      <Field
        label={t('mentoring.newRequest.details')}
        error={errors.fields.details}
        className="form-textarea"
      >
        {(tie) => (
          <textarea
            {...tie}
            rows={5}
            maxLength={4000}
            value={details}
            onChange={(e) => setDetails(e.target.value)}
          />
        )}
      </Field>
      {errors.form ? <FormAlert testId="request-error">{errors.form}</FormAlert> : null}
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={busy} data-testid="request-submit">
          {t('mentoring.newRequest.submit')}
        </button>
      </div>
    </form>
  );
}

/** Ask for a mentor: for yourself, an organisation, or a funded project. */
export default function RequestNewPage() {
  const { t } = useI18n();
  usePageTitle(t('mentoring.newRequest.title'));
  return (
    <RequireAuth>
      <PageHeader
        title={t('mentoring.newRequest.title')}
        intro={<p>{t('mentoring.newRequest.intro')}</p>}
        back={{ to: '/mentoring', label: t('mentoring.requests.title') }}
      />
      <div className="container page-body me-page">
        <RequestForm />
      </div>
    </RequireAuth>
  );
}
