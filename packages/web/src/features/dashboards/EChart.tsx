import { Box, Table, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { type ChartOption, echarts } from './echarts';

/** The figures behind a chart, as a table for screen readers (and for tests). */
export interface ChartTable {
  caption: string;
  columns: string[];
  rows: (string | number)[][];
}

/**
 * One ECharts chart: created on its div, given each new option, resized with its box and
 * disposed of on unmount. The drawing is hidden from assistive technology behind its
 * label; the same figures are there as a visually hidden table.
 */
export function EChart({
  option,
  label,
  table,
  height = 320,
}: {
  option: ChartOption;
  label: string;
  table: ChartTable;
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const instance = echarts.init(element, undefined, { renderer: 'svg' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <Box component="figure" m={0}>
      <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />
      <VisuallyHidden>
        <Table>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.join('|')}>
                {row.map((cell, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                  <td key={i}>{cell}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </VisuallyHidden>
    </Box>
  );
}
