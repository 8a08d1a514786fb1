import { useId, useState } from 'react';
import { Alert, Button, Modal, Select, Switch, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/account/api/get-me';
import {
  useSetServiceItemCommunity,
  useSetServiceItemTeams,
  useStaffServiceItems,
  useUpdateServiceItem,
  type StaffServiceItem,
} from '../../features/dispatch/api/service-items';
import { useDispatchLookups } from '../components/dispatch-lookups';
import { errorMessage } from '../../lib/error-message';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { hasRole, scopesOf } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ServiceItemDrawer } from '../components/dispatch-item-drawer';
import { ProblemAlert } from '../components/query-state';

/** 资源清单: which teams provide an item. Street admins set any team; community admins their community's (the others stay). */
function TeamsModal({ item, onClose }: { item: StaffServiceItem | null; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const id = useId();
  const { data: me } = useMe();
  const lookups = useDispatchLookups();
  const save = useSetServiceItemTeams();
  const street = hasRole(me, 'street_admin');
  const mine = scopesOf(me, 'community_admin');
  const manageable = lookups.teamList.filter((team) => street || (team.communityId !== null && mine.includes(team.communityId)));
  const manageableIds = new Set(manageable.map((team) => team.id));
  const [selected, setSelected] = useState<string[]>(() => (item?.teamIds ?? []).filter((teamId) => street || manageableIds.has(teamId)));
  const others = (item?.teamIds ?? []).filter((teamId) => !street && !manageableIds.has(teamId));
  return (
    <Modal
      open={item !== null}
      title={item ? t('dispatch.menu.teamsTitle', { name: localName(item, language).text }) : ''}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: save.isPending }}
      onCancel={onClose}
      onOk={() => item && save.mutate({ id: item.id, teamIds: selected }, { onSuccess: onClose })}
      destroyOnHidden
    >
      <label htmlFor={`${id}-teams`} className="console-label">
        {t('dispatch.menu.teams')}
      </label>
      <Select
        id={`${id}-teams`}
        mode="multiple"
        style={{ width: '100%' }}
        value={selected}
        onChange={(value: string[]) => setSelected(value)}
        options={manageable.map((team) => ({ value: team.id, label: localName(team, language).text }))}
        placeholder={t('common.choose')}
      />
      {others.length > 0 && <p style={{ marginTop: 8 }}>{t('dispatch.menu.otherTeams', { count: others.length })}</p>}
      {save.isError && <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={errorMessage(save.error, t)} />}
    </Modal>
  );
}

/**
 * 项目清单 / 资源清单: the street's service menu with names in three languages, category, skills, typical
 * minutes, languages, the active switch and the teams providing each item. Street admins add and edit
 * items and switch them for the street; community admins switch an item for their community and set
 * their teams.
 */
