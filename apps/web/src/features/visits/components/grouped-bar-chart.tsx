import { useEffect, useRef } from 'react';
import { init, use as registerEchartsParts } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { breakAfterTsheg } from '../../../lib/tibetan';

registerEchartsParts([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type BarSeries = { name: string; values: number[]; color: string };

/**
 * Bars per category with one or more series (coverage per grid, figures per period), on canvas. Screen readers
 * get `label` (the numbers in words) through role="img"; a table beside it carries the same numbers.
 */
export default function GroupedBarChart({
  categories,
  series,
  label,
  height = 320,
}: {
  categories: string[];
  series: BarSeries[];
  label: string;
  height?: number;
}) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = init(element);
    const draw = () =>
      chart.setOption(
        {
          textStyle: { fontFamily: getComputedStyle(element).fontFamily },
          grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
          tooltip: { trigger: 'axis' },
          legend: { top: 0, textStyle: { color: '#1f1f1f' } },
          xAxis: {
            type: 'category',
            data: categories.map((c) => breakAfterTsheg(c)),
            axisLabel: { interval: 0, color: '#333333', lineHeight: 22 },
          },
          yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#333333' } },
          series: series.map((s) => ({
            type: 'bar',
            name: s.name,
            data: s.values,
            itemStyle: { color: s.color },
            label: { show: true, position: 'top', color: '#1f1f1f' },
          })),
        },
        true,
      );
    draw();
    void document.fonts?.ready.then(() => {
      if (!chart.isDisposed()) draw();
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [categories, series]);

  return <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
