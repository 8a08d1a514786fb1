import { useMemo, useState } from 'react';
import { Button, Card, Col, Form, Row, Select, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PartyMemberStatus, UnitPartyMember } from '@duodi/contracts';
import { PARTY_MEMBER_STATUSES } from '../../lib/contract-values';
import { useMe } from '../../features/account/api/get-me';
import { useUnits } from '../../features/organization/api/get-units';
import { useUnitPartyMembers } from '../../features/party/api/unit-party-members';
import { parseQuarter, quarterOf, recentQuarters } from '../../lib/datetime';
import { formatDate, minutesToHours } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { localName } from '../../lib/localize';
import { hasRole, scopesOf } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ProblemAlert } from '../components/query-state';
import { StatusTag, type Tone } from '../components/status-tag';
import { LocalName } from '../components/local-name';

const TONE: Record<PartyMemberStatus, Tone> = { active: 'success', no_service: 'warning', not_reported: 'danger' };

/**
 * 双报到 report of a co-building unit (DR-18): its in-service party members in a quarter, who served,
 * who has no service and who has not reported. Unit admins see their unit; street admins pick one.
 */
export default function PartyMembersPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('console.partyMembers.title'), t('app.consoleName'));
  const { data: me } = useMe();
  const units = useUnits();
  const myUnits = scopesOf(me, 'unit_admin');
  const choices = hasRole(me, 'street_admin') ? (units.data?.items ?? []) : (units.data?.items ?? []).filter((u) => myUnits.includes(u.id));
  const [unitChoice, setUnitChoice] = useState<string | undefined>();
  const unitId = unitChoice ?? me?.unitId ?? myUnits[0] ?? choices[0]?.id;
  const [period, setPeriod] = useState(quarterOf());
  const [status, setStatus] = useState<PartyMemberStatus | ''>('');
  const members = useUnitPartyMembers(unitId, { period, status: status || undefined });
  const rows = useMemo(() => members.data?.pages.flatMap((p) => p.items) ?? [], [members.data]);
  const quarters = useMemo(() => recentQuarters(8), []);
  const counts = useMemo(() => {
    const c: Record<PartyMemberStatus, number> = { active: 0, no_service: 0, not_reported: 0 };
    for (const r of rows) c[r.status] += 1;
    return c;
  }, [rows]);
  const quarterLabel = (q: string) => {
    const parsed = parseQuarter(q);
    return parsed ? t('console.partyMembers.quarter', { year: parsed.year, quarter: parsed.quarter }) : q;
  };

  return (
    <>
      <h1 className="console-page-title">{t('console.partyMembers.title')}</h1>
      <p>{t('console.partyMembers.intro')}</p>
      <Form layout="inline" className="console-filters">
        {choices.length > 1 && (
          <Form.Item label={t('party.unit')} htmlFor="party-unit">
            <Select
              id="party-unit"
              style={{ minWidth: 240 }}
              value={unitId}
              onChange={setUnitChoice}
              options={choices.map((u) => ({ value: u.id, label: localName(u, language).text }))}
            />
          </Form.Item>
        )}
        <Form.Item label={t('console.partyMembers.period')} htmlFor="party-period">
          <Select
            id="party-period"
            style={{ minWidth: 180 }}
            value={period}
            onChange={setPeriod}
            options={quarters.map((q) => ({ value: q, label: quarterLabel(q) }))}
          />
        </Form.Item>
        <Form.Item label={t('volunteer.profile.status')} htmlFor="party-status">
          <Select
            id="party-status"
            style={{ minWidth: 160 }}
            value={status}
            onChange={setStatus}
            options={[
              { value: '', label: t('common.all') },
              ...PARTY_MEMBER_STATUSES.map((s) => ({ value: s, label: t(`partyMemberStatus.${s}`) })),
            ]}
          />
        </Form.Item>
      </Form>
      {!status && members.isSuccess && (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {PARTY_MEMBER_STATUSES.map((s) => (
            <Col key={s} xs={24} md={8}>
              <Card size="small">
                <Statistic title={t(`partyMemberStatus.${s}`)} value={counts[s]} />
              </Card>
            </Col>
          ))}
        </Row>
      )}
      {members.isError && <ProblemAlert error={members.error} onRetry={() => void members.refetch()} />}
      <Table<UnitPartyMember>
        rowKey="volunteerId"
        loading={Boolean(unitId) && members.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1000 }}
        columns={[
          { title: t('fields.name'), key: 'name', render: (_, m) => <LocalName item={m} /> },
          { title: t('fields.volunteerNo'), dataIndex: 'volunteerNo' },
          {
            title: t('console.partyMembers.report'),
            dataIndex: 'reportStatus',
            render: (s: UnitPartyMember['reportStatus']) => t(`console.partyMembers.reportStatus.${s}`),
          },
          {
            title: t('console.partyReports.reportedAt'),
            dataIndex: 'reportedAt',
            render: (v: string | null) => (v ? formatDate(v, language) : ''),
          },
          { title: t('fields.hours'), dataIndex: 'verifiedMinutes', align: 'right', render: (m: number) => minutesToHours(m) },
          {
            title: t('console.partyMembers.lastService'),
            dataIndex: 'lastServiceAt',
            render: (v: string | null) => (v ? formatDate(v, language) : t('common.none')),
          },
          { title: t('console.partyMembers.points'), dataIndex: 'points', align: 'right' },
          {
            title: t('volunteer.profile.status'),
            dataIndex: 'status',
            render: (s: PartyMemberStatus) => <StatusTag tone={TONE[s]}>{t(`partyMemberStatus.${s}`)}</StatusTag>,
          },
        ]}
      />
      {members.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => void members.fetchNextPage()} loading={members.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </>
  );
}
