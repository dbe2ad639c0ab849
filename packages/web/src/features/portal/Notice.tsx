import { Alert, type AlertProps } from '@mantine/core';

type Props = Omit<AlertProps, 'color'> & {
  color: 'red' | 'green' | 'blue' | 'orange';
  'data-testid'?: string;
};

/**
 * Mantine's light Alert with its title in the text colour: the coloured title is below
 * 4.5:1 on the tinted background even in the darkest shade (green 9 on green: 3.8:1).
 */
export function Notice({ color, styles, ...props }: Props) {
  return (
    <Alert
      color={color}
      variant="light"
      styles={{ title: { color: 'var(--mantine-color-text)' }, ...(styles as object) }}
      {...props}
    />
  );
}
