import { useState } from 'react';
import { Alert, Button, Form, Input, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TeamInvitation, TeamInvitationStatus } from '@duodi/contracts';
import { useInviteVolunteer, useTeamInvitations } from '../../features/teams/api/invitations';
import { errorMessage } from '../../lib/error-message';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { ProblemAlert } from './query-state';
import { VolunteerSearchSelect } from './volunteer-search-select';
import { StatusTag, type Tone } from './status-tag';
import { LocalName } from './local-name';

const STATUS_TONE: Record<TeamInvitationStatus, Tone> = {
  pending: 'warning',
  accepted: 'success',
  declined: 'danger',
  cancelled: 'neutral',
};

/** Invite a volunteer (they accept or decline on the H5), and the team's invitations so far. */
export function TeamInvitationsPanel({ teamId, memberIds }: { teamId: string; memberIds: string[] }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const invitations = useTeamInvitations(teamId);
  const invite = useInviteVolunteer(teamId);
  const [volunteerId, setVolunteerId] = useState<string | undefined>();
  const [message, setMessage] = useState('');

  return (
    <>
      <Form
        layout="inline"
        className="console-filters"
        onFinish={() =>
          volunteerId &&
          invite.mutate(
            { volunteerId, message: message.trim() || undefined },
            {
              onSuccess: () => {
                setVolunteerId(undefined);
                setMessage('');
              },
            },
          )
        }
      >
        <Form.Item label={t('console.invitations.volunteer')} htmlFor="invite-volunteer">
          <VolunteerSearchSelect id="invite-volunteer" value={volunteerId} onChange={setVolunteerId} exclude={memberIds} />
        </Form.Item>
        <Form.Item label={t('console.invitations.message')} htmlFor="invite-message">
          <Input id="invite-message" value={message} maxLength={200} onChange={(e) => setMessage(e.target.value)} style={{ width: 260 }} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" disabled={!volunteerId} loading={invite.isPending}>
            {t('console.invitations.send')}
          </Button>
        </Form.Item>
      </Form>
      {invite.isError && <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={errorMessage(invite.error, t)} />}
      {invite.isSuccess && (
        <Alert
          style={{ marginBottom: 12 }}
          type="success"
          showIcon
          role="status"
          title={t('console.invitations.sent', { name: localName(invite.data, language).text })}
        />
      )}
      {invitations.isError && <ProblemAlert error={invitations.error} onRetry={() => void invitations.refetch()} />}
      <Table<TeamInvitation>
        rowKey="id"
        loading={invitations.isPending}
        dataSource={invitations.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('fields.name'), key: 'name', render: (_, i) => <LocalName item={i} /> },
          { title: t('console.invitations.message'), dataIndex: 'message', render: (m: string | null) => m ?? '' },
          { title: t('console.invitations.sentAt'), dataIndex: 'createdAt', render: (v: string) => formatDate(v, language) },
          {
            title: t('volunteer.profile.status'),
            dataIndex: 'status',
            render: (s: TeamInvitationStatus) => <StatusTag tone={STATUS_TONE[s]}>{t(`invitationStatus.${s}`)}</StatusTag>,
          },
          {
            title: t('console.invitations.decidedAt'),
            dataIndex: 'decidedAt',
            render: (v: string | null) => (v ? formatDate(v, language) : ''),
          },
        ]}
      />
    </>
  );
}
