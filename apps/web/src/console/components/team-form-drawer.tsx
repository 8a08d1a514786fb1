import { Alert, Button, Checkbox, Drawer, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { TEAM_DOMAINS, type TeamCreate, type TeamDetail, type TeamDomain, type TeamPatch } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useCommunities } from '../../features/organization/api/get-communities';
import { useCreateTeam, useUpdateTeam } from '../../features/teams/api/manage-team';
import { isApiError } from '../../lib/api-client';
import { errorMessage } from '../../lib/error-message';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { hasRole, scopesOf } from '../../lib/roles';
import { VolunteerSearchSelect } from './volunteer-search-select';

type Values = {
  name: string;
  nameBo?: string;
  nameEn?: string;
  communityId: string;
  domains: TeamDomain[];
  slogan?: string;
  sloganBo?: string;
  story?: string;
  storyBo?: string;
  foundedOn?: string;
  leaderVolunteerId?: string;
};

/** The street level has no community: the select uses this value for it. */
const STREET = '__street__';

const TEXT_FIELDS = ['nameBo', 'nameEn', 'slogan', 'sloganBo', 'story', 'storyBo', 'foundedOn'] as const;
const FORM_FIELDS = new Set<string>(['name', 'communityId', 'domains', 'leaderVolunteerId', ...TEXT_FIELDS]);

/** Create a team (street and community admins) or edit its brand page (staff in scope and the leader). */
export function TeamFormDrawer({
  open,
  team,
  onClose,
  onSaved,
}: {
  open: boolean;
  team?: TeamDetail;
  onClose: () => void;
  onSaved?: (team: TeamDetail) => void;
}) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size="large"
      title={team ? t('console.teamForm.editTitle') : t('console.teamForm.createTitle')}
      destroyOnHidden
    >
      {open && <TeamForm team={team} onSaved={(saved) => (onSaved ? onSaved(saved) : onClose())} />}
    </Drawer>
  );
}

