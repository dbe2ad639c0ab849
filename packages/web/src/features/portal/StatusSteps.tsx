import { Box, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { RETURN_STEPS, type ReturnStep } from './case-progress';

/** The return's steps as an ordered list: done, current (aria-current="step"), to come. */
export function StatusSteps({ current, kind }: { current: ReturnStep; kind: string }) {
  const { t } = useTranslation('portal');
  const index = RETURN_STEPS.indexOf(current);
  const steps =
    kind === 'refund_only'
      ? RETURN_STEPS.filter((s) => !['in_transit', 'received', 'inspected'].includes(s))
      : RETURN_STEPS;
  return (
    <Box
      component="ol"
      aria-label={t('case.stepsLabel')}
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      data-testid="case-steps"
    >
      {steps.map((step, i) => {
        const at = RETURN_STEPS.indexOf(step);
        // The last step reached is over, not under way: it shows as done (and stays the current one).
        const state =
          at < index || (at === index && current === 'done') ? 'done' : at === index ? 'current' : 'todo';
        return (
          <Box
            component="li"
            key={step}
            aria-current={at === index ? 'step' : undefined}
            style={{ position: 'relative', paddingBottom: i < steps.length - 1 ? 12 : 0 }}
          >
            <Group gap="sm" wrap="nowrap" align="center">
              <ThemeIcon
                radius="xl"
                size={28}
                variant={state === 'todo' ? 'outline' : 'filled'}
                color={state === 'done' ? 'green.9' : state === 'current' ? 'blue.8' : 'gray.7'}
                aria-hidden
              >
                <Text span size="sm" fw={700}>
                  {state === 'done' ? '✓' : i + 1}
                </Text>
              </ThemeIcon>
              <Stack gap={0}>
                <Text fw={at === index ? 700 : 400}>
                  {t(step === 'done' ? `step.done_${kind}` : `step.${step}`)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`stepState.${state}`)}
                </Text>
              </Stack>
            </Group>
          </Box>
        );
      })}
    </Box>
  );
}
