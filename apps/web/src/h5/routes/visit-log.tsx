import { useState } from 'react';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import { useMe } from '../../features/account/api/get-me';
import { useHouseholds } from '../../features/residents/api/get-households';
import { useCampaigns, useCreateVisit, useGridCoverage, useNeedToDemand, useServiceItems } from '../../features/visits/api/visits';
import { INQUIRY_TOPICS, type Inquiry, type Need, type Visit } from '../../features/visits/types';
import { isoWithOffset } from '../../lib/datetime';
import { errorMessage } from '../../lib/error-message';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName, scriptLang } from '../../lib/localize';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CheckField, SelectField, TextAreaField, TextField } from '../components/form-field';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/activities/activities-h5.css';

/** A `datetime-local` value of now on this device. */
function localInputNow(): string {
  return isoWithOffset().slice(0, 16);
}

function fromLocalInput(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? isoWithOffset() : isoWithOffset(date);
}

/** 入户走访记录 (幸福敲敲门): the grid worker logs a household visit on the phone; found needs become demands. */
export default function VisitLogPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('visits.title'), t('app.name'));
  const me = useMe();
  const gridId = me.data?.gridId ?? null;
  const allowed = hasRole(me.data, 'grid_worker', 'volunteer', 'team_leader', 'community_admin', 'street_admin');
  const households = useHouseholds({ gridId: gridId ?? undefined }, { enabled: Boolean(gridId) });
  const coverage = useGridCoverage(gridId);
  const campaigns = useCampaigns({ enabled: allowed });
  const serviceItems = useServiceItems();
  const create = useCreateVisit();

  // Opened from a care plan: the household is chosen already.
  const [params] = useSearchParams();
  const [householdId, setHouseholdId] = useState(() => params.get('household') ?? '');
  const [campaignId, setCampaignId] = useState('');
  const [at, setAt] = useState(localInputNow);
  const [present, setPresent] = useState(true);
  const [inquiries, setInquiries] = useState<Inquiry[]>([]);
  const [needs, setNeeds] = useState<Need[]>([]);
  const [saved, setSaved] = useState<Visit | null>(null);
  const [tried, setTried] = useState(false);

  if (me.isPending) return <Loading />;
  if (!me.data) return <Navigate to="/login?next=/visits/new" replace />;

  const list = households.data?.pages.flatMap((page) => page.items) ?? [];
  const lastVisit = new Map((coverage.data?.items ?? []).map((c) => [c.householdId, c]));

  const submit = () => {
    setTried(true);
    if (!householdId) return;
    create.mutate(
      {
        householdId,
        at: fromLocalInput(at),
        present,
        inquiries: present ? inquiries : [],
        needs: needs.filter((n) => n.description.trim()).map((n) => ({ ...n, description: n.description.trim() })),
        ...(campaignId ? { campaignId } : {}),
      },
      {
        onSuccess: (visit) => {
          setSaved(visit);
          setInquiries([]);
          setNeeds([]);
          setHouseholdId('');
          setTried(false);
        },
      },
    );
  };

  return (
    <>
      <h1 className="h5-page-title">{t('visits.title')}</h1>
      {!gridId && <p className="h5-notice">{t('visits.noGrid')}</p>}
      {coverage.data && (
        <p role="status" className="h5-muted">
          {t('visits.overdueSummary', { n: coverage.data.overdueCount, days: coverage.data.cycleDays })}
        </p>
      )}
      {hasRole(me.data, 'grid_worker') && (
        <p>
          <Link to="/care-plans">{t('carePlans.h5.title')}</Link>
        </p>
      )}
      {saved && <SavedVisit visit={saved} onDone={() => setSaved(null)} />}

      <Section title={t('visits.newVisit')}>
        <form
          className="h5-form"
          onSubmit={(event) => {
            event.preventDefault();
            submit();
          }}
        >
          <SelectField
            label={t('visits.household')}
            value={householdId}
            onChange={(event) => setHouseholdId(event.target.value)}
            error={tried && !householdId ? t('visits.chooseHousehold') : undefined}
          >
            <option value="">{t('visits.chooseHousehold')}</option>
            {householdId && !list.some((h) => h.id === householdId) && <option value={householdId}>{t('carePlans.h5.fromPlan')}</option>}
            {list.map((h) => {
              const c = lastVisit.get(h.id);
              const last = c?.lastVisitAt ? t('visits.lastVisit', { date: formatDate(c.lastVisitAt, language) }) : t('visits.neverVisited');
              const overdue = c?.overdue ? `${t('visits.overdue')} · ` : '';
              return (
                <option key={h.id} value={h.id}>
                  {`${overdue}${h.address} · ${last}`}
                </option>
              );
            })}
          </SelectField>
          {households.isError && <ErrorNotice error={households.error} onRetry={() => void households.refetch()} />}
          {(campaigns.data?.items.length ?? 0) > 0 && (
            <SelectField
              label={t('visits.campaign')}
              value={campaignId}
              onChange={(event) => setCampaignId(event.target.value)}
              optional={t('common.optional')}
            >
              <option value="">{t('visits.noCampaign')}</option>
              {campaigns.data!.items.map((c) => (
                <option key={c.id} value={c.id}>
                  {localName(c, language).text}
                </option>
              ))}
            </SelectField>
          )}
          <TextField label={t('visits.at')} type="datetime-local" value={at} onChange={(event) => setAt(event.target.value)} />
          <fieldset className="chip-group">
            <legend className="form-field__label">{t('visits.presence')}</legend>
            <div className="checkin-actions">
              <button type="button" aria-pressed={present} onClick={() => setPresent(true)}>
                {t('visits.present')}
              </button>
              <button type="button" aria-pressed={!present} onClick={() => setPresent(false)}>
                {t('visits.absent')}
              </button>
            </div>
          </fieldset>

          {present && (
            <fieldset className="chip-group">
              <legend className="form-field__label">{t('visits.inquiries')}</legend>
              {inquiries.map((inquiry, index) => (
                <div key={index} className="visit-row">
                  <SelectField
                    label={t('visits.topic', { n: index + 1 })}
                    value={inquiry.topic}
                    onChange={(event) => setInquiries(inquiries.map((q, i) => (i === index ? { ...q, topic: event.target.value } : q)))}
                  >
                    {INQUIRY_TOPICS.map((topic) => (
                      <option key={topic} value={topic}>
                        {t(`visits.topics.${topic}`)}
                      </option>
                    ))}
                  </SelectField>
                  <CheckField
                    label={t('visits.answered')}
                    checked={inquiry.answered}
                    onChange={(answered) => setInquiries(inquiries.map((q, i) => (i === index ? { ...q, answered } : q)))}
                  />
                  <Button size="small" onClick={() => setInquiries(inquiries.filter((_, i) => i !== index))}>
                    {t('visits.remove')}
                  </Button>
                </div>
              ))}
              <Button block onClick={() => setInquiries([...inquiries, { topic: 'policy', answered: true }])}>
                {t('visits.addInquiry')}
              </Button>
            </fieldset>
          )}

          <fieldset className="chip-group">
            <legend className="form-field__label">{t('visits.needs')}</legend>
            {needs.map((need, index) => (
              <div key={index} className="visit-row">
                <SelectField
                  label={t('visits.needService', { n: index + 1 })}
                  value={need.serviceItemId ?? ''}
                  onChange={(event) =>
                    setNeeds(needs.map((n, i) => (i === index ? { ...n, serviceItemId: event.target.value || undefined } : n)))
                  }
                  optional={t('common.optional')}
                >
                  <option value="">{t('visits.noServiceItem')}</option>
                  {(serviceItems.data?.items ?? []).map((item) => (
                    <option key={item.id} value={item.id}>
                      {localName(item, language).text}
                    </option>
                  ))}
                </SelectField>
                <TextAreaField
                  label={t('visits.needDescription', { n: index + 1 })}
                  value={need.description}
                  maxLength={500}
                  onChange={(event) => setNeeds(needs.map((n, i) => (i === index ? { ...n, description: event.target.value } : n)))}
                />
                <Button size="small" onClick={() => setNeeds(needs.filter((_, i) => i !== index))}>
                  {t('visits.remove')}
                </Button>
              </div>
            ))}
            <Button block onClick={() => setNeeds([...needs, { description: '' }])}>
              {t('visits.addNeed')}
            </Button>
          </fieldset>

          <Button block type="submit" color="primary" loading={create.isPending}>
            {t('visits.save')}
          </Button>
          {create.isError && (
            <p role="alert" className="h5-error">
              {errorMessage(create.error, t)}
            </p>
          )}
        </form>
      </Section>
    </>
  );
}

