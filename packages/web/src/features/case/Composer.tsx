import { Alert, Button, Group, List, NativeSelect, Stack, Tabs, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Ref, useImperativeHandle, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, errorMessage } from '../../ui/api';
import { type CaseView, type Macro, type MessageView, macroVariant, messagesKey } from './case-api';
import { Highlighted } from './Highlighted';
import { mergeMessages } from './use-conversation';
import { blocks, needsConfirmation, useReplyCheck } from './use-reply-check';

export type ComposerMode = 'reply' | 'note';
export interface ComposerHandle {
  focus: (mode: ComposerMode) => void;
}

const CHANNELS = ['web', 'email', 'chat', 'phone', 'social', 'api'];

/** A reply to the customer or an internal note, with macros and the forbidden-phrase check. */
export function Composer({ caseView, handle }: { caseView: CaseView; handle?: Ref<ComposerHandle> }) {
  const { t } = useTranslation('console');
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [body, setBody] = useState('');
  const [macro, setMacro] = useState<{ id: string; body: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  useImperativeHandle(handle, () => ({
    focus: (next) => {
      setMode(next);
      setTimeout(() => textarea.current?.focus(), 0);
    },
  }));

  const macros = useQuery({
    queryKey: ['macros'],
    queryFn: ({ signal }) => api<{ items: Macro[] }>('GET', '/macros', { signal }),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
  const findings = useReplyCheck(body, {
    caseId: caseView.id,
    language: caseView.language,
    enabled: mode === 'reply',
  });
  const blocked = findings.filter(blocks);
  const toConfirm = findings.filter(needsConfirmation);
  const advice = findings.filter((f) => !blocks(f) && !needsConfirmation(f));

  const send = useMutation({
    mutationFn: (acknowledgeWarnings: boolean) => {
      // An unedited macro goes by id, so the server fills in its variables ({{customer.name}}…).
      const byMacro = macro && macro.body === body;
      return api<{ message: MessageView }>('POST', `/cases/${caseView.id}/messages`, {
        body: {
          direction: mode === 'note' ? 'note' : 'outbound',
          channel: CHANNELS.includes(caseView.channel) ? caseView.channel : 'chat',
          ...(byMacro ? { macroId: macro.id } : { body }),
          clientMessageId: `console-${crypto.randomUUID()}`,
          ...(acknowledgeWarnings ? { acknowledgeWarnings: true } : {}),
        },
      });
    },
    onSuccess: ({ message }) => {
      queryClient.setQueryData<MessageView[]>(messagesKey(caseView.id), (known = []) =>
        mergeMessages(known, [message]),
      );
      void queryClient.invalidateQueries({ queryKey: ['case', caseView.id], exact: true });
      setBody('');
      setMacro(null);
      setConfirming(false);
    },
  });

  const insertMacro = (id: string) => {
    const chosen = macros.data?.find((m) => m.id === id);
    const variant = chosen ? macroVariant(chosen, caseView.language) : undefined;
    if (!chosen || !variant) return;
    const text = body.trim() ? `${body}\n\n${variant.body}` : variant.body;
    setBody(text);
    setMacro({ id: chosen.id, body: text });
    textarea.current?.focus();
  };

  const submit = () => {
    if (!body.trim() || (mode === 'reply' && blocked.length > 0)) return;
    if (mode === 'reply' && toConfirm.length > 0 && !confirming) {
      setConfirming(true);
      return;
    }
    send.mutate(mode === 'reply' && confirming);
  };
  const label = mode === 'reply' ? t('composer.replyLabel') : t('composer.noteLabel');

  const form = (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="xs">
        {(macros.data?.length ?? 0) > 0 && (
          <NativeSelect
            label={t('composer.macro')}
            value=""
            data-testid="macro-select"
            onChange={(e) => insertMacro(e.currentTarget.value)}
            data={[
              { value: '', label: t('composer.macroChoose') },
              ...(macros.data ?? []).map((m) => ({ value: m.id, label: m.name })),
            ]}
          />
        )}
        <Textarea
          ref={textarea}
          label={label}
          description={
            mode === 'note'
              ? t('composer.noteHelp')
              : t('composer.replyHelp', { language: caseView.language })
          }
          autosize
          minRows={4}
          maxRows={14}
          value={body}
          onChange={(e) => {
            setBody(e.currentTarget.value);
            setConfirming(false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
            if (e.key === 'Escape') e.currentTarget.blur();
          }}
          data-testid="reply-body"
          styles={mode === 'note' ? { input: { background: 'var(--mantine-color-yellow-0)' } } : undefined}
        />
        {mode === 'reply' && <Highlighted body={body} findings={[...blocked, ...toConfirm]} />}
        {mode === 'reply' && findings.length > 0 && (
          <Alert
            color={blocked.length ? 'red' : 'orange'}
            role="status"
            aria-live="polite"
            data-testid="reply-findings"
            title={
              blocked.length
                ? t('composer.blocked')
                : toConfirm.length
                  ? t('composer.warned')
                  : t('composer.advice')
            }
          >
            <List size="sm">
              {[...blocked, ...toConfirm, ...advice].map((f, i) => (
                <List.Item key={`${f.kind}-${f.index ?? i}`} data-severity={f.severity}>
                  {t(`finding.${f.kind}`, { phrase: f.phrase ?? '', defaultValue: f.message })}
                  {f.suggestion ? ` ${t('composer.suggestion', { suggestion: f.suggestion })}` : ''}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {send.isError && (
          <Alert color="red" role="alert" data-testid="send-error">
            {errorMessage(send.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="xs">
          {confirming && (
            <Text size="sm" c="orange.9">
              {t('composer.confirmWarnings')}
            </Text>
          )}
          <Button
            type="submit"
            data-testid="send-reply"
            color={confirming ? 'orange.9' : undefined}
            disabled={!body.trim() || (mode === 'reply' && blocked.length > 0)}
            loading={send.isPending}
          >
            {mode === 'note'
              ? t('composer.addNote')
              : confirming
                ? t('composer.sendAnyway')
                : t('composer.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );

  return (
    <section aria-labelledby="composer-title">
      <Text id="composer-title" fw={700} component="h2" size="lg" mb="xs">
        {t('composer.title')}
      </Text>
      <Tabs value={mode} onChange={(v) => setMode((v as ComposerMode) ?? 'reply')} keepMounted={false}>
        <Tabs.List mb="xs">
          <Tabs.Tab value="reply" data-testid="composer-tab-reply" aria-keyshortcuts="r">
            {t('composer.reply')}
          </Tabs.Tab>
          <Tabs.Tab value="note" data-testid="composer-tab-note" aria-keyshortcuts="n">
            {t('composer.note')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="reply">{form}</Tabs.Panel>
        <Tabs.Panel value="note">{form}</Tabs.Panel>
      </Tabs>
    </section>
  );
}
