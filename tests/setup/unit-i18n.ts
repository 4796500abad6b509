// Web helpers read the message catalogue through i18next (formatBaht, errorMessageKey, isMessageKey …). In the browser
// main.tsx loads the visitor's catalogue before the first render; for the unit tests of src/web i18next gets both
// languages here, synchronously. Other unit tests skip it (it costs a fraction of a second per file).
import path from 'node:path';
import { expect } from 'vitest';

const testPath = expect.getState().testPath ?? '';
const webDir = `${path.sep}src${path.sep}web${path.sep}`;

if (testPath.includes(webDir)) {
  const [{ default: i18next }, { DEFAULT_LANGUAGE, I18N_RESOURCES, LANGUAGES }] = await Promise.all([
    import('i18next'),
    import('@shared/i18n/index'),
  ]);
  if (!i18next.isInitialized) {
    await i18next.init({
      resources: I18N_RESOURCES,
      lng: DEFAULT_LANGUAGE,
      fallbackLng: false,
      supportedLngs: [...LANGUAGES],
      initAsync: false,
      interpolation: { escapeValue: false },
      showSupportNotice: false,
    });
  }
}
