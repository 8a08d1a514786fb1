import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../features/account/api/get-me';
import { useGridResidents, type GridResident } from '../../features/demands/api/demands';
import { StaffOrderForm } from '../../features/demands/components/staff-order-form';
import { useStaffGrids } from '../../features/demands/use-staff-grids';
import { currentLanguage } from '../../lib/i18n';
import { localName, scriptLang } from '../../lib/localize';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { SelectField, TextField } from '../components/form-field';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/demands/demands.css';

function matches(resident: GridResident, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [resident.name, resident.nameBo, resident.address, resident.phoneMasked].some((v) => v?.toLowerCase().includes(q));
}

/** 代办下单: a grid worker orders for a resident of their grid who called, wrote or came by. */
export default function ProxyOrderPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('orders.proxy.title'), t('app.name'));
  const me = useMe();
  const user = me.data ?? null;
  const staff = hasRole(user, 'grid_worker', 'community_admin', 'street_admin');
  const staffGrids = useStaffGrids(staff ? user : null);
  const [gridChoice, setGridChoice] = useState('');
  const gridId = gridChoice || (staffGrids.grids.length === 1 ? (staffGrids.grids[0]?.id ?? '') : '');
  const residents = useGridResidents(gridId || undefined);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<GridResident | null>(null);

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />;
  if (!staff) return <p className="h5-notice">{t('intake.staffOnly')}</p>;
  const found = (residents.data?.items ?? []).filter((r) => matches(r, query));

  return (
    <>
      <h1 className="h5-page-title">{t('orders.proxy.title')}</h1>
      {!chosen && (
        <Section title={t('orders.proxy.who')}>
          {staffGrids.grids.length > 1 && (
            <SelectField label={t('fields.grid')} value={gridId} onChange={(event) => setGridChoice(event.target.value)}>
              <option value="">{t('common.choose')}</option>
              {staffGrids.grids.map((grid) => (
                <option key={grid.id} value={grid.id}>
                  {localName(grid, language).text}
                </option>
              ))}
            </SelectField>
          )}
          {staffGrids.isPending && <Loading />}
          {staffGrids.error ? <ErrorNotice error={staffGrids.error} /> : null}
          <TextField
            label={t('orders.proxy.search')}
            hint={t('orders.proxy.searchHint')}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
          {residents.isPending && gridId && <Loading />}
          {residents.isError && <ErrorNotice error={residents.error} onRetry={() => void residents.refetch()} />}
          {residents.isSuccess && found.length === 0 && <p className="h5-muted">{t('orders.proxy.noneFound')}</p>}
          {found.length > 0 && (
            <ul className="link-list" aria-label={t('orders.proxy.results')}>
              {found.slice(0, 50).map((r) => (
                <li key={r.id}>
                  <button type="button" className="info-row proxy-resident" onClick={() => setChosen(r)}>
                    <span className="link-list__main">
                      <span className="link-list__title" lang={scriptLang(r.name)}>
                        {r.name}
                        {r.age !== null ? ` · ${r.age}` : ''}
                      </span>
                      <span className="link-list__meta">{[r.phoneMasked, r.address].filter(Boolean).join(' · ')}</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </Section>
      )}
      {chosen && (
        <Section title={t('orders.proxy.forWhom', { name: chosen.name })}>
          <p className="h5-muted">{[chosen.phoneMasked, chosen.address].filter(Boolean).join(' · ')}</p>
          <button type="button" className="h5-text-button" onClick={() => setChosen(null)}>
            {t('orders.proxy.change')}
          </button>
          <StaffOrderForm
            key={chosen.id}
            grids={staffGrids.grids.filter((g) => g.id === chosen.gridId)}
            lockBeneficiary
            submitLabel={t('orders.proxy.submit')}
            initial={{
              serviceItemId: '',
              gridId: chosen.gridId,
              urgency: 'normal',
              beneficiaryId: chosen.id,
              description: '',
              channel: 'phone',
            }}
          />
        </Section>
      )}
    </>
  );
}
