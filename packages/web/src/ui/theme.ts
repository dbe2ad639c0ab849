import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from '@mantine/core';

// Shades chosen for WCAG AA contrast (4.5:1) of white text on filled buttons and of
// secondary text on white: Mantine's defaults (blue 6, gray 6 for "dimmed", white on
// orange 9, green 8 and 9) fall short. autoContrast puts dark text on light fills (yellow badges).
const orange: MantineColorsTuple = [
  '#fff4e6',
  '#ffe8cc',
  '#ffd8a8',
  '#ffc078',
  '#ffa94d',
  '#ff922b',
  '#fd7e14',
  '#f76707',
  '#e8590c',
  '#c2410c',
];

const green: MantineColorsTuple = [
  '#ebfbee',
  '#d3f9d8',
  '#b2f2bb',
  '#8ce99a',
  '#69db7c',
  '#51cf66',
  '#40c057',
  '#37b24d',
  '#26803a',
  '#1e6b30',
];

export const theme = createTheme({
  primaryColor: 'blue',
  colors: { orange, green },
  autoContrast: true,
  primaryShade: { light: 8, dark: 5 },
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "PingFang SC", "Hiragino Sans", "Microsoft YaHei", sans-serif',
});

export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    '--mantine-color-placeholder': t.colors.gray[7] ?? '#495057',
  },
  dark: {},
});