export default function ServiceMenuPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('dispatch.menu.title'), t('app.consoleName'));
  const { data: me } = useMe();
  const lookups = useDispatchLookups();
  const items = useStaffServiceItems();
  const update = useUpdateServiceItem();
  const switchCommunity = useSetServiceItemCommunity();
  const [editing, setEditing] = useState<StaffServiceItem | null>(null);
  const [creating, setCreating] = useState(false);
  const [teamsOf, setTeamsOf] = useState<StaffServiceItem | null>(null);
  const street = hasRole(me, 'street_admin');
  const myCommunity = scopesOf(me, 'community_admin')[0];
  const canTeams = street || myCommunity !== undefined;
  const switchError = update.isError ? update.error : switchCommunity.isError ? switchCommunity.error : null;

  return (
    <>
      <h1 className="console-page-title">{t('dispatch.menu.title')}</h1>
      <p>{t('dispatch.menu.intro')}</p>
      {street && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setCreating(true)}>
          {t('dispatch.menu.create')}
        </Button>
      )}
      {items.isError && <ProblemAlert error={items.error} onRetry={() => void items.refetch()} />}
      {switchError && <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={errorMessage(switchError, t)} />}
      <Table<StaffServiceItem>
        rowKey="id"
        loading={items.isPending}
        dataSource={items.data?.items ?? []}
        pagination={false}
        scroll={{ x: 1500 }}
        columns={[
          { title: t('dispatch.menu.name'), dataIndex: 'name', render: (v: string) => <span lang="zh-CN">{v}</span> },
          { title: t('dispatch.menu.nameBo'), dataIndex: 'nameBo', render: (v: string | null) => (v ? <span lang="bo">{v}</span> : '') },
          { title: t('dispatch.menu.nameEn'), dataIndex: 'nameEn', render: (v: string | null) => (v ? <span lang="en">{v}</span> : '') },
          { title: t('dispatch.menu.category'), dataIndex: 'category', render: (v: StaffServiceItem['category']) => t(`domains.${v}`) },
          {
            title: t('dispatch.menu.skills'),
            key: 'skills',
            render: (_, i) => i.skills.map((s) => t(`skills.${s}`)).join('、') || t('common.none'),
          },
          {
            title: t('dispatch.menu.typicalMinutes'),
            dataIndex: 'typicalMinutes',
            render: (v: number) => t('dispatch.menu.minutes', { count: v }),
          },
          { title: t('dispatch.menu.volunteersNeeded'), dataIndex: 'volunteersNeeded' },
          {
            title: t('dispatch.menu.languages'),
            key: 'languages',
            render: (_, i) => i.languages.map((l) => t(`spokenLanguages.${l}`)).join('、') || t('common.none'),
          },
          {
            title: t('dispatch.menu.active'),
            key: 'active',
            render: (_, i) => {
              const name = localName(i, language).text;
              const on = street ? i.active : i.active && !(myCommunity && i.disabledCommunityIds.includes(myCommunity));
              const words = <span style={{ marginInlineStart: 8 }}>{on ? t('dispatch.menu.on') : t('dispatch.menu.off')}</span>;
              if (street)
                return (
                  <span style={{ whiteSpace: 'nowrap' }}>
                    <Switch
                      checked={i.active}
                      aria-label={t('dispatch.menu.activeFor', { name })}
                      loading={update.isPending && update.variables.id === i.id}
                      onChange={(checked) => update.mutate({ id: i.id, body: { active: checked } })}
                    />
                    {words}
                  </span>
                );
              if (myCommunity)
                return (
                  <span style={{ whiteSpace: 'nowrap' }}>
                    <Switch
                      checked={i.active && !i.disabledCommunityIds.includes(myCommunity)}
                      disabled={!i.active}
                      aria-label={t('dispatch.menu.communityFor', { name })}
                      loading={switchCommunity.isPending && switchCommunity.variables.id === i.id}
                      onChange={(checked) => switchCommunity.mutate({ id: i.id, communityId: myCommunity, enabled: checked })}
                    />
                    {words}
                  </span>
                );
              return words;
            },
          },
          {
            title: t('dispatch.menu.teams'),
            key: 'teams',
            render: (_, i) =>
              i.teamIds
                .map((teamId) => {
                  const team = lookups.teams.get(teamId);
                  return team ? localName(team, language).text : teamId;
                })
                .join('、') || t('common.none'),
          },
          {
            title: t('fields.actions'),
            key: 'actions',
            width: 220,
            render: (_, i) => {
              const name = localName(i, language).text;
              return (
                <span style={{ display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start', gap: 4 }}>
                  {street && (
                    <Button size="small" onClick={() => setEditing(i)}>
                      {t('dispatch.menu.edit', { name })}
                    </Button>
                  )}
                  {canTeams && (
                    <Button size="small" onClick={() => setTeamsOf(i)}>
                      {t('dispatch.menu.setTeams', { name })}
                    </Button>
                  )}
                </span>
              );
            },
          },
        ]}
      />
      <ServiceItemDrawer open={creating || editing !== null} item={editing} onClose={() => (setCreating(false), setEditing(null))} />
      {teamsOf && <TeamsModal key={teamsOf.id} item={teamsOf} onClose={() => setTeamsOf(null)} />}
    </>
  );
}
