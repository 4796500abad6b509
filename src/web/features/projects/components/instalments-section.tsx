import { useState } from 'react';
import type { Instalment, ProjectDetail } from '@shared/contracts/projects';
import { bangkokDate } from '@shared/projects/plan';
import { FormAlert } from '@web/components/ui/form';
import { EmptyState } from '@web/components/ui/states';
import { formatBahtInput, parseBahtInput } from '@web/components/form-renderer/money';
import { toApiError } from '@web/lib/api';
import { formatBaht, formatDate } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';
import { projectsApi } from '../api';
import { spreadErrors } from '@web/lib/field-errors';
import { InstalmentStatusBadge } from '../labels';
import { BahtField, DateField, Field } from '@web/components/ui/fields';
import { ProjectDialog } from './project-dialog';

const PAYMENT_FIELDS = ['paidOn', 'paidSatang', 'reference', 'note', 'carryForward'];

/**
 * The officer records a payment of a ready instalment: date, amount (≤ the instalment; any difference is withheld
 * and needs a note, and may be carried forward to the next unpaid instalment) and the transfer's reference.
 */
function PaymentDialog({
  instalment,
  hasLater,
  onChanged,
}: {
  instalment: Instalment;
  hasLater: boolean;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const [paidOn, setPaidOn] = useState('');
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [carryForward, setCarryForward] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const paid = parseBahtInput(amount);
  const withheld = typeof paid === 'number' ? instalment.amountSatang - paid : 0;

  const submit = async (close: () => void) => {
    const found: Record<string, string> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(paidOn)) {
      found.paidOn = t('forms.required');
    }
    if (typeof paid !== 'number') {
      found.paidSatang = paid === undefined ? t('forms.required') : t('common.moneyNotAmount');
    } else if (paid > instalment.amountSatang) {
      found.paidSatang = t('projectsUi.payment.overAmount', {
        amount: formatBaht(instalment.amountSatang, lang),
      });
    }
    if (reference.trim() === '') {
      found.reference = t('forms.required');
    }
    if (withheld > 0 && !(carryForward && hasLater) && note.trim() === '') {
      found.note = t('projectsUi.payment.noteRequired');
    }
    setErrors(found);
    setProblem([]);
    if (Object.keys(found).length > 0 || typeof paid !== 'number') {
      return;
    }
    setBusy(true);
    try {
      await projectsApi.recordPayment(instalment.id, {
        version: instalment.version,
        paidOn,
        paidSatang: paid,
        reference: reference.trim(),
        note: note.trim(),
        carryForward: withheld > 0 && hasLater && paid !== 0 && carryForward,
      });
      close();
      onChanged();
    } catch (caught) {
      const spread = spreadErrors(toApiError(caught), (f) => PAYMENT_FIELDS.includes(f), t);
      setErrors(spread.fields);
      setProblem(spread.rest);
    } finally {
      setBusy(false);
    }
  };

  return (
    <ProjectDialog
      openLabel={t('projectsUi.payment.open', { sequence: instalment.sequence })}
      openClassName="action-button action-button--solid"
      title={t('projectsUi.payment.title', { sequence: instalment.sequence })}
      subtitle={
        <p>{t('projectsUi.payment.amountDue', { amount: formatBaht(instalment.amountSatang, lang) })}</p>
      }
      testId="payment-dialog"
      onOpen={() => {
        setPaidOn(bangkokDate(new Date()));
        setAmount(formatBahtInput(instalment.amountSatang));
        setReference('');
        setNote('');
        setCarryForward(false);
        setErrors({});
        setProblem([]);
      }}
    >
      {(close) => (
        <form
          className="pj-dialog__form"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit(close);
          }}
        >
          <DateField
            label={t('projectsUi.payment.paidOn')}
            value={paidOn}
            onChange={setPaidOn}
            error={errors.paidOn}
            testId="payment-date"
          />
          <BahtField
            label={t('projectsUi.payment.paid')}
            value={amount}
            onChange={setAmount}
            error={errors.paidSatang}
            testId="payment-amount"
          />
          {withheld > 0 ? (
            <p className="pj-note" aria-live="polite" data-testid="payment-withheld">
              {t('projectsUi.payment.withheld', { amount: formatBaht(withheld, lang) })}
            </p>
          ) : null}
          <Field label={t('projectsUi.payment.reference')} error={errors.reference}>
            {(tie) => (
              <input
                {...tie}
                maxLength={100}
                value={reference}
                onChange={(event) => setReference(event.target.value)}
                data-testid="payment-reference"
              />
            )}
          </Field>
          <Field
            label={
              withheld > 0 && !(carryForward && hasLater)
                ? t('projectsUi.payment.noteRequiredLabel')
                : t('projectsUi.payment.note')
            }
            error={errors.note}
            className="form-textarea"
          >
            {(tie) => (
              <textarea
                {...tie}
                rows={3}
                maxLength={2000}
                value={note}
                onChange={(event) => setNote(event.target.value)}
                data-testid="payment-note"
              />
            )}
          </Field>
          {withheld > 0 && hasLater && paid !== 0 ? (
            <div className="form-check">
              <div className="form-check__row">
                <input
                  id={`pj-carry-${instalment.id}`}
                  type="checkbox"
                  checked={carryForward}
                  onChange={(event) => setCarryForward(event.target.checked)}
                  data-testid="payment-carry"
                />
                <label htmlFor={`pj-carry-${instalment.id}`}>{t('projectsUi.payment.carryForward')}</label>
              </div>
            </div>
          ) : null}
          {problem.length > 0 ? (
            <FormAlert testId="payment-error">
              {problem.map((p) => (
                <p key={p}>{p}</p>
              ))}
            </FormAlert>
          ) : null}
          <div className="form-actions">
            <button
              type="submit"
              className="button button--primary"
              disabled={busy}
              data-testid="payment-save"
            >
              {busy ? t('projectsUi.saving') : t('projectsUi.payment.save')}
            </button>
            <button type="button" className="button button--secondary" onClick={close}>
              {t('projectsUi.cancel')}
            </button>
          </div>
        </form>
      )}
    </ProjectDialog>
  );
}

