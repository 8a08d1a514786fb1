import { useId, useMemo, useState } from 'react';
import { Alert, Button, Card, Select, Space, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQueries } from '@tanstack/react-query';
import type { DemandListItem, Me } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { getDemands, useCandidates, type Candidate } from '../../features/dispatch/api/demands';
import { useAcceptDispatchPlan, useSuggestDispatch, type SuggestScope } from '../../features/dispatch/api/plans';
import { shortId } from '../../features/dispatch/format';
import { useDispatchLookups, type DispatchLookups } from '../components/dispatch-lookups';
import {
  addVolunteer,
  assignmentsOf,
  conflictsByDemand,
  planCost,
  removeVolunteer,
  replaceVolunteer,
  round2,
  rowCost,
  rowsFromSuggestion,
  type PlanRow,
} from '../../features/dispatch/plan';
import { isApiError } from '../../lib/api-client';
import { errorMessage } from '../../lib/error-message';
import { currentLanguage } from '../../lib/i18n';
import { langAttr, localName } from '../../lib/localize';
import { hasRole, scopesOf } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { useItemName } from '../components/dispatch-card';
import { CandidateReasons } from '../components/dispatch-candidates';
import { DemandStatusTag, PersonName, UrgencyTag } from '../components/dispatch-parts';
import { Loading, ProblemAlert } from '../components/query-state';
import { StatusTag } from '../components/status-tag';

/** The scopes the caller may ask a suggestion for: the street (or a community), their communities, or teams they lead. */
function scopeChoices(me: Me, lookups: DispatchLookups, language: ReturnType<typeof currentLanguage>) {
  const options: { value: string; label: string; scope: SuggestScope }[] = [];
  if (hasRole(me, 'street_admin')) {
    options.push({ value: 'street', label: '', scope: {} });
    for (const c of lookups.communities.values())
      options.push({ value: `c:${c.id}`, label: localName(c, language).text, scope: { communityId: c.id } });
  } else {
    for (const id of scopesOf(me, 'community_admin')) {
      const c = lookups.communities.get(id);
      options.push({ value: `c:${id}`, label: c ? localName(c, language).text : id, scope: { communityId: id } });
    }
  }
  for (const id of scopesOf(me, 'team_leader')) {
    const team = lookups.teams.get(id);
    options.push({ value: `t:${id}`, label: team ? localName(team, language).text : id, scope: { teamId: id } });
  }
  return options;
}

/** A select of the demand's candidates (scored as the ranking), to replace a volunteer or fill an open slot. */
function CandidatePicker({
  demandId,
  exclude,
  label,
  onPick,
}: {
  demandId: string;
  exclude: readonly string[];
  label: string;
  onPick: (candidate: Candidate) => void;
}) {
  const { t } = useTranslation();
  const [enabled, setEnabled] = useState(false);
  const candidates = useCandidates(demandId, { enabled, limit: 50 });
  const options = (candidates.data?.items ?? [])
    .filter((c) => !exclude.includes(c.volunteerId))
    .map((c) => ({ value: c.volunteerId, label: <CandidateOption candidate={c} /> }));
  return (
    <Select<string>
      aria-label={label}
      placeholder={label}
      style={{ minWidth: 220 }}
      size="small"
      value={null}
      loading={candidates.isFetching}
      onOpenChange={(open) => open && setEnabled(true)}
      onFocus={() => setEnabled(true)}
      notFoundContent={
        candidates.isError ? errorMessage(candidates.error, t) : candidates.isPending ? t('common.loading') : t('dispatch.candidates.none')
      }
      options={options}
      onChange={(value) => {
        const picked = candidates.data?.items.find((c) => c.volunteerId === value);
        if (picked) onPick(picked);
      }}
    />
  );
}

function CandidateOption({ candidate }: { candidate: Candidate }) {
  const { t } = useTranslation();
  return (
    <span>
      <PersonName person={candidate.volunteer} /> · {t('dispatch.candidates.score', { score: candidate.score })}
    </span>
  );
}

