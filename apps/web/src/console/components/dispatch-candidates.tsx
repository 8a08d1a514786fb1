import { useState } from 'react';
import { Alert, Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCandidates, type Candidate } from '../../features/dispatch/api/demands';
import { useAcceptDispatchPlan } from '../../features/dispatch/api/plans';
import { explainReason, REASON_WEIGHTS } from '../../features/dispatch/explain';
import { CANDIDATE_REASONS } from '../../features/dispatch/values';
import { errorMessage } from '../../lib/error-message';
import { PersonName } from './dispatch-parts';
import { ProblemAlert } from './query-state';

/** A score (0..100) as a bar with the number in words beside it; the bar is decoration. */
export function ScoreBar({ score }: { score: number }) {
  const { t } = useTranslation();
  const width = Math.max(0, Math.min(100, score));
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <span aria-hidden="true" style={{ display: 'inline-block', width: 100, height: 10, background: '#e6e6e6', borderRadius: 5 }}>
        <span style={{ display: 'block', width: `${width}%`, height: 10, background: '#0a58ca', borderRadius: 5 }} />
      </span>
      <span>{t('dispatch.candidates.score', { score: Math.round(score * 10) / 10 })}</span>
    </span>
  );
}

/** The six reasons of a score, each in words with its weight (DR-16: matching is explainable). */
export function CandidateReasons({ reasons }: { reasons: Candidate['reasons'] }) {
  const { t } = useTranslation();
  return (
    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
      {CANDIDATE_REASONS.map((reason) => {
        const text = explainReason(reason, reasons[reason]);
        return (
          <li key={reason}>
            <strong>{t(`dispatch.reason.${reason}.label`, { weight: Math.round(REASON_WEIGHTS[reason] * 100) })}</strong>{' '}
            {t(text.key, text.vars)}
          </li>
        );
      })}
    </ul>
  );
}

/**
 * 候选志愿者: volunteers ranked for the demand with the score bar and the six reasons in words. A team leader
 * (`offerTeamId`) may select some and offer them the demand (POST /dispatch-plans with this one assignment);
 * they still accept or decline themselves.
 */
export function DispatchCandidates({ demandId, offerTeamId }: { demandId: string; offerTeamId: string | null }) {
  const { t } = useTranslation();
  const candidates = useCandidates(demandId);
  const offer = useAcceptDispatchPlan();
  const [selected, setSelected] = useState<string[]>([]);
  if (candidates.isError) return <ProblemAlert error={candidates.error} onRetry={() => void candidates.refetch()} />;
  const rows = candidates.data?.items ?? [];
  return (
    <>
      {offerTeamId && (
        <div style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 8, flexWrap: 'wrap' }}>
          <Button
            type="primary"
            disabled={selected.length === 0}
            loading={offer.isPending}
            onClick={() =>
              offer.mutate(
                { scope: { teamId: offerTeamId }, assignments: [{ demandId, teamId: offerTeamId, volunteerIds: selected }] },
                { onSuccess: () => setSelected([]) },
              )
            }
          >
            {t('dispatch.candidates.offerSelected', { count: selected.length })}
          </Button>
          <span>{t('dispatch.candidates.offerHint')}</span>
        </div>
      )}
      {offer.isError && <Alert style={{ marginBottom: 8 }} type="error" showIcon role="alert" title={errorMessage(offer.error, t)} />}
      {offer.isSuccess && (
        <Alert
          style={{ marginBottom: 8 }}
          type="success"
          showIcon
          role="status"
          title={t('dispatch.candidates.offered', { count: offer.data.offerCount })}
        />
      )}
      <Table<Candidate>
        rowKey="volunteerId"
        size="small"
        loading={candidates.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('dispatch.candidates.none') }}
        rowSelection={
          offerTeamId
            ? {
                selectedRowKeys: selected,
                onChange: (keys) => setSelected(keys.map(String)),
                getCheckboxProps: (row) => ({
                  'aria-label': t('dispatch.candidates.select', { id: row.volunteerId.slice(-6).toUpperCase() }),
                }),
              }
            : undefined
        }
        columns={[
          { title: t('dispatch.candidates.rank'), key: 'rank', width: 60, render: (_, __, index) => index + 1 },
          { title: t('dispatch.candidates.volunteer'), key: 'name', render: (_, row) => <PersonName person={row.volunteer} /> },
          { title: t('dispatch.candidates.scoreTitle'), key: 'score', width: 200, render: (_, row) => <ScoreBar score={row.score} /> },
          { title: t('dispatch.candidates.reasons'), key: 'reasons', render: (_, row) => <CandidateReasons reasons={row.reasons} /> },
        ]}
      />
    </>
  );
}
