import { Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Text of a JSON object, or why it is not one. */
export function parseJsonObject(
  text: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: string } {
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value))
      return { ok: false, error: 'object' };
    return { ok: true, value: value as Record<string, unknown> };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * A whole document as editable JSON, kept in step with a form both ways: edits that parse
 * are passed up at once; a change from outside rewrites the text unless it came from here.
 */
export function JsonField({
  label,
  description,
  value,
  onChange,
  onValidity,
  minRows = 16,
}: {
  label: string;
  description?: string;
  value: unknown;
  onChange: (value: Record<string, unknown>) => void;
  onValidity?: (valid: boolean) => void;
  minRows?: number;
}) {
  const { t } = useTranslation('admin');
  const [text, setText] = useState(() => JSON.stringify(value, null, 2));
  const [error, setError] = useState<string | null>(null);
  const emitted = useRef<unknown>(value);

  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setText(JSON.stringify(value, null, 2));
      setError(null);
      onValidity?.(true);
    }
  }, [value, onValidity]);

  return (
    <Textarea
      label={label}
      description={description}
      value={text}
      rows={minRows}
      resize="vertical"
      spellCheck={false}
      styles={{ input: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, monospace', fontSize: 13 } }}
      error={
        error ? (error === 'object' ? t('json.notObject') : t('json.invalid', { message: error })) : undefined
      }
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const parsed = parseJsonObject(next);
        if (parsed.ok) {
          setError(null);
          emitted.current = parsed.value;
          onChange(parsed.value);
        } else setError(parsed.error);
        onValidity?.(parsed.ok);
      }}
    />
  );
}
