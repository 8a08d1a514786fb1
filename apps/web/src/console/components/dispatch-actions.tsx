import { useId, useState } from 'react';
import { Alert, Button, Input, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DemandListItem, Me } from '@duodi/contracts';
import { useTransitionDemand, type StaffTransition } from '../../features/dispatch/api/demands';
import type { DispatchLookups } from './dispatch-lookups';
import { CANCELLABLE } from '../../features/dispatch/values';
import { errorMessage } from '../../lib/error-message';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { hasRole, scopesOf } from '../../lib/roles';
import { ReasonModal } from './reason-modal';

type Demand = Pick<DemandListItem, 'id' | 'status' | 'communityId' | 'gridId' | 'teamId'>;

/** Staff of the demand's place: the street admin, or the community admin of its community. */
export function isPlaceStaff(me: Me, demand: Pick<Demand, 'communityId'>): boolean {
  return hasRole(me, 'street_admin') || scopesOf(me, 'community_admin').includes(demand.communityId);
}

/** Which staff steps the console offers the caller for a demand (the server still decides each one). */
export function allowedActions(me: Me, demand: Demand, ledTeamIds: string[]) {
  const staff = isPlaceStaff(me, demand);
  const gridWorker = scopesOf(me, 'grid_worker').includes(demand.gridId);
  return {
    publish: staff && demand.status === 'submitted',
    reject: staff && demand.status === 'submitted',
    assign: demand.status === 'published' && (staff || ledTeamIds.length > 0),
    cancel: CANCELLABLE.includes(demand.status) && (staff || gridWorker),
    close: (demand.status === 'completed' || demand.status === 'rated') && (staff || gridWorker),
  };
}

/**
 * The inline steps of a demand for the caller's roles: publish (发单), reject with a reason, assign to a team
 * (下单; a team leader claims it for a team they lead), cancel with a reason, close after the call-back.
 */
