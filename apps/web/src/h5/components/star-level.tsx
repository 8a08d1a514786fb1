import { useTranslation } from 'react-i18next';

/** Stars drawn for the eye, said in words for screen readers. */
export function StarLevel({ star }: { star: number }) {
  const { t } = useTranslation();
  if (star <= 0) return <span>{t('star.none')}</span>;
  return (
    <span>
      <span className="star-line" aria-hidden="true">
        {'★'.repeat(star)}
        {'☆'.repeat(Math.max(0, 5 - star))}
      </span>{' '}
      <span>{t('star.value', { count: star })}</span>
    </span>
  );
}
