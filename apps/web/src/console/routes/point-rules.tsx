import { useEffect } from 'react';
import { Alert, Button, Form, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PointRules } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { usePointRules, useSavePointRules } from '../../features/hours/api/hours';
import { hoursError } from '../../features/hours/model';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Loading, ProblemAlert } from '../components/query-state';

const NUMBER_FIELDS = [
  ['pointsPerHour', 0, 1000],
  ['focusGroupBonusPerHour', 0, 1000],
  ['partyCommunityBonusPerHour', 0, 1000],
  ['coinMinutesPerHour', 0, 600],
  ['depositCapHours', 0, 100_000],
  ['withdrawMinAge', 0, 120],
  ['withdrawalTimeoutDays', 1, 365],
  ['correctionDeadlineWorkingDays', 1, 60],
] as const;

/** 积分规则: points per verified hour, bonuses, time-bank coins and limits, star thresholds (street admin edits; others read). */
export default function PointRulesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('hours.console.rules.title'), t('app.consoleName'));
  const me = useMe();
  const rules = usePointRules();
  const save = useSavePointRules();
  const [form] = Form.useForm<PointRules>();
  const canEdit = hasRole(me.data, 'street_admin');

  useEffect(() => {
    if (rules.data) form.setFieldsValue(rules.data);
  }, [rules.data, form]);

  return (
    <>
      <h1 className="console-page-title">{t('hours.console.rules.title')}</h1>
      <p>{t('hours.console.rules.intro')}</p>
      {!canEdit && <Alert style={{ marginBottom: 12 }} type="info" showIcon title={t('hours.console.rules.readOnly')} />}
      {rules.isPending && <Loading />}
      {rules.isError && <ProblemAlert error={rules.error} onRetry={() => void rules.refetch()} />}
      {rules.data && (
        <Form<PointRules>
          form={form}
          layout="vertical"
          style={{ maxWidth: 560 }}
          disabled={!canEdit}
          initialValues={rules.data}
          onFinish={(values) => save.mutate(values)}
        >
          {NUMBER_FIELDS.map(([name, min, max]) => (
            <Form.Item
              key={name}
              name={name}
              label={t(`hours.console.rules.fields.${name}`)}
              rules={[{ required: true, type: 'number', min, max }]}
            >
              <InputNumber min={min} max={max} precision={0} style={{ width: 200 }} />
            </Form.Item>
          ))}
          <fieldset style={{ border: 0, padding: 0 }}>
            <legend className="console-label">{t('hours.console.rules.fields.starThresholdsHours')}</legend>
            {[0, 1, 2, 3, 4].map((i) => (
              <Form.Item
                key={i}
                name={['starThresholdsHours', i]}
                label={t('star.value', { count: i + 1 })}
                rules={[{ required: true, type: 'number', min: 1, max: 100_000 }]}
              >
                <InputNumber min={1} max={100_000} precision={0} style={{ width: 200 }} />
              </Form.Item>
            ))}
          </fieldset>
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
      )}
    </>
  );
}
