// @vitest-environment jsdom
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ImportJob } from '@duodi/contracts';
import { applyLanguage } from '../../../lib/i18n';
import { json, mockApi } from '../../../testing/mock-api';
import { renderConsole } from '../../../testing/render';
import { RESIDENT } from '../../../testing/fixtures';
import { ImportReportTable } from '../components/import-report';

const VALIDATED: ImportJob = {
  id: 'imp-1',
  kind: 'volunteers',
  format: 'xlsx',
  status: 'validated',
  fileName: '桑伊志愿者.xlsx',
  fileHash: 'abc',
  total: 40,
  processed: 40,
  ok: 37,
  bad: 3,
  existing: 2,
  imported: 0,
  unchanged: 0,
  progress: 100,
  errors: [
    { line: 5, field: 'idNumber', code: 'id_checksum', message: '证件号校验位不正确，请核对后重新输入' },
    { line: 12, field: 'phone', code: 'invalid_format', message: '格式不正确' },
    { line: 40, field: 'gridCode', code: 'unknown_reference', message: '不存在或不可用' },
  ],
  errorsTruncated: false,
  createdBy: 'a-1',
  createdAt: '2026-05-01T10:00:00+08:00',
  validatedAt: '2026-05-01T10:00:05+08:00',
  finishedAt: null,
};

function rowsOf(table: HTMLElement) {
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
}

describe(ImportReportTable.name, () => {
  it('lists every bad row with its spreadsheet line, the column header and the reason', () => {
    render(<ImportReportTable job={VALIDATED} />);
    expect(screen.getByRole('heading', { name: '问题清单（3 行有问题）' })).toBeTruthy();
    expect(rowsOf(screen.getByRole('table'))).toEqual([
      ['5', '证件号码', '证件号校验位不正确，请核对后重新输入'],
      ['12', '手机号', '格式不正确'],
      ['40', '网格编码', '不存在或不可用'],
    ]);
  });

  it('names the columns as the Tibetan template does when the UI is in Tibetan', async () => {
    await applyLanguage('bo');
    render(<ImportReportTable job={VALIDATED} />);
    const cells = rowsOf(screen.getByRole('table')).map((row) => row[1]);
    expect(cells).toEqual(['ལག་ཁྱེར་ཨང་གྲངས།', 'ཁ་པར་ཨང་གྲངས།', 'དྲ་མིག་ཨང་རྟགས།']);
  });

  it('says so when there is no problem, and warns when the report was cut short', () => {
    const { unmount } = render(<ImportReportTable job={{ ...VALIDATED, bad: 0, errors: [] }} />);
    expect(screen.getByText('没有发现问题。')).toBeTruthy();
    unmount();
    render(<ImportReportTable job={{ ...VALIDATED, bad: 900, errorsTruncated: true }} />);
    expect(screen.getByText('问题太多，这里只显示前 3 条；请下载完整的问题清单。')).toBeTruthy();
  });
});

describe('console imports page', () => {
  const STREET_ADMIN = {
    ...RESIDENT,
    id: 'u-01',
    roles: ['street_admin' as const],
    assignments: [{ role: 'street_admin' as const, scopeType: 'street' as const, scopeId: 's-duodi', scopeName: '夺底街道' }],
  };

  it('uploads the raw file, polls the dry run to its report, then commits the good rows', async () => {
    let polls = 0;
    let committed = false;
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, STREET_ADMIN),
      'GET /api/v1/imports': () => json(200, { items: [], nextCursor: null }),
      'POST /api/v1/imports': () => json(201, { id: 'imp-1', status: 'validating' }),
      'GET /api/v1/imports/imp-1': () => {
        polls += 1;
        if (committed)
          return json(200, { ...VALIDATED, status: 'done', imported: 35, unchanged: 2, finishedAt: '2026-05-01T10:01:00+08:00' });
        return json(200, polls === 1 ? { ...VALIDATED, status: 'validating', progress: 40, processed: 16, errors: [] } : VALIDATED);
      },
      'POST /api/v1/imports/imp-1/commit': () => {
        committed = true;
        return json(202, { id: 'imp-1', status: 'importing' });
      },
    });
    renderConsole('/imports');
    await screen.findByRole('heading', { level: 1, name: '批量导入' });

    const file = new File(['name,idNumber\n'], '桑伊志愿者.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText('选择文件'), { target: { files: [file] } });
    fireEvent.click(screen.getByRole('button', { name: '上传并检查' }));

    // While it validates: a labelled progress bar and the phase in words.
    expect(await screen.findByRole('progressbar', { name: '正在检查…进度' })).toBeTruthy();
    const upload = requests.find((r) => r.method === 'POST' && r.path === '/api/v1/imports');
    expect(upload?.url.searchParams.get('kind')).toBe('volunteers');
    expect(upload?.url.searchParams.get('fileName')).toBe('桑伊志愿者.csv');
    expect(upload?.headers.get('Content-Type')).toBe('text/csv');

    // The report arrives on a later poll.
    expect(await screen.findByText('证件号校验位不正确，请核对后重新输入', {}, { timeout: 4000 })).toBeTruthy();
    expect(screen.getByText('其中 2 人已经登记过（按证件号识别），导入时会跳过，不会重复。')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: '导入 37 行正确的数据' }));
    expect(await screen.findByText('导入完成：新增 35 人，2 人已存在未变化，3 行有问题未导入。', {}, { timeout: 4000 })).toBeTruthy();
    await waitFor(() => expect(requests.some((r) => r.path === '/api/v1/imports/imp-1/commit')).toBe(true));
  });

  it('refuses a file that is neither xlsx nor CSV before uploading it', async () => {
    const { requests } = mockApi({
      'GET /api/v1/me': () => json(200, STREET_ADMIN),
      'GET /api/v1/imports': () => json(200, { items: [], nextCursor: null }),
    });
    renderConsole('/imports');
    await screen.findByRole('heading', { level: 1, name: '批量导入' });
    fireEvent.change(screen.getByLabelText('选择文件'), {
      target: { files: [new File(['x'], 'roster.pdf', { type: 'application/pdf' })] },
    });
    expect(await screen.findByText('只能导入 xlsx 或 CSV 文件。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '上传并检查' }).hasAttribute('disabled')).toBe(true);
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });
});
