import { useEffect, useRef } from 'react';
import { init, use as registerEchartsParts } from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { breakAfterTsheg } from '../../lib/tibetan';

registerEchartsParts([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export type BarDatum = { name: string; value: number };

/**
 * A bar chart drawn on canvas. Screen readers get `label` (the numbers in words) through role="img";
 * the canvas uses the page's font stack, so Tibetan community names draw with the Tibetan font.
 */
export default function VolunteersChart({ data, label, seriesName }: { data: BarDatum[]; label: string; seriesName: string }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = init(element);
    const draw = () =>
      chart.setOption(
        {
          textStyle: { fontFamily: getComputedStyle(element).fontFamily },
          grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
          tooltip: { trigger: 'axis' },
          xAxis: {
            type: 'category',
            // ECharts' own wrapping would cut Tibetan stacks apart on the canvas.
            data: data.map((d) => breakAfterTsheg(d.name)),
            axisLabel: { interval: 0, color: '#333333', lineHeight: 22 },
          },
          yAxis: { type: 'value', axisLabel: { color: '#333333' } },
          series: [
            {
              type: 'bar',
              name: seriesName,
              data: data.map((d) => d.value),
              itemStyle: { color: '#0a58ca' },
              label: { show: true, position: 'top', color: '#1f1f1f' },
            },
          ],
        },
        true,
      );
    draw();
    // Redraw once web fonts (Tibetan) are in, since a canvas does not update by itself.
    void document.fonts?.ready.then(() => {
      if (!chart.isDisposed()) draw();
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [data, seriesName]);

  return <div ref={ref} className="console-chart" role="img" aria-label={label} />;
}
