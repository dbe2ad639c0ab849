import { type CSSVariablesResolver, createTheme } from '@mantine/core';

// Shades chosen for WCAG AA contrast (4.5:1) of white text on filled buttons and of
// secondary text on white: Mantine's defaults (blue 6, gray 6 for "dimmed") fall short.
export const theme = createTheme({
  primaryColor: 'blue',
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
