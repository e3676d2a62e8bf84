// A uPlot chart as a React component. uPlot (https://github.com/leeoniya/uPlot, MIT): small
// (~50 kB), fast on canvas, no dependencies, and it styles its DOM through the CSSOM only, so
// it works under the app's CSP (no inline <style>). The canvas is hidden from assistive
// technology; every chart is paired with a data table and a text summary by its caller.
import { useEffect, useEffectEvent, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { readChartTheme, useColorScheme, type ChartTheme } from './chart-theme.js';

export interface ChartProps {
  /** Builds the options for the current theme and width; data is given separately. */
  readonly options: (theme: ChartTheme, width: number) => Omit<uPlot.Options, 'width'>;
  readonly data: uPlot.AlignedData;
  /** Changes when the series change (their number or meaning): the chart is rebuilt. */
  readonly shape: string;
}

export function UPlotChart({ options, data, shape }: ChartProps) {
  const box = useRef<HTMLDivElement | null>(null);
  const plot = useRef<uPlot | null>(null);
  const scheme = useColorScheme();
  const build = useEffectEvent((theme: ChartTheme, width: number) => options(theme, width));

  // (Re)build for a new shape or theme; data updates in place below.
  useEffect(() => {
    const element = box.current;
    if (element === null) return;
    const width = Math.max(200, element.clientWidth);
    const chart = new uPlot({ ...build(readChartTheme(), width), width }, data, element);
    plot.current = chart;
    const observer = new ResizeObserver(() => {
      const next = Math.max(200, element.clientWidth);
      if (next !== chart.width) chart.setSize({ width: next, height: chart.height });
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.destroy();
      plot.current = null;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- data is applied by the effect below
  }, [shape, scheme]);

  useEffect(() => {
    plot.current?.setData(data);
  }, [data]);

  return <div ref={box} className="chart" aria-hidden="true" />;
}
