import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import type { Demand } from '@duodi/contracts';
import { TextAreaField } from '../../../h5/components/form-field';
import { DISSATISFIED_MAX_SCORE } from '../model';
import { ChoiceGroup } from './choice-group';
import { ReasonForm, StepError, useStep } from './step-parts';

/** 取消订单: first a plain button, then the reason (required by the API) and a confirm. */
export function CancelOrder({ demand }: { demand: Demand }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const { mutation, send } = useStep(demand);
  if (!open) {
    return (
      <Button block size="large" color="danger" fill="outline" onClick={() => setOpen(true)}>
        {t('orders.cancel.open')}
      </Button>
    );
  }
  return (
    <ReasonForm
      title={t('orders.cancel.open')}
      reason={reason}
      onReasonChange={setReason}
      label={t('orders.cancel.reason')}
      hint={t('orders.cancel.hint')}
      requiredText={t('orders.cancel.reasonRequired')}
      confirmText={t('orders.cancel.confirm')}
      backText={t('orders.cancel.keep')}
      actionsClassName="h5-actions"
      pending={mutation.isPending}
      error={mutation.error}
      onSubmit={(given) => send({ action: 'cancel', reason: given })}
      onBack={() => setOpen(false)}
    />
  );
}

const SCORES = ['5', '4', '3', '2', '1'] as const;
type ScoreText = (typeof SCORES)[number];

/** 评价: 1–5 with words for each, an optional comment; a 不满意 score sends the order back once (重办). */
export function RateOrder({
  demand,
  forResident = false,
  onRework,
}: {
  demand: Demand;
  forResident?: boolean;
  /** Called when the rating sent the order back for rework; the page says so (this form goes away with the status). */
  onRework?: () => void;
}) {
  const { t } = useTranslation();
  const [score, setScore] = useState<ScoreText>('5');
  const [comment, setComment] = useState('');
  const { mutation, send } = useStep(demand);
  const value = Number(score);
  const willRework = value <= DISSATISFIED_MAX_SCORE && demand.reworkCount === 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send({ action: 'rate', score: value, ...(comment.trim() ? { comment: comment.trim() } : {}) }, (next) => {
      if (next.status === 'accepted') onRework?.();
    });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('orders.rate.title')}>
      {forResident && <p className="h5-muted">{t('orders.rate.forResident')}</p>}
      <ChoiceGroup
        legend={t('orders.rate.score')}
        options={SCORES.map((s) => ({ value: s, label: t(`orders.rate.scores.${s}`) }))}
        value={score}
        onChange={setScore}
      />
      {willRework && <p className="h5-notice">{t('orders.rate.reworkHint')}</p>}
      {value <= DISSATISFIED_MAX_SCORE && demand.reworkCount > 0 && <p className="h5-notice">{t('orders.rate.noMoreRework')}</p>}
      <TextAreaField
        label={t('orders.rate.comment')}
        optional={t('common.optional')}
        rows={3}
        maxLength={1000}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
      />
      <StepError error={mutation.error} />
      <Button block size="large" color="primary" type="submit" loading={mutation.isPending}>
        {t('orders.rate.submit')}
      </Button>
    </form>
  );
}

/** 回访结案: the grid worker's or community's follow-up note, then close. */
export function CloseOrder({ demand }: { demand: Demand }) {
  const { t } = useTranslation();
  const [followUp, setFollowUp] = useState('');
  const { mutation, send } = useStep(demand);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send({ action: 'close', ...(followUp.trim() ? { followUp: followUp.trim() } : {}) });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('orders.close.title')}>
      <TextAreaField
        label={t('orders.close.followUp')}
        optional={t('common.optional')}
        hint={t('orders.close.hint')}
        rows={3}
        maxLength={1000}
        value={followUp}
        onChange={(event) => setFollowUp(event.target.value)}
      />
      <StepError error={mutation.error} />
      <Button block size="large" color="primary" type="submit" loading={mutation.isPending}>
        {t('orders.close.submit')}
      </Button>
    </form>
  );
}

/**
 * 认领: a team leader takes a published demand for one of the teams they lead. The claimed demand leaves a
 * list of published ones (and this form with it), so `onClaimed` lets the page say so.
 */
export function ClaimDemand({
  demand,
  teams,
  onClaimed,
}: {
  demand: { id: string; version: number };
  teams: { id: string; name: string }[];
  onClaimed?: (demandId: string) => void;
}) {
  const { t } = useTranslation();
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const { mutation: step, send } = useStep(demand);
  if (teams.length === 0) return null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send({ action: 'assign', teamId }, () => onClaimed?.(demand.id));
  };
  return (
    <form onSubmit={submit} noValidate>
      {teams.length > 1 && (
        <ChoiceGroup
          legend={t('orders.team.forTeam')}
          options={teams.map((team) => ({ value: team.id, label: team.name }))}
          value={teamId}
          onChange={setTeamId}
        />
      )}
      <StepError error={step.error} />
      {step.isSuccess ? (
        // With `onClaimed` the page says it (once, where it stays); this card is about to leave the list.
        onClaimed ? null : (
          <p role="status" className="h5-success">
            {t('orders.team.claimed')}
          </p>
        )
      ) : (
        <Button block size="large" color="primary" type="submit" loading={step.isPending}>
          {t('orders.team.claim')}
        </Button>
      )}
    </form>
  );
}
