import { ActionIcon, Button, Fieldset, Group, Select, Stack, Tabs, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../../ui/i18n';

// Placeholders the server fills in; code, not text, so never translated.
const MACRO_VARIABLES =
  '{{customer.name}}, {{order.number}}, {{case.returnCode}}, {{deadline}}, {{trackingLink}}';

export interface MacroVariant {
  subject?: string;
  body: string;
}
export interface MacroView {
  id: string;
  name: string;
  category: string | null;
  variants: Record<string, MacroVariant>;
  createdAt: string;
  updatedAt: string;
}
export interface MacroDraft {
  name: string;
  category: string | null;
  variants: Record<string, MacroVariant>;
}

/** A macro's name, category and text per language (one tab each). */
export function MacroForm({
  initial,
  saving,
  onSave,
  onCancel,
}: {
  initial: MacroDraft;
  saving: boolean;
  onSave: (draft: MacroDraft) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['admin', 'common']);
  const [draft, setDraft] = useState(initial);
  const languages = Object.keys(draft.variants);
  const [tab, setTab] = useState<string | null>(languages[0] ?? null);
  const [adding, setAdding] = useState<string | null>(null);
  const missing = LANGUAGES.filter((l) => !languages.includes(l.code));
  const setVariant = (language: string, variant: MacroVariant) =>
    setDraft({ ...draft, variants: { ...draft.variants, [language]: variant } });
  const valid =
    draft.name.trim() !== '' &&
    languages.length > 0 &&
    languages.every((l) => draft.variants[l]?.body.trim());

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        const variants = Object.fromEntries(
          Object.entries(draft.variants).map(([l, v]) => [
            l,
            v.subject?.trim() ? { subject: v.subject, body: v.body } : { body: v.body },
          ]),
        );
        onSave({ name: draft.name.trim(), category: draft.category?.trim() || null, variants });
      }}
    >
      <Stack gap="sm">
        <Group grow align="flex-start">
          <TextInput
            label={t('macros.name')}
            required
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.currentTarget.value })}
          />
          <TextInput
            label={t('macros.category')}
            value={draft.category ?? ''}
            onChange={(e) => setDraft({ ...draft, category: e.currentTarget.value })}
          />
        </Group>
        <Fieldset legend={t('macros.variants')}>
          <Stack gap="sm">
            {languages.length > 0 && (
              <Tabs value={tab} onChange={setTab} keepMounted={false}>
                <Tabs.List>
                  {languages.map((l) => (
                    <Tabs.Tab key={l} value={l}>
                      {l}
                    </Tabs.Tab>
                  ))}
                </Tabs.List>
                {languages.map((l) => {
                  const variant = draft.variants[l] ?? { body: '' };
                  return (
                    <Tabs.Panel key={l} value={l} pt="sm">
                      <Stack gap="xs">
                        <TextInput
                          label={t('macros.subject', { language: l })}
                          value={variant.subject ?? ''}
                          onChange={(e) => setVariant(l, { ...variant, subject: e.currentTarget.value })}
                        />
                        <Textarea
                          label={t('macros.body', { language: l })}
                          description={`${t('macros.bodyHelp')} ${MACRO_VARIABLES}`}
                          required
                          rows={6}
                          resize="vertical"
                          value={variant.body}
                          onChange={(e) => setVariant(l, { ...variant, body: e.currentTarget.value })}
                        />
                        <Group>
                          <Button
                            size="xs"
                            variant="default"
                            color="red"
                            disabled={languages.length === 1}
                            onClick={() => {
                              const { [l]: _gone, ...rest } = draft.variants;
                              setDraft({ ...draft, variants: rest });
                              setTab(Object.keys(rest)[0] ?? null);
                            }}
                          >
                            {t('macros.removeLanguage', { language: l })}
                          </Button>
                        </Group>
                      </Stack>
                    </Tabs.Panel>
                  );
                })}
              </Tabs>
            )}
            {missing.length > 0 && (
              <Group align="flex-end">
                <Select
                  label={t('macros.addLanguage')}
                  data={missing.map((l) => ({ value: l.code, label: `${l.name} (${l.code})` }))}
                  value={adding}
                  onChange={setAdding}
                  w={260}
                />
                <ActionIcon
                  size="lg"
                  variant="default"
                  aria-label={t('macros.addLanguage')}
                  disabled={!adding}
                  onClick={() => {
                    if (!adding) return;
                    setVariant(adding, { body: '' });
                    setTab(adding);
                    setAdding(null);
                  }}
                >
                  +
                </ActionIcon>
              </Group>
            )}
          </Stack>
        </Fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common:cancel')}
          </Button>
          <Button type="submit" disabled={!valid} loading={saving}>
            {t('common:save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
