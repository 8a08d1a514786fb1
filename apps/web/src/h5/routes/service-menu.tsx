import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { ServiceItemDto, TeamDomain } from '@duodi/contracts';
import { useMe } from '../../features/account/api/get-me';
import { useServiceItems } from '../../features/demands/api/demands';
import { currentLanguage } from '../../lib/i18n';
import { langAttr, localName } from '../../lib/localize';
import { formatNumber } from '../../lib/format';
import { hasRole } from '../../lib/roles';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ErrorNotice, Loading } from '../components/query-state';
import { Section } from '../components/section';
import '../../features/demands/demands.css';

function groupByCategory(items: readonly ServiceItemDto[]): [TeamDomain, ServiceItemDto[]][] {
  const groups = new Map<TeamDomain, ServiceItemDto[]>();
  for (const item of items) groups.set(item.category, [...(groups.get(item.category) ?? []), item]);
  return [...groups.entries()];
}

/** 服务菜单 (项目清单): the menu by category; one tap on an item opens its short order page. */
export default function ServiceMenuPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('orders.menu.title'), t('app.name'));
  const me = useMe();
  const items = useServiceItems();
  const canOrder = hasRole(me.data, 'resident') && Boolean(me.data?.gridId);

  return (
    <>
      <h1 className="h5-page-title">{t('orders.menu.title')}</h1>
      <p className="h5-muted">{t('orders.menu.intro')}</p>
      {me.isSuccess && !me.data && (
        <p className="h5-notice">
          {t('orders.menu.signInToOrder')} <Link to="/login?next=/services">{t('h5.home.signIn')}</Link>
        </p>
      )}
      {me.data && !canOrder && <p className="h5-notice">{t('orders.menu.residentsOnly')}</p>}
      {items.isPending && <Loading />}
      {items.isError && <ErrorNotice error={items.error} onRetry={() => void items.refetch()} />}
      {items.isSuccess && items.data.items.length === 0 && <p className="h5-muted">{t('common.empty')}</p>}
      {items.isSuccess &&
        groupByCategory(
          items.data.items.filter((item) => !(me.data?.communityId && item.disabledCommunityIds.includes(me.data.communityId))),
        ).map(([category, group]) => (
          <Section key={category} title={t(`domains.${category}`)} className="service-menu__group">
            <ul className="service-menu__items">
              {group.map((item) => {
                const name = localName(item, language);
                const body = (
                  <>
                    <span className="service-menu__name" lang={langAttr(name, language)}>
                      {name.text}
                    </span>
                    <span className="service-menu__meta">
                      {t('orders.menu.typical', { minutes: formatNumber(item.typicalMinutes, language) })}
                      {item.volunteersNeeded > 1 ? ` · ${t('orders.menu.people', { count: item.volunteersNeeded })}` : ''}
                    </span>
                  </>
                );
                return (
                  <li key={item.id}>
                    {canOrder || !me.data ? (
                      <Link className="service-menu__item" to={`/services/${encodeURIComponent(item.id)}/order`}>
                        {body}
                      </Link>
                    ) : (
                      <div className="service-menu__item">{body}</div>
                    )}
                  </li>
                );
              })}
            </ul>
          </Section>
        ))}
    </>
  );
}
