import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('h5.notFound.title'), t('app.name'));
  return (
    <>
      <h1 className="h5-page-title">{t('h5.notFound.title')}</h1>
      <div className="h5-actions">
        <Link className="h5-button-link" to="/">
          {t('h5.notFound.backHome')}
        </Link>
      </div>
    </>
  );
}
