import { useState } from 'react';
import { toApiError } from '@web/lib/api';
import { serverFormErrors, type ServerFormErrors } from '@web/lib/forms';
import { useI18n } from '@web/lib/i18n';

/**
 * Sends one form at a time and spreads a failure over its fields (`fieldNames`), or above the form when no field
 * took it.
 */
export function useFormCommand(fieldNames: readonly string[]) {
  const { t } = useI18n();
  const [errors, setErrors] = useState<ServerFormErrors>({ fields: {}, form: null });
  const [busy, setBusy] = useState(false);
  const run = async (command: () => Promise<unknown>, onDone?: () => void): Promise<boolean> => {
    setErrors({ fields: {}, form: null });
    setBusy(true);
    try {
      await command();
      onDone?.();
      return true;
    } catch (caught) {
      setErrors(serverFormErrors(toApiError(caught), fieldNames, t));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { errors, busy, run, clear: () => setErrors({ fields: {}, form: null }) };
}
