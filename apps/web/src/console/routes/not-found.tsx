import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';

export default function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('console.notFound'), t('app.consoleName'));
  return (
    <>
      <h1 className="console-page-title">{t('console.notFound')}</h1>
      <Link to="/">{t('console.menu.dashboard')}</Link>
    </>
  );
}
