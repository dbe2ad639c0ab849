import { ActionIcon, Button, Fieldset, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CalendarSpec,
  parsePeriods,
  periodsText,
  timeZones,
  WEEKDAYS,
  type Weekday,
} from './calendar-spec';

/** Name, time zone, working hours per weekday, public holidays and closures of one calendar. */
export function CalendarForm({
  initialName,
  initialSpec,
  saving,
  onSave,
  onCancel,
}: {
  initialName: string;
  initialSpec: CalendarSpec;
  saving: boolean;
  onSave: (name: string, spec: CalendarSpec) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation(['admin', 'common']);
  const zones = useMemo(() => timeZones(), []);
  const [name, setName] = useState(initialName);
  const [spec, setSpec] = useState<CalendarSpec>(initialSpec);
  const [hours, setHours] = useState<Record<Weekday, string>>(
    () =>
      Object.fromEntries(WEEKDAYS.map((d) => [d, periodsText(initialSpec.week[d])])) as Record<
        Weekday,
        string
      >,
  );
  const parsed = Object.fromEntries(WEEKDAYS.map((d) => [d, parsePeriods(hours[d])])) as Record<
    Weekday,
    [string, string][] | null
  >;
  const valid = name.trim() !== '' && WEEKDAYS.every((d) => parsed[d] !== null);
  const closures = spec.closures ?? [];
  const setClosures = (next: NonNullable<CalendarSpec['closures']>) => setSpec({ ...spec, closures: next });

  const submit = () => {
    const week = Object.fromEntries(
      WEEKDAYS.filter((d) => (parsed[d] ?? []).length > 0).map((d) => [d, parsed[d]]),
    ) as CalendarSpec['week'];
    const cleanClosures = closures.map(({ name: label, ...c }) =>
      label?.trim() ? { ...c, name: label.trim() } : c,
    );
    onSave(name.trim(), { ...spec, week, closures: cleanClosures });
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) submit();
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('calendars.name')}
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Select
            label={t('calendars.timeZone')}
            data={zones}
            searchable
            allowDeselect={false}
            value={spec.timeZone}
            onChange={(v) => v && setSpec({ ...spec, timeZone: v })}
          />
        </SimpleGrid>
        <Fieldset legend={t('calendars.hours')}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            {WEEKDAYS.map((d) => (
              <TextInput
                key={d}
                label={t(`weekdays.${d}`)}
                placeholder={t('calendars.closed')}
                value={hours[d]}
                error={parsed[d] === null ? t('calendars.hoursInvalid') : undefined}
                onChange={(e) => setHours({ ...hours, [d]: e.currentTarget.value })}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('calendars.holidayCountry')}
            description={t('calendars.holidayCountryHelp')}
            maxLength={2}
            value={spec.holidays?.country ?? ''}
            onChange={(e) => {
              const country = e.currentTarget.value.toUpperCase();
              setSpec({ ...spec, holidays: country ? { ...spec.holidays, country } : null });
            }}
          />
          <TextInput
            label={t('calendars.holidayRegion')}
            disabled={!spec.holidays?.country}
            value={spec.holidays?.region ?? ''}
            onChange={(e) => {
              const region = e.currentTarget.value.toUpperCase();
              if (!spec.holidays) return;
              const { region: _old, ...rest } = spec.holidays;
              setSpec({ ...spec, holidays: region ? { ...rest, region } : rest });
            }}
          />
        </SimpleGrid>
        <Fieldset legend={t('calendars.closures')}>
          <Stack gap="xs">
            {closures.map((c, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: closures have no id
              <Group key={index} gap="xs" align="flex-end" wrap="wrap">
                <TextInput
                  type="date"
                  label={t('calendars.closureFrom')}
                  value={c.from}
                  onChange={(e) =>
                    setClosures(
                      closures.map((x, i) => (i === index ? { ...x, from: e.currentTarget.value } : x)),
                    )
                  }
                />
                <TextInput
                  type="date"
                  label={t('calendars.closureTo')}
                  value={c.to}
                  onChange={(e) =>
                    setClosures(
                      closures.map((x, i) => (i === index ? { ...x, to: e.currentTarget.value } : x)),
                    )
                  }
                />
                <TextInput
                  label={t('calendars.closureName')}
                  value={c.name ?? ''}
                  onChange={(e) =>
                    setClosures(
                      closures.map((x, i) => (i === index ? { ...x, name: e.currentTarget.value } : x)),
                    )
                  }
                />
                <ActionIcon
                  variant="default"
                  size="lg"
                  aria-label={t('calendars.removeClosure', { from: c.from })}
                  onClick={() => setClosures(closures.filter((_, i) => i !== index))}
                >
                  ×
                </ActionIcon>
              </Group>
            ))}
            <Group>
              <Button
                size="xs"
                variant="default"
                onClick={() => {
                  const today = new Date().toISOString().slice(0, 10);
                  setClosures([...closures, { from: today, to: today }]);
                }}
              >
                {t('calendars.addClosure')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" disabled={!valid} loading={saving}>
            {t('common:save')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common:cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
