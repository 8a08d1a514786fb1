import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import { useDownloadMyData, useRequestDeletion } from '../../features/volunteers/api/my-data';
import { errorMessage } from '../../lib/error-message';
import { Section } from './section';

/** PIPL rights on the phone: copy of all my data (JSON / Excel) and a deletion request, confirmed inline (no pop-ups). */
export function MyDataSection() {
  const { t } = useTranslation();
  const download = useDownloadMyData();
  const deletion = useRequestDeletion();
  const [confirming, setConfirming] = useState(false);

  return (
    <Section title={t('myData.title')}>
      <p className="h5-muted">{t('myData.intro')}</p>
      <div className="h5-actions">
        <Button size="large" block loading={download.isPending && download.variables === 'json'} onClick={() => download.mutate('json')}>
          {t('myData.exportJson')}
        </Button>
        <Button size="large" block loading={download.isPending && download.variables === 'xlsx'} onClick={() => download.mutate('xlsx')}>
          {t('myData.exportXlsx')}
        </Button>
      </div>
      <div aria-live="polite">
        {download.isSuccess && <p className="h5-success">{t('myData.exported', { file: download.data })}</p>}
        {download.isError && <p className="h5-error">{errorMessage(download.error, t)}</p>}
      </div>

      <h3>{t('myData.deleteTitle')}</h3>
      <p className="h5-muted">{t('myData.deleteIntro')}</p>
      {deletion.isSuccess ? (
        <p role="status" className="h5-success">
          {t('myData.deleteRequested')}
        </p>
      ) : confirming ? (
        <div className="h5-confirm" role="group" aria-labelledby="delete-confirm-text">
          <p id="delete-confirm-text" className="h5-notice">
            {t('myData.deleteConfirm')}
          </p>
          <div className="h5-actions">
            <Button size="large" block color="danger" loading={deletion.isPending} onClick={() => deletion.mutate()}>
              {t('myData.deleteYes')}
            </Button>
            <Button size="large" block onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button size="large" block color="danger" fill="outline" onClick={() => setConfirming(true)}>
          {t('myData.deleteRequest')}
        </Button>
      )}
      {deletion.isError && (
        <p role="alert" className="h5-error">
          {errorMessage(deletion.error, t)}
        </p>
      )}
    </Section>
  );
}
