import { useState } from 'react';
import { Alert, Button, Modal, Space, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '@duodi/contracts';
import { useChangeMemberRole, type RoleChange } from '../../features/teams/api/manage-team';
import { errorMessage } from '../../lib/error-message';
import { minutesToHours } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { StatusTag } from './status-tag';
import { LocalName } from './local-name';

/** Members with their role; staff in scope and the leader hand over leadership and appoint deputies. */
export function TeamMembersTable({
  teamId,
  members,
  loading,
  canAppoint,
}: {
  teamId: string;
  members: TeamMember[];
  loading: boolean;
  canAppoint: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const change = useChangeMemberRole(teamId);
  const [handOver, setHandOver] = useState<TeamMember | null>(null);
  const nameOf = (m: TeamMember) => localName(m, language).text;
  const run = (action: RoleChange['action'], member: TeamMember) =>
    change.mutate({ action, volunteerId: member.volunteerId }, { onSuccess: () => setHandOver(null) });

  return (
    <>
      {change.isError && !handOver && (
        <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={errorMessage(change.error, t)} />
      )}
      <Table<TeamMember>
        rowKey="volunteerId"
        loading={loading}
        dataSource={members}
        pagination={false}
        scroll={{ x: 900 }}
        columns={[
          { title: t('fields.name'), key: 'name', render: (_, m) => <LocalName item={m} /> },
          { title: t('fields.volunteerNo'), dataIndex: 'volunteerNo' },
          {
            title: t('console.team.role'),
            dataIndex: 'role',
            render: (role: TeamMember['role']) => (
              <StatusTag tone={role === 'leader' ? 'danger' : role === 'deputy' ? 'warning' : 'neutral'}>
                {t(`teamRoles.${role}`)}
              </StatusTag>
            ),
          },
          { title: t('fields.skills'), key: 'skills', render: (_, m) => m.skills.map((s) => t(`skills.${s}`)).join('、') },
          {
            title: t('fields.star'),
            dataIndex: 'star',
            render: (star: number) => (star > 0 ? t('star.value', { count: star }) : t('star.none')),
          },
          { title: t('fields.hours'), dataIndex: 'verifiedMinutes', align: 'right', render: (m: number) => minutesToHours(m) },
          { title: t('console.team.joinedAt'), dataIndex: 'joinedAt', render: (v: string) => v.slice(0, 10) },
          ...(canAppoint
            ? [
                {
                  title: t('fields.actions'),
                  key: 'actions',
                  render: (_: unknown, m: TeamMember) =>
                    m.role === 'leader' ? null : (
                      <Space wrap>
                        {m.role === 'member' ? (
                          <Button
                            size="small"
                            loading={change.isPending && change.variables?.volunteerId === m.volunteerId}
                            onClick={() => run('add_deputy', m)}
                          >
                            {t('console.team.makeDeputy', { name: nameOf(m) })}
                          </Button>
                        ) : (
                          <Button
                            size="small"
                            loading={change.isPending && change.variables?.volunteerId === m.volunteerId}
                            onClick={() => run('remove_deputy', m)}
                          >
                            {t('console.team.endDeputy', { name: nameOf(m) })}
                          </Button>
                        )}
                        <Button size="small" onClick={() => setHandOver(m)}>
                          {t('console.team.makeLeader', { name: nameOf(m) })}
                        </Button>
                      </Space>
                    ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={Boolean(handOver)}
        title={t('console.team.handOverTitle')}
        okText={t('console.team.handOverOk')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: change.isPending }}
        onOk={() => handOver && run('leader', handOver)}
        onCancel={() => setHandOver(null)}
        destroyOnHidden
      >
        <p>{handOver ? t('console.team.handOverBody', { name: nameOf(handOver) }) : null}</p>
        {change.isError && <Alert type="error" showIcon role="alert" title={errorMessage(change.error, t)} />}
      </Modal>
    </>
  );
}