export function DispatchActions({
  demand,
  me,
  lookups,
  onDone,
}: {
  demand: Demand;
  me: Me;
  lookups: DispatchLookups;
  onDone?: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const transition = useTransitionDemand();
  const [dialog, setDialog] = useState<'reject' | 'cancel' | 'assign' | 'close' | null>(null);
  const [teamId, setTeamId] = useState<string | undefined>();
  const [followUp, setFollowUp] = useState('');
  const [teamMissing, setTeamMissing] = useState(false);
  const id = useId();
  const led = scopesOf(me, 'team_leader');
  const can = allowedActions(me, demand, led);
  if (!Object.values(can).some(Boolean)) return null;

  const staff = isPlaceStaff(me, demand);
  const teamOptions = lookups.teamList
    .filter((team) => (staff ? team.communityId === demand.communityId || team.communityId === null : led.includes(team.id)))
    .map((team) => ({ value: team.id, label: localName(team, language).text }));
  // The only team there is stands chosen, also when the teams arrive after the dialog opened.
  const chosenTeamId = teamId ?? (teamOptions.length === 1 ? teamOptions[0]?.value : undefined);

  const run = (step: StaffTransition) =>
    transition.mutate(step, {
      onSuccess: () => {
        setDialog(null);
        onDone?.();
      },
    });
  const open = (next: typeof dialog) => {
    transition.reset();
    setTeamMissing(false);
    setTeamId(teamOptions.length === 1 ? teamOptions[0]?.value : undefined);
    setFollowUp('');
    setDialog(next);
  };

  return (
    <>
      <Space wrap size={4}>
        {can.publish && (
          <Button
            size="small"
            type="primary"
            loading={transition.isPending && dialog === null}
            onClick={() => run({ id: demand.id, action: 'publish' })}
          >
            {t('dispatch.actions.publish')}
          </Button>
        )}
        {can.reject && (
          <Button size="small" danger onClick={() => open('reject')}>
            {t('dispatch.actions.reject')}
          </Button>
        )}
        {can.assign && (
          <Button size="small" type="primary" onClick={() => open('assign')}>
            {staff ? t('dispatch.actions.assign') : t('dispatch.actions.claim')}
          </Button>
        )}
        {can.close && (
          <Button size="small" onClick={() => open('close')}>
            {t('dispatch.actions.close')}
          </Button>
        )}
        {can.cancel && (
          <Button size="small" danger onClick={() => open('cancel')}>
            {t('dispatch.actions.cancel')}
          </Button>
        )}
      </Space>
      {transition.isError && dialog === null && (
        <Alert style={{ marginTop: 8 }} type="error" showIcon role="alert" title={errorMessage(transition.error, t)} />
      )}
      <ReasonModal
        key={`reject-${String(dialog === 'reject')}`}
        open={dialog === 'reject'}
        title={t('dispatch.actions.rejectTitle')}
        label={t('dispatch.actions.rejectLabel')}
        okText={t('dispatch.actions.rejectOk')}
        pending={transition.isPending}
        error={dialog === 'reject' && transition.isError ? transition.error : undefined}
        maxLength={500}
        onCancel={() => setDialog(null)}
        onSubmit={(reason) => run({ id: demand.id, action: 'reject', reason })}
      />
      <ReasonModal
        key={`cancel-${String(dialog === 'cancel')}`}
        open={dialog === 'cancel'}
        title={t('dispatch.actions.cancelTitle')}
        label={t('dispatch.actions.cancelLabel')}
        okText={t('dispatch.actions.cancelOk')}
        pending={transition.isPending}
        error={dialog === 'cancel' && transition.isError ? transition.error : undefined}
        maxLength={500}
        onCancel={() => setDialog(null)}
        onSubmit={(reason) => run({ id: demand.id, action: 'cancel', reason })}
      />
      <Modal
        open={dialog === 'assign'}
        title={staff ? t('dispatch.actions.assignTitle') : t('dispatch.actions.claimTitle')}
        okText={staff ? t('dispatch.actions.assignOk') : t('dispatch.actions.claimOk')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: transition.isPending }}
        onCancel={() => setDialog(null)}
        onOk={() => {
          if (!chosenTeamId) return setTeamMissing(true);
          run({ id: demand.id, action: 'assign', teamId: chosenTeamId });
        }}
        destroyOnHidden
      >
        <label htmlFor={`${id}-team`} className="console-label">
          {t('dispatch.fields.team')}
        </label>
        <Select
          id={`${id}-team`}
          style={{ width: '100%' }}
          value={chosenTeamId}
          onChange={(value: string) => {
            setTeamId(value);
            setTeamMissing(false);
          }}
          options={teamOptions}
          placeholder={t('common.choose')}
          status={teamMissing ? 'error' : undefined}
          aria-invalid={teamMissing}
          aria-describedby={teamMissing ? `${id}-team-error` : undefined}
        />
        {teamMissing && (
          <p id={`${id}-team-error`} className="console-error">
            {t('dispatch.actions.teamRequired')}
          </p>
        )}
        {dialog === 'assign' && transition.isError && (
          <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={errorMessage(transition.error, t)} />
        )}
      </Modal>
      <Modal
        open={dialog === 'close'}
        title={t('dispatch.actions.closeTitle')}
        okText={t('dispatch.actions.closeOk')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: transition.isPending }}
        onCancel={() => setDialog(null)}
        onOk={() => run({ id: demand.id, action: 'close', followUp: followUp.trim() || undefined })}
        destroyOnHidden
      >
        <label htmlFor={`${id}-follow`} className="console-label">
          {t('dispatch.actions.followUpLabel')}
        </label>
        <Input.TextArea
          id={`${id}-follow`}
          rows={3}
          maxLength={1000}
          showCount
          value={followUp}
          onChange={(e) => setFollowUp(e.target.value)}
        />
        {dialog === 'close' && transition.isError && (
          <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={errorMessage(transition.error, t)} />
        )}
      </Modal>
    </>
  );
}
