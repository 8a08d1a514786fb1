import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import { useMe } from '../../features/account/api/get-me';
import { useIntake, useServiceItems, type IntakeDraft } from '../../features/demands/api/demands';
import { EmergencyGuidance } from '../../features/demands/components/emergency';
import { ServiceItemName } from '../../features/demands/components/service-item-name';
import { StaffOrderForm } from '../../features/demands/components/staff-order-form';
import { useStaffGrids } from '../../features/demands/use-staff-grids';
import { errorMessage } from '../../lib/error-message';
import { formatNumber } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName, scriptLang } from '../../lib/localize';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { TextAreaField } from '../components/form-field';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/demands/demands.css';

/** 群消息转需求: paste messages of the grid's WeChat group; each request found becomes a draft to check and confirm. */
export default function IntakePage() {
  const { t } = useTranslation();
  useDocumentTitle(t('intake.title'), t('app.name'));
  const me = useMe();
  const user = me.data ?? null;
  const staff = hasRole(user, 'grid_worker', 'community_admin', 'street_admin');
  const { grids } = useStaffGrids(staff ? user : null);
  const intake = useIntake();
  const [text, setText] = useState('');
  const [tried, setTried] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (!text.trim()) return;
    const gridId = grids.length === 1 ? grids[0]?.id : undefined;
    intake.mutate({ text: text.trim(), ...(gridId ? { gridId } : {}) });
  };

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />;
  if (!staff) return <p className="h5-notice">{t('intake.staffOnly')}</p>;
  const drafts = intake.data?.items ?? [];

  return (
    <>
      <h1 className="h5-page-title">{t('intake.title')}</h1>
      <form onSubmit={submit} noValidate>
        <TextAreaField
          label={t('intake.paste')}
          hint={t('intake.pasteHint')}
          rows={8}
          maxLength={20000}
          value={text}
          error={tried && !text.trim() ? t('intake.pasteRequired') : undefined}
          onChange={(event) => setText(event.target.value)}
        />
        {intake.isError && (
          <p role="alert" className="h5-error">
            {errorMessage(intake.error, t)}
          </p>
        )}
        <Button block size="large" color="primary" type="submit" loading={intake.isPending}>
          {t('intake.draft')}
        </Button>
      </form>
      {intake.isSuccess && (
        <Section title={t('intake.drafts', { count: drafts.length })}>
          {drafts.length === 0 && <p className="h5-muted">{t('intake.none')}</p>}
          <ol className="intake-drafts">
            {drafts.map((draft, index) => (
              <li key={`${index}-${draft.sourceText.slice(0, 20)}`}>
                <DraftCard draft={draft} index={index} grids={grids} fallbackGridId={grids.length === 1 ? (grids[0]?.id ?? '') : ''} />
              </li>
            ))}
          </ol>
        </Section>
      )}
    </>
  );
}

function DraftCard({
  draft,
  index,
  grids,
  fallbackGridId,
}: {
  draft: IntakeDraft;
  index: number;
  grids: ReturnType<typeof useStaffGrids>['grids'];
  fallbackGridId: string;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const items = useServiceItems();
  const item = items.data?.items.find((i) => i.id === draft.serviceItemId);
  const headingId = `intake-draft-${index}`;
  // Not sure of the item: the closest candidates as a hint; the worker picks one below.
  const maybe = draft.alternatives
    .map((alt) => items.data?.items.find((i) => i.id === alt.serviceItemId))
    .filter((i): i is NonNullable<typeof i> => Boolean(i))
    .slice(0, 3)
    .map((i) => localName(i, language).text);
  return (
    <article className={`intake-draft${draft.emergency ? ' intake-draft--emergency' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId}>
        {t('intake.draftNo', { n: index + 1 })} ·{' '}
        {draft.emergency ? t('intake.emergency') : item ? <ServiceItemName item={item} /> : t('intake.noItem')}
      </h3>
      <p className="intake-draft__source" lang={scriptLang(draft.sourceText)}>
        {draft.sender && <strong lang={scriptLang(draft.sender)}>{draft.sender}: </strong>}
        {draft.sourceText}
      </p>
      <p className="h5-muted">
        {t('intake.confidence', { value: formatNumber(Math.round(draft.confidence * 100), language) })}
        {draft.contactPhone ? ` · ${t('intake.phone', { phone: draft.contactPhone })}` : ''}
        {draft.urgency === 'urgent' ? ` · ${t('orders.urgency.urgent')}` : ''}
      </p>
      {!draft.emergency && !item && maybe.length > 0 && (
        <p className="h5-muted">{t('intake.maybe', { items: maybe.join(language === 'en' ? ', ' : '、') })}</p>
      )}
      {draft.feeFlag && <p className="h5-notice">{t('orders.feeFlag')}</p>}
      {draft.emergency ? (
        <EmergencyGuidance calls={[draft.emergency.call]} message={t('intake.emergencyBody', { call: draft.emergency.call })} />
      ) : (
        <StaffOrderForm
          grids={grids}
          beneficiaryHint={draft.beneficiaryHint}
          submitLabel={t('intake.confirm')}
          initial={{
            serviceItemId: draft.serviceItemId ?? '',
            gridId: draft.gridId && grids.some((g) => g.id === draft.gridId) ? draft.gridId : fallbackGridId,
            urgency: draft.urgency,
            beneficiaryId: '',
            description: draft.sourceText,
            channel: 'chat',
          }}
        />
      )}
    </article>
  );
}
