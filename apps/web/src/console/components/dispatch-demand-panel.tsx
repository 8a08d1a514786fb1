import { useId, useState } from 'react';
import { Alert, Button, Descriptions, Input, Select, Table, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Demand, Me } from '@duodi/contracts';
import { useDemand } from '../../features/dispatch/api/demands';
import { useOffers, useRecordNoShow, type DemandOffer } from '../../features/dispatch/api/plans';
import { formatDateTime, shortId } from '../../features/dispatch/format';
import type { DispatchLookups } from './dispatch-lookups';
import { errorMessage } from '../../lib/error-message';
import { currentLanguage } from '../../lib/i18n';
import { localName, scriptLang } from '../../lib/localize';
import { scopesOf } from '../../lib/roles';
import { DispatchActions, isPlaceStaff } from './dispatch-actions';
import { useItemName } from './dispatch-card';
import { DispatchCandidates } from './dispatch-candidates';
import { DeadlineBadge, DemandStatusTag, PersonName, UrgencyTag, useNow } from './dispatch-parts';
import { Loading, ProblemAlert } from './query-state';
import { StatusTag, type Tone } from './status-tag';

const HISTORY_ACTIONS = [
  'submit',
  'publish',
  'reject',
  'assign',
  'accept',
  'decline',
  'start',
  'complete',
  'rate',
  'close',
  'cancel',
  'escalate',
  'no_show',
  'rework',
] as const;
const isKnownAction = (action: string): action is (typeof HISTORY_ACTIONS)[number] =>
  (HISTORY_ACTIONS as readonly string[]).includes(action);
const OFFER_TONE: Record<DemandOffer['status'], Tone> = {
  offered: 'info',
  accepted: 'success',
  declined: 'warning',
  expired: 'neutral',
  withdrawn: 'neutral',
};
const NO_SHOW_STATUSES: readonly Demand['status'][] = ['accepted', 'in_service'];
/** An accepted volunteer as the demand names them (absent in an answer without names: then looked up by id). */
const namedOf = (demand: Demand, volunteerId: string) => demand.volunteers?.find((v) => v.id === volunteerId);

/** The team a leader may offer the demand for: its team if they lead it, else (still published) a team they lead in its place. */
function offerTeamOf(me: Me, demand: Demand, lookups: DispatchLookups): string | null {
  if (demand.status !== 'published' && demand.status !== 'assigned') return null;
  if (demand.volunteerIds.length >= demand.volunteersNeeded) return null;
  const led = scopesOf(me, 'team_leader');
  if (demand.teamId) return led.includes(demand.teamId) || isPlaceStaff(me, demand) ? demand.teamId : null;
  const mine = led.find((id) => {
    const team = lookups.teams.get(id);
    return team && (team.communityId === demand.communityId || team.communityId === null);
  });
  return mine ?? null;
}

function NoShowForm({ demand }: { demand: Demand }) {
  const { t } = useTranslation();
  const id = useId();
  const noShow = useRecordNoShow();
  const [volunteerId, setVolunteerId] = useState<string | undefined>();
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <form
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!volunteerId) return setMissing(true);
        noShow.mutate({ demandId: demand.id, volunteerId, note: note.trim() || undefined }, { onSuccess: () => setNote('') });
      }}
    >
      <h3 id={`${id}-title`}>{t('dispatch.noShow.title')}</h3>
      <p>{t('dispatch.noShow.intro')}</p>
      <label htmlFor={`${id}-volunteer`} className="console-label">
        {t('dispatch.noShow.volunteer')}
      </label>
      <Select
        id={`${id}-volunteer`}
        style={{ minWidth: 220 }}
        value={volunteerId}
        placeholder={t('common.choose')}
        onChange={(value: string) => {
          setVolunteerId(value);
          setMissing(false);
        }}
        options={demand.volunteerIds.map((v) => ({ value: v, label: <PersonName person={namedOf(demand, v)} volunteerId={v} /> }))}
        status={missing ? 'error' : undefined}
        aria-invalid={missing}
      />
      {missing && <p className="console-error">{t('dispatch.noShow.volunteerRequired')}</p>}
      <label htmlFor={`${id}-note`} className="console-label" style={{ marginTop: 8 }}>
        {t('dispatch.noShow.note')}
      </label>
      <Input.TextArea id={`${id}-note`} rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
      <Button style={{ marginTop: 8 }} danger htmlType="submit" loading={noShow.isPending}>
        {t('dispatch.noShow.submit')}
      </Button>
      {noShow.isError && <Alert style={{ marginTop: 8 }} type="error" showIcon role="alert" title={errorMessage(noShow.error, t)} />}
      {noShow.isSuccess && <Alert style={{ marginTop: 8 }} type="success" showIcon role="status" title={t('dispatch.noShow.done')} />}
    </form>
  );
}