/** The instalments: what releases each, its status and the payment recorded. */
export function InstalmentsSection({
  project,
  onChanged,
}: {
  project: ProjectDetail;
  onChanged: () => void;
}) {
  const { t, lang } = useI18n();
  const instalments = [...project.instalments].sort((a, b) => a.sequence - b.sequence);
  const col = {
    instalment: t('projectsUi.instalments.col.instalment'),
    release: t('projectsUi.instalments.col.release'),
    status: t('projectsUi.instalments.col.status'),
    payment: t('projectsUi.instalments.col.payment'),
  };
  return (
    <section className="pj-section" aria-labelledby="pj-instalments">
      <h2 id="pj-instalments">{t('projectsUi.instalments.title')}</h2>
      {instalments.length === 0 ? (
        <EmptyState>{t('projectsUi.instalments.empty')}</EmptyState>
      ) : (
        <table className="data-table data-table--stack" data-testid="instalments-table">
          <caption className="visually-hidden">{t('projectsUi.instalments.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{col.instalment}</th>
              <th scope="col">{col.release}</th>
              <th scope="col">{col.status}</th>
              <th scope="col">{col.payment}</th>
            </tr>
          </thead>
          <tbody>
            {instalments.map((i) => (
              <tr key={i.id} data-testid="instalment-row">
                <td data-label={col.instalment}>
                  <div>
                    <strong className="pj-block">
                      {t('projectsUi.instalments.name', { sequence: i.sequence })}
                    </strong>
                    <span className="pj-amount">{formatBaht(i.amountSatang, lang)}</span>
                  </div>
                </td>
                <td data-label={col.release}>
                  <div>
                    {i.releaseReportSequence === null
                      ? t('projectsUi.instalments.onAcceptance')
                      : t('projectsUi.instalments.afterReport', { sequence: i.releaseReportSequence })}
                  </div>
                </td>
                <td data-label={col.status}>
                  <div>
                    <InstalmentStatusBadge status={i.status} />
                    {i.readyAt && i.status === 'ready' ? (
                      <span className="pj-muted">
                        {t('projectsUi.instalments.readySince', { date: formatDate(i.readyAt, lang) })}
                      </span>
                    ) : null}
                  </div>
                </td>
                <td data-label={col.payment}>
                  <div>
                    {i.status === 'paid' && i.paidOn !== null ? (
                      <>
                        <span className="pj-block">
                          {t('projectsUi.instalments.paidOn', {
                            amount: formatBaht(i.paidSatang ?? 0, lang),
                            date: formatDate(i.paidOn, lang),
                          })}
                        </span>
                        {i.paymentReference ? (
                          <span className="pj-muted">
                            {t('projectsUi.instalments.reference', { reference: i.paymentReference })}
                          </span>
                        ) : null}
                        {i.withheldSatang > 0 ? (
                          <span className="pj-muted">
                            {t('projectsUi.instalments.withheld', {
                              amount: formatBaht(i.withheldSatang, lang),
                            })}
                          </span>
                        ) : null}
                        {i.paymentNote ? <span className="pj-muted">{i.paymentNote}</span> : null}
                      </>
                    ) : project.abilities.recordPayment && i.status === 'ready' ? (
                      <PaymentDialog
                        instalment={i}
                        hasLater={instalments.some(
                          (later) => later.sequence > i.sequence && later.status !== 'paid',
                        )}
                        onChanged={onChanged}
                      />
                    ) : (
                      <span className="pj-muted">–</span>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
