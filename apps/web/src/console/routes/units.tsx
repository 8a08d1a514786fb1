import { Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Unit } from '@duodi/contracts';
import { useUnits } from '../../features/organization/api/get-units';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ProblemAlert } from '../components/query-state';

export default function UnitsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('console.units.title'), t('app.consoleName'));
  const units = useUnits();
  return (
    <>
      <h1 className="console-page-title">{t('console.units.title')}</h1>
      {units.isError && <ProblemAlert error={units.error} onRetry={() => void units.refetch()} />}
      <Table<Unit>
        rowKey="id"
        loading={units.isPending}
        dataSource={units.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('fields.name'), key: 'name', render: (_, u) => localName(u, language).text },
          { title: t('fields.kind'), dataIndex: 'kind', render: (kind: Unit['kind']) => t(`unitKinds.${kind}`) },
          { title: t('fields.partyOrg'), dataIndex: 'partyOrg' },
        ]}
      />
    </>
  );
}
