import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { nameOrNone, REPORT_LABELS, type ReportLabels, reasonLabel } from './report-labels.js';
import type { WeeklyQualityReport } from './weekly-report.js';

// The report's charts as SVG, rendered on the server by Apache ECharts (the project's chart
// library), so the HTML needs no script and prints as drawn. ECharts escapes the text it puts
// into the SVG.
echarts.use([BarChart, LineChart, GridComponent, LegendComponent, SVGRenderer]);

export const CHART_COLOURS = { returned: '#c0504d', rate: '#1f4e79', delivered: '#9bbbd9' } as const;
const FONT = 'Helvetica, Arial, sans-serif';

function render(width: number, height: number, option: Record<string, unknown>): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: FONT, fontSize: 11 }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const percentAxis = {
  type: 'value',
  axisLabel: { formatter: (v: number) => `${Math.round(v * 1000) / 10} %` },
};

/** Units returned per week as bars, the return rate as a line on its own axis. */
export function trendChartSvg(report: WeeklyQualityReport, labels: ReportLabels = REPORT_LABELS): string {
  return render(720, 260, {
    legend: { top: 0 },
    grid: { left: 48, right: 56, top: 32, bottom: 40 },
    xAxis: { type: 'category', data: report.trend.map((w) => w.week.slice(5)) },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { ...percentAxis, splitLine: { show: false } },
    ],
    series: [
      {
        name: labels.unitsReturned,
        type: 'bar',
        itemStyle: { color: CHART_COLOURS.returned },
        data: report.trend.map((w) => w.unitsReturned),
      },
      {
        name: labels.returnRate,
        type: 'line',
        yAxisIndex: 1,
        itemStyle: { color: CHART_COLOURS.rate },
        data: report.trend.map((w) => w.returnRate),
      },
    ],
  });
}

/** Return rate of the categories with most units returned, as horizontal bars. */
export function categoryChartSvg(
  report: WeeklyQualityReport,
  labels: ReportLabels = REPORT_LABELS,
): string | null {
  const rows = report.returnRateByCategory
    .filter((c) => c.unitsReturned > 0)
    .slice(0, 12)
    .reverse();
  if (rows.length === 0) return null;
  return render(720, 40 + rows.length * 24, {
    grid: { left: 185, right: 40, top: 8, bottom: 28 },
    xAxis: percentAxis,
    yAxis: { type: 'category', data: rows.map((c) => truncate(nameOrNone(c.category, labels), 24)) },
    series: [
      {
        name: labels.returnRate,
        type: 'bar',
        itemStyle: { color: CHART_COLOURS.returned },
        data: rows.map((c) => c.returnRate ?? 0),
      },
    ],
  });
}

/** Units returned per reason, as horizontal bars. */
export function reasonChartSvg(
  report: WeeklyQualityReport,
  labels: ReportLabels = REPORT_LABELS,
): string | null {
  const rows = report.topReasons.slice(0, 10).reverse();
  if (rows.length === 0) return null;
  return render(720, 40 + rows.length * 24, {
    grid: { left: 185, right: 40, top: 8, bottom: 28 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: rows.map((r) => truncate(reasonLabel(r.reason, labels), 24)) },
    series: [
      {
        name: labels.unitsReturned,
        type: 'bar',
        itemStyle: { color: CHART_COLOURS.rate },
        data: rows.map((r) => r.unitsReturned),
      },
    ],
  });
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