function TeamForm({ team, onSaved }: { team?: TeamDetail; onSaved: (team: TeamDetail) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { data: me } = useMe();
  const [form] = Form.useForm<Values>();
  const communities = useCommunities();
  const create = useCreateTeam();
  const update = useUpdateTeam(team?.id ?? '');
  const mutation = team ? update : create;
  const streetAdmin = hasRole(me, 'street_admin');
  const myCommunities = scopesOf(me, 'community_admin');
  // Community admins work in their own community; only street admins move a team or found a street-level one.
  const communityOptions = [
    ...(streetAdmin ? [{ value: STREET, label: t('console.teamForm.streetLevel') }] : []),
    ...(communities.data?.items ?? [])
      .filter((c) => streetAdmin || myCommunities.includes(c.id))
      .map((c) => ({ value: c.id, label: localName(c, language).text })),
  ];

  const initialValues: Partial<Values> = team
    ? {
        name: team.name,
        nameBo: team.nameBo ?? undefined,
        nameEn: team.nameEn ?? undefined,
        communityId: team.communityId ?? STREET,
        domains: team.domains,
        slogan: team.slogan ?? undefined,
        sloganBo: team.sloganBo ?? undefined,
        story: team.story ?? undefined,
        storyBo: team.storyBo ?? undefined,
        foundedOn: team.foundedOn ?? undefined,
      }
    : { domains: [], communityId: streetAdmin ? undefined : myCommunities[0] };

  const handleFinish = (values: Values) => {
    const communityId = values.communityId === STREET ? null : values.communityId;
    const clean = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
    const onError = (error: unknown) => {
      if (!isApiError(error)) return;
      const fields = error.errors
        .filter((e) => FORM_FIELDS.has(e.field))
        .map((e) => ({ name: e.field as keyof Values, errors: [e.message] }));
      if (error.code === 'duplicate_team_name') fields.push({ name: 'name', errors: [error.detail] });
      if (fields.length) form.setFields(fields);
    };
    if (!team) {
      const body: TeamCreate = { name: values.name.trim(), communityId, domains: values.domains };
      for (const key of TEXT_FIELDS) {
        const value = clean(values[key]);
        if (value) body[key] = value;
      }
      if (values.leaderVolunteerId) body.leaderVolunteerId = values.leaderVolunteerId;
      create.mutate(body, { onSuccess: onSaved, onError });
      return;
    }
    // Send only what changed; an emptied text becomes null (cleared).
    const patch: TeamPatch = {};
    if (values.name.trim() !== team.name) patch.name = values.name.trim();
    if (communityId !== team.communityId) patch.communityId = communityId;
    if ([...values.domains].sort().join() !== [...team.domains].sort().join()) patch.domains = values.domains;
    for (const key of TEXT_FIELDS) {
      const next = clean(values[key]) ?? null;
      if (next !== (team[key] ?? null)) patch[key] = next;
    }
    if (Object.keys(patch).length === 0) {
      onSaved(team);
      return;
    }
    update.mutate(patch, { onSuccess: onSaved, onError });
  };

  const required = { required: true, message: t('volunteer.errors.required') };

  return (
    <Form<Values> form={form} layout="vertical" name="team-form" initialValues={initialValues} onFinish={handleFinish} scrollToFirstError>
      <Form.Item label={t('console.teamForm.name')} name="name" rules={[{ ...required, whitespace: true }, { max: 60 }]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item label={`${t('console.teamForm.nameBo')} ${t('common.optional')}`} name="nameBo">
        <Input maxLength={120} lang="bo" />
      </Form.Item>
      <Form.Item label={`${t('console.teamForm.nameEn')} ${t('common.optional')}`} name="nameEn">
        <Input maxLength={120} lang="en" />
      </Form.Item>
      <Form.Item label={t('fields.community')} name="communityId" rules={[required]}>
        <Select options={communityOptions} disabled={Boolean(team) && !streetAdmin} style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.Item
        label={t('fields.domains')}
        name="domains"
        // A validator, not `required`: antd would put aria-required on the checkbox group, which role=group does not allow.
        rules={[
          {
            validator: (_, value: unknown[] | undefined) =>
              value?.length ? Promise.resolve() : Promise.reject(new Error(t('console.teamForm.domainsRequired'))),
          },
        ]}
      >
        <Checkbox.Group options={TEAM_DOMAINS.map((d) => ({ value: d, label: t(`domains.${d}`) }))} />
      </Form.Item>
      <Form.Item label={`${t('fields.slogan')} ${t('common.optional')}`} name="slogan">
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item label={`${t('console.teamForm.sloganBo')} ${t('common.optional')}`} name="sloganBo">
        <Input maxLength={200} lang="bo" />
      </Form.Item>
      <Form.Item label={`${t('console.teamForm.story')} ${t('common.optional')}`} name="story">
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
      <Form.Item label={`${t('console.teamForm.storyBo')} ${t('common.optional')}`} name="storyBo">
        <Input.TextArea rows={4} maxLength={4000} showCount lang="bo" />
      </Form.Item>
      <Form.Item label={`${t('fields.foundedOn')} ${t('common.optional')}`} name="foundedOn">
        <Input type="date" style={{ maxWidth: 200 }} />
      </Form.Item>
      {!team && (
        <Form.Item
          label={t('console.teamForm.leader')}
          name="leaderVolunteerId"
          extra={t('console.teamForm.leaderHint')}
          htmlFor="team-form-leader"
        >
          <VolunteerSearchSelect id="team-form-leader" />
        </Form.Item>
      )}
      {mutation.isError && (
        <Alert style={{ marginBottom: 16 }} type="error" showIcon role="alert" title={errorMessage(mutation.error, t)} />
      )}
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        {team ? t('common.save') : t('console.teamForm.create')}
      </Button>
    </Form>
  );
}