/** After saving: the found needs, each one tap from becoming a demand. */
function SavedVisit({ visit, onDone }: { visit: Visit; onDone: () => void }) {
  const { t } = useTranslation();
  const toDemand = useNeedToDemand();
  const [created, setCreated] = useState<Record<number, string>>({});
  return (
    <Section title={t('visits.saved')}>
      <p role="status" className="h5-success">
        {t('visits.savedBody')}
      </p>
      {visit.needs.length > 0 && (
        <ul className="link-list">
          {visit.needs.map((need) => (
            <li key={need.index} className="info-row">
              <span className="link-list__main">
                <span className="link-list__title" lang={scriptLang(need.description)}>
                  {need.description}
                </span>
                {created[need.index] || need.demandId ? (
                  <span className="h5-success">{t('visits.demandCreated')}</span>
                ) : need.serviceItemId ? (
                  <Button
                    size="middle"
                    color="primary"
                    loading={toDemand.isPending && toDemand.variables?.index === need.index}
                    onClick={() =>
                      toDemand.mutate(
                        { visitId: visit.id, index: need.index },
                        { onSuccess: (result) => setCreated((prev) => ({ ...prev, [need.index]: result.demandId })) },
                      )
                    }
                  >
                    {t('visits.createDemand')}
                  </Button>
                ) : (
                  <span className="link-list__meta">{t('visits.needRecorded')}</span>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {toDemand.isError && (
        <p role="alert" className="h5-error">
          {errorMessage(toDemand.error, t)}
        </p>
      )}
      <Button block onClick={onDone}>
        {t('visits.another')}
      </Button>
    </Section>
  );
}
