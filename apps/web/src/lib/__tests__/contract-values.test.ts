import { describe, expect, it } from 'vitest';
import * as contracts from '@duodi/contracts';
import bo from '../../locales/bo.json';
import en from '../../locales/en.json';
import zhCN from '../../locales/zh-CN.json';
import * as local from '../contract-values';

describe('contract values copied into the web app', () => {
  it('equal the contracts’ values', () => {
    expect(local.ID_TYPES).toEqual(contracts.ID_TYPES);
    expect(local.DELETION_STATUSES).toEqual(contracts.DELETION_STATUSES);
    expect(local.RECOVERY_STATUSES).toEqual(contracts.RECOVERY_STATUSES);
    expect(local.TEAM_APPLICATION_STATUSES).toEqual(contracts.TEAM_APPLICATION_STATUSES);
    expect(local.PARTY_REPORT_STATUSES).toEqual(contracts.PARTY_REPORT_STATUSES);
    expect(local.PARTY_MEMBER_STATUSES).toEqual(contracts.PARTY_MEMBER_STATUSES);
    expect(local.TEAM_LOGO_TYPES).toEqual(contracts.TEAM_LOGO_TYPES);
    expect(local.TEAM_LOGO_MAX_BYTES).toBe(contracts.TEAM_LOGO_MAX_BYTES);
    expect(local.SENSITIVE_FOCUS_TAGS).toEqual(contracts.SENSITIVE_FOCUS_TAGS);
    expect(local.IMPORT_KINDS).toEqual(contracts.IMPORT_KINDS);
    expect(local.IMPORT_MAX_BYTES).toBe(contracts.IMPORT_MAX_BYTES);
    const fields = new Set(Object.values(contracts.IMPORT_COLUMNS).flatMap((columns) => columns.map((c) => c.field)));
    expect(new Set(local.IMPORT_FIELDS)).toEqual(fields);
  });

  it('name import columns in every language exactly as the server’s templates do', () => {
    const catalogs = { 'zh-CN': zhCN, bo, en } as const;
    for (const columns of Object.values(contracts.IMPORT_COLUMNS)) {
      for (const column of columns) {
        for (const lang of ['zh-CN', 'bo', 'en'] as const) {
          expect(catalogs[lang].importFields[column.field], `${lang} ${column.field}`).toBe(column.header[lang]);
        }
      }
    }
  });
});
