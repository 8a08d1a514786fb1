import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import Button from 'antd-mobile/es/components/button';
import type { Me } from '@duodi/contracts';
import { useMe } from '../../account/api/get-me';
import { ErrorNotice, Loading } from '../../../h5/components/query-state';
import { Section } from '../../../h5/components/section';

/** Renders the page body for a signed-in user; otherwise a way to sign in and come back. */
export function SignedIn({ next, title, children }: { next: string; title: string; children: (me: Me) => ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    return (
      <Section title={title}>
        <p className="h5-muted">{t('hours.signIn')}</p>
        <div className="h5-actions">
          <Link className="h5-button-link" to={`/login?next=${encodeURIComponent(next)}`}>
            {t('h5.home.signIn')}
          </Link>
        </div>
      </Section>
    );
  }
  return <>{children(me.data)}</>;
}

/** For pages that need a volunteer record (hours, points, stars). */
export function NotVolunteer() {
  const { t } = useTranslation();
  return (
    <Section title={t('register.ctaTitle')}>
      <p className="h5-muted">{t('hours.notVolunteer')}</p>
      <div className="h5-actions">
        <Link className="h5-button-link" to="/register">
          {t('register.cta')}
        </Link>
      </div>
    </Section>
  );
}

export function LoadMore({ query }: { query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown } }) {
  const { t } = useTranslation();
  if (!query.hasNextPage) return null;
  return (
    <Button block loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
      {t('common.loadMore')}
    </Button>
  );
}

/** A row of filter buttons with the current one pressed (words, not colour). */
export function FilterButtons<T extends string>({
  label,
  options,
  value,
  labelOf,
  onChange,
}: {
  label: string;
  options: readonly T[];
  value: T;
  labelOf: (value: T) => string;
  onChange: (value: T) => void;
}) {
  return (
    <div role="group" aria-label={label} className="hours-filter">
      {options.map((option) => (
        <button
          key={option}
          type="button"
          className="hours-filter__button"
          aria-pressed={option === value}
          onClick={() => onChange(option)}
        >
          {labelOf(option)}
        </button>
      ))}
    </div>
  );
}

/** The pickup code, large and spaced, readable from arm's length; screen readers hear it digit by digit. */
export function PickupCode({ code, label }: { code: string; label: string }) {
  return (
    <div role="group" className="hours-pickup" aria-label={`${label} ${code.split('').join(' ')}`}>
      <span className="hours-pickup__label" aria-hidden="true">
        {label}
      </span>
      <span className="hours-pickup__code" aria-hidden="true">
        {code.slice(0, 3)} {code.slice(3)}
      </span>
    </div>
  );
}
