import { Alert, Anchor, Button, Center, Divider, Grid, Group, Loader, Paper, Stack } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../apps/console/session';
import { errorMessage } from '../../ui/api';
import { CaseActions } from './CaseActions';
import { CaseItems, PolicyDecision, ShipmentAndRefunds } from './CaseDetails';
import { CaseHeader } from './CaseHeader';
import { Composer, type ComposerHandle } from './Composer';
import { Conversation } from './Conversation';
import { CustomerHistory } from './CustomerHistory';
import { useCase } from './case-api';
import { useShortcuts } from './keyboard';
import { ShortcutsHelp } from './ShortcutsHelp';
import { CaseTimeline } from './Timeline';

/** One case: the conversation and the reply on the left, what to decide and do on the right. */
export function CasePage() {
  const { t } = useTranslation('console');
  const { caseId } = useParams({ strict: false }) as { caseId: string };
  const navigate = useNavigate();
  const me = useMe().data;
  const found = useCase(caseId);
  const composer = useRef<ComposerHandle>(null);
  const [help, { open: openHelp, close: closeHelp }] = useDisclosure(false);

  useShortcuts({
    r: (e) => {
      e.preventDefault();
      composer.current?.focus('reply');
    },
    n: (e) => {
      e.preventDefault();
      composer.current?.focus('note');
    },
    Escape: () => {
      if (!document.querySelector('[role="dialog"]')) void navigate({ to: '/' });
    },
    '?': openHelp,
  });

  if (found.isPending)
    return (
      <Center p="xl">
        <Loader aria-label={t('common:loading')} />
      </Center>
    );
  if (found.isError)
    return (
      <Stack>
        <Anchor component={Link} to="/">
          {t('case.back')}
        </Anchor>
        <Alert color="red" role="alert" title={t('common:error')}>
          {errorMessage(found.error)}
        </Alert>
      </Stack>
    );
  const caseView = found.data;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Anchor component={Link} to="/" aria-keyshortcuts="Escape">
          ← {t('case.back')}
        </Anchor>
        <Button variant="subtle" size="xs" onClick={openHelp} aria-keyshortcuts="?">
          {t('shortcuts.open')}
        </Button>
      </Group>
      <CaseHeader caseView={caseView} meId={me?.id} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <section aria-labelledby="case-conversation">
              <h2
                id="case-conversation"
                style={{ fontSize: 'var(--mantine-h4-font-size)', margin: '0 0 8px' }}
              >
                {t('conversation.title')}
              </h2>
              <Conversation caseId={caseView.id} />
            </section>
            <Paper withBorder p="md">
              <Composer caseView={caseView} handle={composer} />
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <Paper withBorder p="md">
              <CaseActions caseView={caseView} me={me} />
            </Paper>
            <Paper withBorder p="md">
              <Stack gap="md">
                <CaseItems caseView={caseView} />
                <PolicyDecision caseView={caseView} />
                <ShipmentAndRefunds caseView={caseView} />
              </Stack>
            </Paper>
            <Paper withBorder p="md">
              <CustomerHistory caseView={caseView} />
            </Paper>
            <Divider />
            <CaseTimeline caseView={caseView} />
          </Stack>
        </Grid.Col>
      </Grid>
      <ShortcutsHelp
        opened={help}
        onClose={closeHelp}
        keys={[
          { keys: ['r'], label: t('shortcuts.reply') },
          { keys: ['n'], label: t('shortcuts.note') },
          { keys: ['a'], label: t('shortcuts.approve') },
          { keys: ['Esc'], label: t('shortcuts.back') },
          { keys: ['?'], label: t('shortcuts.help') },
        ]}
      />
    </Stack>
  );
}