function Offers({ demandId, lookups }: { demandId: string; lookups: DispatchLookups }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const offers = useOffers(demandId);
  if (offers.isError) return <ProblemAlert error={offers.error} onRetry={() => void offers.refetch()} />;
  return (
    <Table<DemandOffer>
      rowKey="id"
      size="small"
      loading={offers.isPending}
      dataSource={offers.data?.items ?? []}
      pagination={false}
      locale={{ emptyText: t('dispatch.offers.none') }}
      columns={[
        {
          title: t('dispatch.candidates.volunteer'),
          key: 'v',
          render: (_, o) => <PersonName person={o.volunteer} volunteerId={o.volunteerId} />,
        },
        {
          title: t('dispatch.fields.team'),
          key: 'team',
          render: (_, o) => {
            const team = lookups.teams.get(o.teamId);
            return team ? localName(team, language).text : o.teamId;
          },
        },
        {
          title: t('dispatch.fields.status'),
          key: 'status',
          render: (_, o) => (
            <>
              <StatusTag tone={OFFER_TONE[o.status]}>{t(`dispatch.offers.status.${o.status}`)}</StatusTag>
              {o.declineReason && <div lang={scriptLang(o.declineReason)}>{t('dispatch.offers.reason', { reason: o.declineReason })}</div>}
            </>
          ),
        },
        { title: t('dispatch.offers.offeredAt'), key: 'at', render: (_, o) => formatDateTime(o.createdAt, language) },
        { title: t('dispatch.offers.decidedAt'), key: 'dec', render: (_, o) => formatDateTime(o.decidedAt, language) },
      ]}
    />
  );
}

/**
 * 需求详情: the fields, the caller's steps, the full history (from, to, at, by, note), escalations, offers,
 * no-show and the candidate ranking. Used by the detail page and the list's drawer.
 */
