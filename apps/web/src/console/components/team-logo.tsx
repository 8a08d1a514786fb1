import { useEffect, useId, useMemo, useState } from 'react';
import { Alert, Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TeamDetail } from '@duodi/contracts';
import { TEAM_LOGO_MAX_BYTES, TEAM_LOGO_TYPES } from '../../lib/contract-values';
import { useUploadTeamLogo } from '../../features/teams/api/manage-team';
import { errorMessage } from '../../lib/error-message';

const KB = 1024;

/** Why a file cannot be a logo, checked before upload (the server checks the magic bytes again). */
export function logoFileProblem(file: File): 'type' | 'size' | null {
  if (!(TEAM_LOGO_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > TEAM_LOGO_MAX_BYTES) return 'size';
  return null;
}

/** Logo upload with a preview, the accepted types and size said up front. */
export function TeamLogoUpload({ team, name }: { team: TeamDetail; name: string }) {
  const { t } = useTranslation();
  const id = useId();
  const upload = useUploadTeamLogo(team.id);
  const [file, setFile] = useState<File | null>(null);
  const [version, setVersion] = useState(0);
  const problem = file ? logoFileProblem(file) : null;

  const preview = useMemo(() => (file ? URL.createObjectURL(file) : null), [file]);
  useEffect(() => () => (preview ? URL.revokeObjectURL(preview) : undefined), [preview]);

  const current = team.logoUrl ? `${team.logoUrl}${version ? `?v=${version}` : ''}` : null;

  return (
    <div className="console-logo-upload">
      <div className="console-logo-upload__images">
        <figure>
          {current ? (
            <img className="console-logo" src={current} alt={t('h5.team.logo', { name })} />
          ) : (
            <div className="console-logo console-logo--empty">{t('console.logo.none')}</div>
          )}
          <figcaption>{t('console.logo.current')}</figcaption>
        </figure>
        {preview && file && !problem && (
          <figure>
            <img className="console-logo" src={preview} alt={t('console.logo.previewAlt', { file: file.name })} />
            <figcaption>{t('console.logo.preview')}</figcaption>
          </figure>
        )}
      </div>
      <label htmlFor={`${id}-file`} className="console-label">
        {t('console.logo.choose')}
      </label>
      <input
        id={`${id}-file`}
        type="file"
        accept={TEAM_LOGO_TYPES.join(',')}
        aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
        aria-invalid={Boolean(problem)}
        onChange={(event) => {
          upload.reset();
          setFile(event.target.files?.[0] ?? null);
        }}
      />
      <p id={`${id}-hint`} className="console-hint">
        {t('console.logo.hint', { max: `${TEAM_LOGO_MAX_BYTES / KB} KB` })}
      </p>
      {problem && (
        <p id={`${id}-problem`} className="console-error" role="alert">
          {problem === 'type'
            ? t('console.logo.wrongType', { type: file?.type || '?' })
            : t('console.logo.tooBig', { size: `${Math.ceil((file?.size ?? 0) / KB)} KB`, max: `${TEAM_LOGO_MAX_BYTES / KB} KB` })}
        </p>
      )}
      <Space style={{ marginTop: 8 }}>
        <Button
          type="primary"
          disabled={!file || Boolean(problem)}
          loading={upload.isPending}
          onClick={() =>
            file &&
            upload.mutate(file, {
              onSuccess: () => {
                setVersion(Date.now());
                setFile(null);
              },
            })
          }
        >
          {t('console.logo.upload')}
        </Button>
      </Space>
      {upload.isSuccess && (
        <Alert
          style={{ marginTop: 8 }}
          type="success"
          showIcon
          role="status"
          title={t('console.logo.uploaded', { size: `${Math.ceil(upload.data.byteSize / KB)} KB` })}
        />
      )}
      {upload.isError && <Alert style={{ marginTop: 8 }} type="error" showIcon role="alert" title={errorMessage(upload.error, t)} />}
    </div>
  );
}
