import { useCallback, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { Me, UiLang } from '@duodi/contracts';
import { applyLanguage, currentLanguage } from '../../../lib/i18n';
import { setElderlyMode, useElderlyModeValue } from '../../../lib/elderly-mode';
import { useMe } from '../api/get-me';
import { useUpdatePreferences } from '../api/update-preferences';

/** Errors shown in the old language are fetched again so that the server's `detail` follows the switch. */
function useRefetchFailedQueries() {
  const queryClient = useQueryClient();
  return useCallback(
    () => queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' }),
    [queryClient],
  );
}

/** The UI language: switching it is remembered on this device and, when signed in, on the server. */
export function useLanguage() {
  useTranslation(); // re-render when the language changes
  const { data: me } = useMe();
  const { mutate } = useUpdatePreferences();
  const refetchFailed = useRefetchFailedQueries();
  const language = currentLanguage();

  const changeLanguage = useCallback(
    async (next: UiLang) => {
      await applyLanguage(next);
      if (me && me.language !== next) mutate({ language: next });
      void refetchFailed();
    },
    [me, mutate, refetchFailed],
  );

  return { language, changeLanguage };
}

/** Elderly mode (长辈版): remembered on this device and, when signed in, on the server. */
export function useElderlyMode() {
  const enabled = useElderlyModeValue();
  const { data: me } = useMe();
  const { mutate } = useUpdatePreferences();

  const setEnabled = useCallback(
    (on: boolean) => {
      setElderlyMode(on);
      if (me && me.elderlyMode !== on) mutate({ elderlyMode: on });
    },
    [me, mutate],
  );

  return { enabled, setEnabled, toggle: () => setEnabled(!enabled) };
}

/**
 * When a user signs in (or a session is found on load), the preferences stored on the server win
 * over what this device remembered.
 */
export function useApplyServerPreferences({ elderly }: { elderly: boolean }) {
  const { data: me } = useMe();
  const appliedFor = useRef<string | null>(null);

  useEffect(() => {
    if (!me) {
      appliedFor.current = null;
      return;
    }
    if (appliedFor.current === me.id) return;
    appliedFor.current = me.id;
    applyPreferencesOf(me, { elderly });
  }, [me, elderly]);
}

export function applyPreferencesOf(me: Me, { elderly }: { elderly: boolean }): void {
  if (me.language !== currentLanguage()) void applyLanguage(me.language);
  if (elderly) setElderlyMode(me.elderlyMode);
}