export function DemandPanel({ demandId, me, lookups }: { demandId: string; me: Me; lookups: DispatchLookups }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const now = useNow();
  const demand = useDemand(demandId);
  const itemName = useItemName(lookups);
  if (demand.isPending) return <Loading />;
  if (demand.isError) return <ProblemAlert error={demand.error} onRetry={() => void demand.refetch()} />;
  const d = demand.data;
  const staff = isPlaceStaff(me, d);
  const led = scopesOf(me, 'team_leader');
  const leadsTeam = d.teamId !== null && led.includes(d.teamId);
  const community = lookups.communities.get(d.communityId);
  const grid = lookups.grids.get(d.gridId);
  const team = d.teamId ? lookups.teams.get(d.teamId) : undefined;
  const escalations = d.history.filter((h) => h.action === 'escalate');
  const seesCandidates = staff || leadsTeam || (d.status === 'published' && led.length > 0);
  const byText = (h: Demand['history'][number]) =>
    h.byUserId === null ? (
      t('dispatch.history.system')
    ) : h.byUserId === me.id ? (
      t('dispatch.history.you')
    ) : h.by ? (
      <PersonName person={h.by} community={false} />
    ) : (
      t('dispatch.history.staff', { id: shortId(h.byUserId) })
    );
  const item = itemName(d.serviceItemId);

  return (
    <div className="dispatch-demand">
      <h2 style={{ marginTop: 0 }}>
        {item.text} <small>· {t('dispatch.card.no', { no: shortId(d.id) })}</small>
      </h2>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, marginBottom: 12 }}>
        <DemandStatusTag status={d.status} />
        <UrgencyTag urgency={d.urgency} />
        <DeadlineBadge demand={d} now={now} />
        {d.overdue && <StatusTag tone="danger">{t('dispatch.card.overdueBadge')}</StatusTag>}
      </div>
      {d.feeFlag && <Alert style={{ marginBottom: 12 }} type="warning" showIcon title={t('dispatch.detail.feeFlag')} />}
      <div style={{ marginBottom: 12 }}>
        <DispatchActions demand={d} me={me} lookups={lookups} />
      </div>
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('dispatch.fields.description')}>
          <span lang={scriptLang(d.description)} style={{ whiteSpace: 'pre-wrap' }}>
            {d.description}
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('dispatch.fields.community')}>
          {community ? localName(community, language).text : d.communityId}
        </Descriptions.Item>
        <Descriptions.Item label={t('dispatch.fields.grid')}>{grid ? localName(grid, language).text : d.gridId}</Descriptions.Item>
        <Descriptions.Item label={t('dispatch.fields.team')}>{team ? localName(team, language).text : t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('dispatch.fields.volunteers')}>
          {t('dispatch.card.slots', { accepted: d.volunteerIds.length, needed: d.volunteersNeeded })}
          {d.volunteerIds.length > 0 && (
            <ul style={{ margin: '4px 0 0', paddingInlineStart: 16 }}>
              {d.volunteerIds.map((v) => (
                <li key={v}>
                  <PersonName person={namedOf(d, v)} volunteerId={v} />
                </li>
              ))}
            </ul>
          )}
        </Descriptions.Item>
        {d.beneficiary && (
          <Descriptions.Item label={t('dispatch.fields.beneficiary')}>
            <span lang={scriptLang(d.beneficiary.name)}>{d.beneficiary.name}</span>
            {(d.beneficiary.phone ?? d.beneficiary.phoneMasked) && ` · ${d.beneficiary.phone ?? d.beneficiary.phoneMasked}`}
            {d.beneficiary.address && <div>{d.beneficiary.address}</div>}
            {d.beneficiary.languages.length > 0 && (
              <div>
                {t('dispatch.detail.languages', { languages: d.beneficiary.languages.map((l) => t(`spokenLanguages.${l}`)).join('、') })}
              </div>
            )}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('dispatch.fields.channel')}>{t(`dispatch.channel.${d.channel}`)}</Descriptions.Item>
        <Descriptions.Item label={t('dispatch.fields.preferred')}>
          {d.preferredStart
            ? `${formatDateTime(d.preferredStart, language)} – ${formatDateTime(d.preferredEnd, language)}`
            : t('dispatch.detail.anyTime')}
        </Descriptions.Item>
        <Descriptions.Item label={t('dispatch.fields.deadline')}>
          {d.slaDueAt ? formatDateTime(d.slaDueAt, language) : t('dispatch.deadline.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('dispatch.fields.createdAt')}>{formatDateTime(d.createdAt, language)}</Descriptions.Item>
        {d.rating !== null && (
          <Descriptions.Item label={t('dispatch.fields.rating')}>
            {t('dispatch.card.rating', { score: d.rating })}
            {d.ratingComment && <div lang={scriptLang(d.ratingComment)}>{d.ratingComment}</div>}
          </Descriptions.Item>
        )}
        {d.reworkCount > 0 && <Descriptions.Item label={t('dispatch.fields.rework')}>{t('dispatch.detail.reworked')}</Descriptions.Item>}
        {d.rejectReason && <Descriptions.Item label={t('dispatch.fields.rejectReason')}>{d.rejectReason}</Descriptions.Item>}
        {d.cancelReason && <Descriptions.Item label={t('dispatch.fields.cancelReason')}>{d.cancelReason}</Descriptions.Item>}
        {d.followUp && <Descriptions.Item label={t('dispatch.fields.followUp')}>{d.followUp}</Descriptions.Item>}
      </Descriptions>

      <h3 style={{ marginTop: 20 }}>{t('dispatch.history.title')}</h3>
      <Timeline
        items={d.history.map((h, index) => ({
          key: `${h.at}-${index}`,
          color: h.action === 'escalate' ? 'red' : 'blue',
          content: (
            <div>
              <strong>{isKnownAction(h.action) ? t(`dispatch.historyAction.${h.action}`) : h.action}</strong>
              {' · '}
              <span>
                {h.from && h.from !== h.to
                  ? `${t(`dispatch.status.${h.from}`)} → ${t(`dispatch.status.${h.to}`)}`
                  : t(`dispatch.status.${h.to}`)}
              </span>
              <div>
                {formatDateTime(h.at, language)} · {byText(h)}
              </div>
              {h.note && (
                <div lang={scriptLang(h.note)}>
                  {h.action === 'escalate' && (h.note === 'community' || h.note === 'street')
                    ? t('dispatch.escalation.to', { level: t(`dispatch.escalation.${h.note}`) })
                    : t('dispatch.history.note', { note: h.note })}
                </div>
              )}
            </div>
          ),
        }))}
      />

      <h3>{t('dispatch.escalation.title')}</h3>
      {escalations.length === 0 ? (
        <p>{t('dispatch.escalation.none')}</p>
      ) : (
        <ul>
          {escalations.map((h, index) => (
            <li key={`${h.at}-${index}`}>
              {t('dispatch.escalation.item', {
                at: formatDateTime(h.at, language),
                level: h.note === 'street' || h.note === 'community' ? t(`dispatch.escalation.${h.note}`) : (h.note ?? ''),
                status: t(`dispatch.status.${h.to}`),
              })}
            </li>
          ))}
        </ul>
      )}

      {(staff || leadsTeam) && (
        <>
          <h3>{t('dispatch.offers.title')}</h3>
          <Offers demandId={d.id} lookups={lookups} />
        </>
      )}

      {(staff || leadsTeam) && d.volunteerIds.length > 0 && NO_SHOW_STATUSES.includes(d.status) && <NoShowForm demand={d} />}

      {seesCandidates && (d.status === 'published' || d.status === 'assigned') && (
        <>
          <h3 style={{ marginTop: 20 }}>{t('dispatch.candidates.title')}</h3>
          <p>{t('dispatch.candidates.intro')}</p>
          <DispatchCandidates demandId={d.id} offerTeamId={offerTeamOf(me, d, lookups)} />
        </>
      )}
    </div>
  );
}
