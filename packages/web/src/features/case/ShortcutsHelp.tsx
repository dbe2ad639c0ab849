import { Kbd, Modal, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The page's single-key shortcuts, opened with "?". */
export function ShortcutsHelp({
  opened,
  onClose,
  keys,
}: {
  opened: boolean;
  onClose: () => void;
  keys: { keys: string[]; label: string }[];
}) {
  const { t } = useTranslation('console');
  return (
    <Modal opened={opened} onClose={onClose} title={t('shortcuts.title')}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('shortcuts.key')}</Table.Th>
            <Table.Th>{t('shortcuts.action')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((k) => (
            <Table.Tr key={k.label}>
              <Table.Td>
                {k.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && ' / '}
                    <Kbd>{key}</Kbd>
                  </span>
                ))}
              </Table.Td>
              <Table.Td>{k.label}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