/** 建议派单: run the batch suggestion for the caller's scope, edit it (replace, remove, add, drop), then accept → POST /dispatch-plans. */
export default function DispatchSuggestionsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('dispatch.suggest.title'), t('app.consoleName'));
  const id = useId();
  const { data: me } = useMe();
  const lookups = useDispatchLookups();
  const itemName = useItemName(lookups);
  const suggest = useSuggestDispatch();
  const accept = useAcceptDispatchPlan();
  const [scopeKey, setScopeKey] = useState<string | undefined>();
  const [rows, setRows] = useState<PlanRow[]>([]);
  const [ranScope, setRanScope] = useState<SuggestScope>({});
  const [missingTeam, setMissingTeam] = useState<string[]>([]);
  const [sent, setSent] = useState<ReturnType<typeof assignmentsOf>['assignments']>([]);

  const choices = me ? scopeChoices(me, lookups, language) : [];
  const chosen = choices.find((c) => c.value === scopeKey) ?? choices[0];

  const scopeLists = useQueries({
    queries: (['published', 'assigned'] as const).map((status) => ({
      queryKey: ['demands', 'list', { status, ...ranScope }, 200],
      queryFn: () => getDemands({ status, ...ranScope, limit: 200 }),
      enabled: rows.length > 0,
    })),
  });
  const knownDemands = useMemo(() => {
    const map = new Map<string, DemandListItem>();
    for (const q of scopeLists) for (const d of q.data?.items ?? []) map.set(d.id, d);
    return map;
  }, [scopeLists]);

  if (!me) return <Loading />;
  const suggestion = suggest.data;
  const editedCost = planCost(rows);
  const conflicts = accept.isError && isApiError(accept.error) ? conflictsByDemand(accept.error.errors, sent) : new Map<string, string[]>();
  const applied = new Map((accept.data?.items ?? []).map((item) => [item.demandId, item]));
  const update = (demandId: string, change: (row: PlanRow) => PlanRow) => {
    accept.reset();
    setRows((current) => current.map((row) => (row.demandId === demandId ? change(row) : row)));
  };

  const run = () => {
    if (!chosen) return;
    accept.reset();
    setMissingTeam([]);
    suggest.mutate(chosen.scope, {
      onSuccess: (result) => {
        setRanScope(chosen.scope);
        setRows(rowsFromSuggestion(result, () => undefined));
      },
    });
  };
  const teamOf = (row: PlanRow) => row.teamId ?? knownDemands.get(row.demandId)?.teamId ?? undefined;
  const submit = () => {
    const resolved = rows.map((row) => ({ ...row, teamId: teamOf(row) }));
    const plan = assignmentsOf(resolved);
    setMissingTeam(plan.missingTeam);
    if (plan.missingTeam.length > 0 || plan.assignments.length === 0) return;
    setSent(plan.assignments);
    accept.mutate({ scope: ranScope, assignments: plan.assignments });
  };
  const kept = rows.filter((r) => !r.dropped).length;

  return (
    <>
      <h1 className="console-page-title">{t('dispatch.suggest.title')}</h1>
      <p>{t('dispatch.suggest.intro')}</p>
      <Space wrap align="end" style={{ display: 'flex', marginBottom: 16 }}>
        {choices.length > 1 && (
          <span>
            <label htmlFor={`${id}-scope`} className="console-label">
              {t('dispatch.suggest.scope')}
            </label>
            <Select
              id={`${id}-scope`}
              style={{ minWidth: 220 }}
              value={chosen?.value}
              onChange={(value: string) => setScopeKey(value)}
              options={choices.map((c) => ({ value: c.value, label: c.value === 'street' ? t('dispatch.suggest.wholeStreet') : c.label }))}
            />
          </span>
        )}
        <Button type="primary" onClick={run} loading={suggest.isPending} disabled={!chosen}>
          {t('dispatch.suggest.run')}
        </Button>
      </Space>
      {choices.length === 0 && <Alert type="info" showIcon title={t('dispatch.suggest.noScope')} />}
      {suggest.isError && <ProblemAlert error={suggest.error} />}
      {suggestion && (
        <>
          <Space wrap size={24} style={{ display: 'flex', marginBottom: 16 }}>
            <Statistic title={t('dispatch.suggest.demands')} value={suggestion.items.length} />
            <Statistic title={t('dispatch.suggest.totalCost')} value={round2(suggestion.totalCost)} />
            <Statistic title={t('dispatch.suggest.greedyCost')} value={round2(suggestion.greedyCost)} />
            <Statistic title={t('dispatch.suggest.editedCost')} value={editedCost} />
            <Statistic title={t('dispatch.suggest.computed')} value={t('dispatch.suggest.ms', { ms: Math.round(suggestion.computedMs) })} />
          </Space>
          <p>
            {suggestion.greedyCost > suggestion.totalCost
              ? t('dispatch.suggest.better', { saved: round2(suggestion.greedyCost - suggestion.totalCost) })
              : t('dispatch.suggest.sameAsGreedy')}{' '}
            {t('dispatch.suggest.costExplained')}
          </p>
          {suggestion.items.length === 0 && <Alert type="info" showIcon title={t('dispatch.suggest.nothing')} />}
          {rows.map((row) => {
            const demand = knownDemands.get(row.demandId);
            const item = demand ? itemName(demand.serviceItemId) : null;
            const grid = demand ? lookups.grids.get(demand.gridId) : undefined;
            const teamId = teamOf(row);
            const published = demand ? demand.status === 'published' : !teamId;
            const teamOptions = lookups.teamList
              .filter((team) => !demand || team.communityId === demand.communityId || team.communityId === null)
              .map((team) => ({ value: team.id, label: localName(team, language).text }));
            const chosenIds = row.volunteers.map((v) => v.volunteerId);
            const rowConflicts = conflicts.get(row.demandId) ?? [];
            const done = applied.get(row.demandId);
            const title = `${item?.text ?? ''} · ${t('dispatch.card.no', { no: shortId(row.demandId) })}`;
            return (
              <Card
                key={row.demandId}
                size="small"
                role="article"
                aria-label={title}
                style={{ marginBottom: 12, opacity: row.dropped ? 0.75 : 1 }}
                title={
                  <span>
                    {item && <span lang={langAttr(item, language)}>{item.text}</span>}{' '}
                    <small>· {t('dispatch.card.no', { no: shortId(row.demandId) })}</small>
                    {grid ? ` · ${localName(grid, language).text}` : ''}
                  </span>
                }
                extra={
                  row.dropped ? (
                    <Button size="small" onClick={() => update(row.demandId, (r) => ({ ...r, dropped: false }))}>
                      {t('dispatch.suggest.restore')}
                    </Button>
                  ) : (
                    <Button size="small" danger onClick={() => update(row.demandId, (r) => ({ ...r, dropped: true }))}>
                      {t('dispatch.suggest.drop')}
                    </Button>
                  )
                }
              >
                <Space wrap size={4} style={{ marginBottom: 8 }}>
                  {demand && <DemandStatusTag status={demand.status} />}
                  {demand && <UrgencyTag urgency={demand.urgency} />}
                  {row.dropped && <StatusTag tone="neutral">{t('dispatch.suggest.dropped')}</StatusTag>}
                  {done && (
                    <StatusTag tone="success">{t('dispatch.suggest.applied', { count: done.offeredVolunteerIds.length })}</StatusTag>
                  )}
                  <span>
                    {t('dispatch.suggest.rowCost', { cost: round2(rowCost(row)), open: Math.max(0, row.slots - row.volunteers.length) })}
                  </span>
                </Space>
                {!row.dropped && (
                  <>
                    <div style={{ marginBottom: 8 }}>
                      <span className="console-label" id={`${id}-${row.demandId}-team`}>
                        {t('dispatch.fields.team')}
                      </span>
                      {published ? (
                        <Select
                          aria-labelledby={`${id}-${row.demandId}-team`}
                          style={{ minWidth: 240 }}
                          size="small"
                          value={row.teamId}
                          placeholder={t('common.choose')}
                          status={missingTeam.includes(row.demandId) ? 'error' : undefined}
                          onChange={(value: string) => update(row.demandId, (r) => ({ ...r, teamId: value }))}
                          options={teamOptions}
                        />
                      ) : (
                        <span>{teamId ? localName(lookups.teams.get(teamId) ?? { name: teamId }, language).text : ''}</span>
                      )}
                      {missingTeam.includes(row.demandId) && (
                        <p className="console-error" role="alert">
                          {t('dispatch.actions.teamRequired')}
                        </p>
                      )}
                    </div>
                    <Table<Candidate>
                      rowKey="volunteerId"
                      size="small"
                      pagination={false}
                      dataSource={row.volunteers}
                      locale={{ emptyText: t('dispatch.suggest.noVolunteers') }}
                      columns={[
                        { title: t('dispatch.candidates.volunteer'), key: 'n', render: (_, v) => <PersonName person={v.volunteer} /> },
                        { title: t('dispatch.candidates.scoreTitle'), key: 's', width: 90, render: (_, v) => round2(v.score) },
                        { title: t('dispatch.candidates.reasons'), key: 'r', render: (_, v) => <CandidateReasons reasons={v.reasons} /> },
                        {
                          title: t('fields.actions'),
                          key: 'a',
                          width: 260,
                          render: (_, v) => (
                            <Space orientation="vertical" size={4}>
                              <CandidatePicker
                                demandId={row.demandId}
                                exclude={chosenIds}
                                label={t('dispatch.suggest.replace', { id: shortId(v.volunteerId) })}
                                onPick={(c) => update(row.demandId, (r) => replaceVolunteer(r, v.volunteerId, c))}
                              />
                              <Button size="small" onClick={() => update(row.demandId, (r) => removeVolunteer(r, v.volunteerId))}>
                                {t('dispatch.suggest.remove', { id: shortId(v.volunteerId) })}
                              </Button>
                            </Space>
                          ),
                        },
                      ]}
                    />
                    {row.volunteers.length < row.slots && (
                      <div style={{ marginTop: 8 }}>
                        <CandidatePicker
                          demandId={row.demandId}
                          exclude={chosenIds}
                          label={t('dispatch.suggest.add', { open: row.slots - row.volunteers.length })}
                          onPick={(c) => update(row.demandId, (r) => addVolunteer(r, c))}
                        />
                      </div>
                    )}
                  </>
                )}
                {rowConflicts.map((message, index) => (
                  <Alert
                    key={index}
                    style={{ marginTop: 8 }}
                    type="error"
                    showIcon
                    role="alert"
                    title={t('dispatch.suggest.conflict', { message })}
                  />
                ))}
              </Card>
            );
          })}
          {rows.length > 0 && (
            <div style={{ position: 'sticky', bottom: 0, background: '#fff', padding: '12px 0', borderTop: '1px solid #e6e6e6' }}>
              {missingTeam.length > 0 && (
                <Alert
                  style={{ marginBottom: 8 }}
                  type="error"
                  showIcon
                  role="alert"
                  title={t('dispatch.suggest.missingTeams', { count: missingTeam.length })}
                />
              )}
              {accept.isError && (
                <Alert
                  style={{ marginBottom: 8 }}
                  type="error"
                  showIcon
                  role="alert"
                  title={t('dispatch.suggest.refused')}
                  description={errorMessage(accept.error, t)}
                />
              )}
              {accept.isSuccess && (
                <Alert
                  style={{ marginBottom: 8 }}
                  type="success"
                  showIcon
                  role="status"
                  title={t('dispatch.suggest.done', { demands: accept.data.items.length, offers: accept.data.offerCount })}
                />
              )}
              <Button type="primary" onClick={submit} loading={accept.isPending} disabled={kept === 0 || accept.isSuccess}>
                {t('dispatch.suggest.accept', { count: kept })}
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
