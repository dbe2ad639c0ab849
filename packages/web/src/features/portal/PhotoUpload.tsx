import { CloseButton, Group, Image, Loader, Stack, Text } from '@mantine/core';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../ui/api';
import { getCustomerSession } from './customer-session';

export interface Photo {
  key: string;
  name: string;
  previewUrl: string;
  status: 'uploading' | 'done' | 'failed';
  id?: string;
  error?: string;
}

interface Props {
  photos: Photo[];
  required: boolean;
  onChange: (photos: Photo[]) => void;
  error?: string | undefined;
}

/** Photos from the phone's camera or gallery, each uploaded at once (POST /evidence) and shown as a thumbnail. */
export function PhotoUpload({ photos, required, onChange, error }: Props) {
  const { t } = useTranslation('portal');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  // The uploads finish after renders: they apply their result to the latest list, not the one they started from.
  const latest = useRef(photos);
  latest.current = photos;
  const patch = (key: string, change: Partial<Photo>) =>
    onChange(latest.current.map((p) => (p.key === key ? { ...p, ...change } : p)));

  useEffect(
    () => () => {
      for (const p of latest.current) URL.revokeObjectURL(p.previewUrl);
    },
    [],
  );

  const add = (files: FileList | null) => {
    const added = [...(files ?? [])].map((file) => ({
      file,
      photo: {
        key: crypto.randomUUID(),
        name: file.name,
        previewUrl: URL.createObjectURL(file),
        status: 'uploading' as const,
      },
    }));
    latest.current = [...latest.current, ...added.map((a) => a.photo)];
    onChange(latest.current);
    for (const { file, photo } of added) {
      const form = new FormData();
      form.append('file', file);
      api<{ id: string }>('POST', '/evidence', { body: form, token: getCustomerSession()?.token })
        .then((stored) => patch(photo.key, { status: 'done', id: stored.id }))
        .catch((failure: unknown) => patch(photo.key, { status: 'failed', error: errorMessage(failure) }));
    }
    if (input.current) input.current.value = '';
  };

  return (
    <Stack gap={6}>
      <Text component="label" htmlFor={id} size="sm" fw={500}>
        {t('return.photos')}
        {required && (
          <Text span c="red.8" aria-hidden>
            {' *'}
          </Text>
        )}
      </Text>
      <Text size="sm" c="dimmed" id={`${id}-hint`}>
        {required ? t('return.photosRequired') : t('return.photosHint')}
      </Text>
      <input
        ref={input}
        id={id}
        type="file"
        accept="image/*"
        capture="environment"
        multiple
        aria-describedby={`${id}-hint`}
        onChange={(e) => add(e.currentTarget.files)}
        data-testid="return-photos"
        style={{ fontSize: 16, maxWidth: '100%' }}
      />
      {error && (
        <Text c="red.8" size="sm" role="alert">
          {error}
        </Text>
      )}
      {photos.length > 0 && (
        <Group
          gap="xs"
          component="ul"
          style={{ listStyle: 'none', padding: 0, margin: 0 }}
          aria-live="polite"
        >
          {photos.map((photo) => (
            <Stack key={photo.key} gap={2} component="li" w={96} data-testid="return-photo">
              <div style={{ position: 'relative' }}>
                <Image
                  src={photo.previewUrl}
                  alt={t('return.photoAlt', { name: photo.name })}
                  w={96}
                  h={96}
                  fit="cover"
                  radius="sm"
                />
                <CloseButton
                  size="sm"
                  variant="filled"
                  aria-label={t('return.removePhoto', { name: photo.name })}
                  onClick={() => {
                    URL.revokeObjectURL(photo.previewUrl);
                    onChange(latest.current.filter((p) => p.key !== photo.key));
                  }}
                  style={{ position: 'absolute', top: 2, right: 2 }}
                />
              </div>
              {photo.status === 'uploading' && (
                <Group gap={4}>
                  <Loader size="xs" />
                  <Text size="xs">{t('return.uploading')}</Text>
                </Group>
              )}
              {photo.status === 'failed' && (
                <Text size="xs" c="red.8" role="alert">
                  {t('return.uploadFailed')} {photo.error}
                </Text>
              )}
            </Stack>
          ))}
        </Group>
      )}
    </Stack>
  );
}
