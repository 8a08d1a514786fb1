import { useEffect, useState } from 'react';
import { Alert, Button, Form, InputNumber, Input, Modal, Select, Space, Table, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import type { StarAward, StarAwardStatus, StarObjection, StarThresholds } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import {
  itemsOf,
  useBlockStar,
  useResolveObjection,
  useRunStarJob,
  useSaveStarThresholds,
  useStarAction,
  useStarAwards,
  useStarNotices,
  useStarObjections,
  useStarThresholds,
  type StarAction,
} from '../../features/hours/api/hours';
import { hoursError, hoursText } from '../../features/hours/model';
import { STAR_AWARD_STATUSES } from '../../features/hours/values';
import { formatDate } from '../../lib/format';
import { currentLanguage } from '../../lib/i18n';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Loading, ProblemAlert } from '../components/query-state';
import { ReasonModal } from '../components/reason-modal';
import { StatusTag, type Tone } from '../components/status-tag';
import { VolunteerSearchSelect } from '../components/volunteer-search-select';

const TONE: Record<StarAwardStatus, Tone> = {
  proposed: 'warning',
  reviewed: 'info',
  on_notice: 'info',
  awarded: 'success',
  rejected: 'danger',
  revoked: 'neutral',
};

/** 星级认定: proposals → review → public notice (≥ 5 working days) → award; rejections, revocations, objections, thresholds. */
export default function StarsPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('hours.console.stars.title'), t('app.consoleName'));
  return (
    <>
      <h1 className="console-page-title">{t('hours.console.stars.title')}</h1>
      <p>{t('hours.console.stars.intro')}</p>
      <Tabs
        items={[
          { key: 'awards', label: t('hours.console.stars.awards'), children: <Awards /> },
          { key: 'notices', label: t('hours.console.stars.notices'), children: <Notices /> },
          { key: 'thresholds', label: t('hours.console.stars.thresholds'), children: <Thresholds /> },
          { key: 'block', label: t('hours.console.stars.block'), children: <Block /> },
        ]}
      />
    </>
  );
}

