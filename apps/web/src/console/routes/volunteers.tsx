import { useMemo, useState } from 'react';
import { Button, Form, Input, Select, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type VolunteerListItem, SKILLS, type Skill } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useCommunities } from '../../features/organization/api/get-communities';
import { useTeams } from '../../features/organization/api/get-teams';
import { useVolunteers, type VolunteerFilters } from '../../features/volunteers/api/get-volunteers';
import { minutesToHours } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { canRegisterOthers } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { CommunitySelect } from '../components/community-select';
import { ProblemAlert } from '../components/query-state';
import { RegisterVolunteerDrawer } from '../components/register-volunteer-drawer';
import { VolunteerDrawer } from '../components/volunteer-drawer';
import { LocalName } from '../components/local-name';

export default function VolunteersPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('console.volunteers.title'), t('app.consoleName'));
  const { data: me } = useMe();
  const [filters, setFilters] = useState<VolunteerFilters>({});
  const [openId, setOpenId] = useState<string | null>(null);
  const [registering, setRegistering] = useState(false);
  const volunteers = useVolunteers(filters);
  const teams = useTeams();
  const communities = useCommunities();
  const teamNames = useMemo(
    () => new Map((teams.data?.items ?? []).map((team) => [team.id, localName(team, language).text])),
    [teams.data, language],
  );
  const communityNames = useMemo(
    () => new Map((communities.data?.items ?? []).map((c) => [c.id, localName(c, language).text])),
    [communities.data, language],
  );
  const rows = volunteers.data?.pages.flatMap((page) => page.items) ?? [];
  const update = (patch: Partial<VolunteerFilters>) => setFilters((current) => ({ ...current, ...patch }));

  return (
    <>
      <div className="console-title-row">
        <h1 className="console-page-title">{t('console.volunteers.title')}</h1>
        {canRegisterOthers(me) && (
          <Button type="primary" onClick={() => setRegistering(true)}>
            {t('console.registerVolunteer.open')}
          </Button>
        )}
      </div>
      <Form layout="inline" className="console-filters" role="search">
        <Form.Item label={t('console.volunteers.search')} htmlFor="volunteers-q">
          <Input.Search
            id="volunteers-q"
            allowClear
            enterButton={t('common.search')}
            onSearch={(q) => update({ q: q.trim() || undefined })}
            style={{ width: 260 }}
          />
        </Form.Item>
        <Form.Item label={t('console.volunteers.filterCommunity')} htmlFor="volunteers-community">
          <CommunitySelect
            id="volunteers-community"
            value={filters.communityId ?? ''}
            onChange={(communityId) => update({ communityId: communityId || undefined })}
          />
        </Form.Item>
        <Form.Item label={t('console.volunteers.filterTeam')} htmlFor="volunteers-team">
          <Select
            id="volunteers-team"
            style={{ minWidth: 220 }}
            value={filters.teamId ?? ''}
            onChange={(teamId: string) => update({ teamId: teamId || undefined })}
            showSearch={{ optionFilterProp: 'label' }}
            options={[
              { value: '', label: t('common.all') },
              ...(teams.data?.items ?? []).map((team) => ({ value: team.id, label: localName(team, language).text })),
            ]}
          />
        </Form.Item>
        <Form.Item label={t('console.volunteers.filterSkill')} htmlFor="volunteers-skill">
          <Select
            id="volunteers-skill"
            style={{ minWidth: 160 }}
            value={filters.skill ?? ''}
            onChange={(skill: Skill | '') => update({ skill: skill || undefined })}
            options={[{ value: '', label: t('common.all') }, ...SKILLS.map((skill) => ({ value: skill, label: t(`skills.${skill}`) }))]}
          />
        </Form.Item>
      </Form>
      {volunteers.isError && <ProblemAlert error={volunteers.error} onRetry={() => void volunteers.refetch()} />}
      <Table<VolunteerListItem>
        rowKey="id"
        loading={volunteers.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1300 }}
        columns={[
          {
            title: t('fields.volunteerNo'),
            dataIndex: 'volunteerNo',
            width: 140,
            render: (v: string) => <span className="console-nowrap">{v}</span>,
          },
          { title: t('fields.name'), key: 'name', render: (_, v) => <LocalName item={v} /> },
          ...(rows.some((v) => v.phoneMasked || v.idNumberMasked)
            ? [
                {
                  title: t('fields.phone'),
                  key: 'phone',
                  width: 130,
                  render: (_: unknown, v: VolunteerListItem) => <span className="console-nowrap">{v.phoneMasked ?? ''}</span>,
                },
                {
                  title: t('fields.idNumber'),
                  key: 'idNumber',
                  width: 200,
                  render: (_: unknown, v: VolunteerListItem) => <span className="console-nowrap">{v.idNumberMasked ?? ''}</span>,
                },
              ]
            : []),
          {
            title: t('fields.community'),
            key: 'community',
            render: (_, v) => (v.communityId ? (communityNames.get(v.communityId) ?? '') : ''),
          },
          { title: t('fields.teams'), key: 'teams', render: (_, v) => v.teamIds.map((id) => teamNames.get(id) ?? id).join('、') },
          { title: t('fields.skills'), key: 'skills', render: (_, v) => v.skills.map((s) => <Tag key={s}>{t(`skills.${s}`)}</Tag>) },
          {
            title: t('fields.languages'),
            key: 'languages',
            render: (_, v) => v.languages.map((l) => t(`spokenLanguages.${l}`)).join('、'),
          },
          {
            title: t('fields.star'),
            dataIndex: 'star',
            render: (star: number) => (star > 0 ? t('star.value', { count: star }) : t('star.none')),
          },
          {
            title: t('fields.hours'),
            dataIndex: 'verifiedMinutes',
            align: 'right',
            render: (minutes: number) => minutesToHours(minutes),
          },
          {
            title: t('fields.actions'),
            key: 'actions',
            fixed: 'right',
            render: (_, v) => (
              <Button
                type="link"
                onClick={() => setOpenId(v.id)}
                aria-label={t('console.volunteers.detailOf', { name: localName(v, language).text, no: v.volunteerNo })}
              >
                {t('common.details')}
              </Button>
            ),
          },
        ]}
      />
      <div style={{ display: 'flex', gap: 16, alignItems: 'center', marginTop: 16 }}>
        <span role="status">{t('common.shown', { count: rows.length })}</span>
        {volunteers.hasNextPage ? (
          <Button onClick={() => void volunteers.fetchNextPage()} loading={volunteers.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : (
          volunteers.isSuccess && <span>{t('common.noMore')}</span>
        )}
      </div>
      <VolunteerDrawer id={openId} onClose={() => setOpenId(null)} />
      <RegisterVolunteerDrawer
        open={registering}
        onClose={() => setRegistering(false)}
        onOpenProfile={(id) => {
          setRegistering(false);
          setOpenId(id);
        }}
      />
    </>
  );
}
