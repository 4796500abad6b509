import { Link } from 'react-router';
import type { Programme } from '@shared/contracts/reference';
import { Badge } from '@web/components/ui/badge';
import { localName, localText } from '@web/lib/format';
import { useI18n } from '@web/lib/i18n';

/** A programme as a card: type, name (the link), summary. */
export function ProgrammeCard({
  programme,
  headingLevel = 3,
}: {
  programme: Programme;
  headingLevel?: 2 | 3;
}) {
  const { t, lang } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="card programme-card">
      <div>
        <Badge tone="brand">{t(`programmes.type.${programme.type}`)}</Badge>
      </div>
      <Heading className="programme-card__title">
        <Link className="card__link" to={`/programmes/${programme.slug}`}>
          {localName(programme, lang)}
        </Link>
      </Heading>
      <p>{localText(programme, 'summary', lang)}</p>
      <span className="card__more" aria-hidden="true">
        {t('home.learnMore')} →
      </span>
    </article>
  );
}