function Awards() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  const street = hasRole(me.data, 'street_admin');
  const [status, setStatus] = useState<StarAwardStatus | ''>('');
  const awards = useStarAwards(status || undefined);
  const action = useStarAction();
  const run = useRunStarJob();
  const [asking, setAsking] = useState<{ award: StarAward; action: 'reject' | 'revoke' } | null>(null);
  const [objectionsOf, setObjectionsOf] = useState<StarAward | null>(null);
  const rows = itemsOf(awards.data);
  const act = (award: StarAward, kind: StarAction['action']) => {
    action.reset();
    action.mutate({ id: award.id, action: kind });
  };

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <span id="hours-star-status">{t('hours.console.status')}</span>
        <Select<StarAwardStatus | ''>
          aria-labelledby="hours-star-status"
          style={{ minWidth: 140 }}
          value={status}
          onChange={setStatus}
          options={[
            { value: '', label: t('common.all') },
            ...STAR_AWARD_STATUSES.map((s) => ({ value: s, label: t(`hours.starStatus.${s}`) })),
          ]}
        />
        {street && (
          <Button loading={run.isPending} onClick={() => run.mutate()}>
            {t('hours.console.stars.run')}
          </Button>
        )}
      </Space>
      {run.data && (
        <Alert
          style={{ marginBottom: 12 }}
          type="success"
          showIcon
          role="status"
          title={t('hours.console.stars.ran', { proposed: run.data.proposed, awarded: run.data.awarded })}
        />
      )}
      {run.isError && <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={hoursError(run.error, t)} />}
      {awards.isError && <ProblemAlert error={awards.error} onRetry={() => void awards.refetch()} />}
      {action.isError && !asking && (
        <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={hoursError(action.error, t)} />
      )}
      {action.isSuccess && !asking && (
        <Alert
          style={{ marginBottom: 12 }}
          type="success"
          showIcon
          role="status"
          title={t('hours.console.stars.changed', { name: action.data.name, status: t(`hours.starStatus.${action.data.status}`) })}
        />
      )}
      <Table<StarAward>
        rowKey="id"
        loading={awards.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('fields.name'), key: 'name', render: (_, a) => `${a.name} · ${a.volunteerNo}` },
          { title: t('hours.console.stars.level'), dataIndex: 'level', render: (v: number) => t('star.value', { count: v }) },
          {
            title: t('hours.console.hours'),
            dataIndex: 'verifiedMinutes',
            render: (v: number) => t('hours.hoursValue', { value: hoursText(v) }),
          },
          {
            title: t('hours.console.status'),
            key: 'status',
            render: (_, a) => (
              <>
                <StatusTag tone={TONE[a.status]}>{t(`hours.starStatus.${a.status}`)}</StatusTag>
                {a.noticeStart && a.noticeEnd && (
                  <div>
                    {t('hours.star.noticeWindow', { from: formatDate(a.noticeStart, language), to: formatDate(a.noticeEnd, language) })}
                  </div>
                )}
                {a.openObjections > 0 && <div>{t('hours.console.stars.openObjections', { count: a.openObjections })}</div>}
                {a.reason && <div>{t('hours.records.reason', { reason: a.reason })}</div>}
              </>
            ),
          },
          {
            title: t('fields.actions'),
            key: 'actions',
            render: (_, a) => (
              <Space wrap>
                {a.status === 'proposed' && (
                  <Button type="primary" size="small" onClick={() => act(a, 'review')}>
                    {t('hours.console.stars.review', { name: a.name })}
                  </Button>
                )}
                {a.status === 'reviewed' && street && (
                  <Button type="primary" size="small" onClick={() => act(a, 'publish')}>
                    {t('hours.console.stars.publish', { name: a.name })}
                  </Button>
                )}
                {a.status === 'on_notice' && street && (
                  <Button type="primary" size="small" onClick={() => act(a, 'award')}>
                    {t('hours.console.stars.award', { name: a.name })}
                  </Button>
                )}
                {a.status === 'on_notice' && (
                  <Button size="small" onClick={() => setObjectionsOf(a)}>
                    {t('hours.console.stars.objections', { name: a.name })}
                  </Button>
                )}
                {(a.status === 'proposed' || a.status === 'reviewed' || a.status === 'on_notice') && (
                  <Button danger size="small" onClick={() => setAsking({ award: a, action: 'reject' })}>
                    {t('hours.console.stars.reject', { name: a.name })}
                  </Button>
                )}
                {a.status === 'awarded' && street && (
                  <Button danger size="small" onClick={() => setAsking({ award: a, action: 'revoke' })}>
                    {t('hours.console.stars.revoke', { name: a.name })}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {awards.hasNextPage && (
        <Button style={{ marginTop: 12 }} loading={awards.isFetchingNextPage} onClick={() => void awards.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
      <ReasonModal
        key={`${asking?.action ?? ''}-${asking?.award.id ?? ''}`}
        open={Boolean(asking)}
        title={asking ? t(`hours.console.stars.${asking.action}Title`, { name: asking.award.name }) : ''}
        label={t('hours.console.stars.reasonLabel')}
        okText={asking ? t(`hours.console.stars.${asking.action}Confirm`) : ''}
        pending={action.isPending}
        error={action.error}
        maxLength={500}
        onSubmit={(reason) =>
          asking && action.mutate({ id: asking.award.id, action: asking.action, reason }, { onSuccess: () => setAsking(null) })
        }
        onCancel={() => setAsking(null)}
      />
      {objectionsOf && <ObjectionsModal award={objectionsOf} onClose={() => setObjectionsOf(null)} />}
    </>
  );
}

function ObjectionsModal({ award, onClose }: { award: StarAward; onClose: () => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const objections = useStarObjections(award.id);
  const resolve = useResolveObjection();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const items = objections.data?.items ?? [];
  return (
    <Modal open title={t('hours.console.stars.objectionsTitle', { name: award.name })} footer={null} onCancel={onClose} destroyOnHidden>
      {objections.isPending && <Loading />}
      {objections.isError && <ProblemAlert error={objections.error} />}
      {objections.isSuccess && items.length === 0 && <p>{t('hours.console.stars.noObjections')}</p>}
      {items.map((o: StarObjection) => (
        <div key={o.id} style={{ borderBottom: '1px solid #e5e5e5', padding: '8px 0' }}>
          <p>
            {formatDate(o.createdAt, language)} · {t(`hours.objectionStatus.${o.status}`)}
          </p>
          <p>{o.text}</p>
          {o.resolutionNote && <p>{t('hours.records.reason', { reason: o.resolutionNote })}</p>}
          {o.status === 'open' && (
            <>
              <label className="console-label" htmlFor={`obj-${o.id}`}>
                {t('hours.console.stars.objectionNote')}
              </label>
              <Input.TextArea
                id={`obj-${o.id}`}
                rows={2}
                maxLength={500}
                value={notes[o.id] ?? ''}
                onChange={(e) => setNotes((n) => ({ ...n, [o.id]: e.target.value }))}
              />
              <Space style={{ marginTop: 8 }}>
                <Button
                  danger
                  disabled={(notes[o.id] ?? '').trim().length < 1}
                  onClick={() => resolve.mutate({ id: o.id, decision: 'upheld', note: (notes[o.id] ?? '').trim() })}
                >
                  {t('hours.console.stars.uphold')}
                </Button>
                <Button
                  disabled={(notes[o.id] ?? '').trim().length < 1}
                  onClick={() => resolve.mutate({ id: o.id, decision: 'dismissed', note: (notes[o.id] ?? '').trim() })}
                >
                  {t('hours.console.stars.dismiss')}
                </Button>
              </Space>
            </>
          )}
        </div>
      ))}
      {resolve.isError && <Alert type="error" showIcon role="alert" title={hoursError(resolve.error, t)} />}
    </Modal>
  );
}

function Notices() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const notices = useStarNotices();
  return (
    <>
      {notices.isError && <ProblemAlert error={notices.error} onRetry={() => void notices.refetch()} />}
      <Table
        rowKey="awardId"
        loading={notices.isPending}
        dataSource={notices.data?.items ?? []}
        pagination={false}
        columns={[
          { title: t('fields.name'), key: 'name', render: (_, n) => `${n.maskedName} · ${n.volunteerNo}` },
          { title: t('hours.console.stars.level'), dataIndex: 'level', render: (v: number) => t('star.value', { count: v }) },
          {
            title: t('hours.console.hours'),
            dataIndex: 'verifiedHours',
            render: (v: number) => t('hours.hoursValue', { value: v.toFixed(1) }),
          },
          {
            title: t('hours.console.stars.window'),
            key: 'window',
            render: (_, n) =>
              t('hours.star.noticeWindow', { from: formatDate(n.noticeStart, language), to: formatDate(n.noticeEnd, language) }),
          },
        ]}
      />
    </>
  );
}

function Thresholds() {
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = hasRole(me.data, 'street_admin');
  const thresholds = useStarThresholds();
  const save = useSaveStarThresholds();
  const [form] = Form.useForm<StarThresholds>();
  useEffect(() => {
    if (thresholds.data) form.setFieldsValue(thresholds.data);
  }, [thresholds.data, form]);
  if (thresholds.isPending) return <Loading />;
  if (thresholds.isError) return <ProblemAlert error={thresholds.error} onRetry={() => void thresholds.refetch()} />;
  return (
    <Form<StarThresholds>
      form={form}
      layout="vertical"
      style={{ maxWidth: 480 }}
      disabled={!canEdit}
      initialValues={thresholds.data}
      onFinish={(v) => save.mutate(v)}
    >
      {[0, 1, 2, 3, 4].map((i) => (
        <Form.Item
          key={i}
          name={['thresholdsHours', i]}
          label={t('hours.console.stars.thresholdOf', { count: i + 1 })}
          rules={[{ required: true, type: 'number', min: 1 }]}
        >
          <InputNumber min={1} max={100_000} precision={0} style={{ width: 200 }} />
        </Form.Item>
      ))}
      <Form.Item name="blockYears" label={t('hours.console.stars.blockYears')} rules={[{ required: true, type: 'number', min: 1, max: 3 }]}>
        <InputNumber min={1} max={3} precision={0} style={{ width: 200 }} />
      </Form.Item>
      {save.isError && <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={hoursError(save.error, t)} />}
      {save.isSuccess && (
        <Alert style={{ marginBottom: 12 }} type="success" showIcon role="status" title={t('hours.console.rules.saved')} />
      )}
      {canEdit && (
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('hours.console.rules.save')}
        </Button>
      )}
    </Form>
  );
}

type BlockValues = { volunteerId?: string; reason?: string; years?: number | null };

/** Proven false hours: a blocking period of 1–3 years (street admin; the server refuses others). */
function Block() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  const block = useBlockStar();
  const [form] = Form.useForm<BlockValues>();
  if (!hasRole(me.data, 'street_admin')) return <Alert type="info" showIcon title={t('hours.console.rules.readOnly')} />;
  return (
    <>
      <p>{t('hours.console.stars.blockIntro')}</p>
      <Form<BlockValues>
        form={form}
        layout="vertical"
        style={{ maxWidth: 560 }}
        onFinish={(v) =>
          block.mutate(
            { volunteerId: v.volunteerId ?? '', reason: (v.reason ?? '').trim(), ...(v.years ? { years: v.years } : {}) },
            { onSuccess: () => form.resetFields() },
          )
        }
      >
        <Form.Item
          name="volunteerId"
          label={t('hours.console.volunteer')}
          rules={[{ required: true, message: t('hours.console.required') }]}
        >
          <VolunteerSearchSelect />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('hours.console.stars.blockReason')}
          rules={[{ required: true, min: 2, message: t('common.reasonRequired', { count: 2 }) }]}
        >
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="years" label={t('hours.console.stars.blockYearsField')}>
          <InputNumber min={1} max={3} precision={0} />
        </Form.Item>
        {block.isError && <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={hoursError(block.error, t)} />}
        {block.isSuccess && (
          <Alert
            style={{ marginBottom: 12 }}
            type="success"
            showIcon
            role="status"
            title={t('hours.console.stars.blocked', { date: formatDate(block.data.blockedUntil, language) })}
          />
        )}
        <Button danger htmlType="submit" loading={block.isPending}>
          {t('hours.console.stars.blockButton')}
        </Button>
      </Form>
    </>
  );
}
