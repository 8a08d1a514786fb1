import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/account/api/get-me';
import { useDispatchLookups } from '../components/dispatch-lookups';
import { useDocumentTitle } from '../../lib/use-document-title';
import { DemandPanel } from '../components/dispatch-demand-panel';
import { Loading } from '../components/query-state';

/** 需求详情 at /admin/demands/:id (the same panel as the list's drawer, with a link back). */
export default function DemandDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  useDocumentTitle(t('dispatch.detail.title'), t('app.consoleName'));
  const { data: me } = useMe();
  const lookups = useDispatchLookups();
  if (!me) return <Loading />;
  return (
    <>
      <p>
        <Link to="/demands">{t('dispatch.detail.back')}</Link> · <Link to="/dispatch">{t('dispatch.board.title')}</Link>
      </p>
      <h1 className="console-page-title">{t('dispatch.detail.title')}</h1>
      <DemandPanel demandId={id} me={me} lookups={lookups} />
    </>
  );
}
