import type { ChartTheme, LegendItem } from './chart';

const PADDING = 16;
const TITLE_HEIGHT = 28;
const LEGEND_ROW = 20;
const SCALE = 2;
const FONT = '12px ui-sans-serif, system-ui, sans-serif';

/** Serialises one SVG with its computed colours inlined, so it renders the same outside the page. */
function svgImage(svg: SVGSVGElement): Promise<HTMLImageElement> {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const source = svg.querySelectorAll<SVGElement>('*');
  const target = clone.querySelectorAll<SVGElement>('*');
  source.forEach((element, i) => {
    const computed = getComputedStyle(element);
    const copy = target[i];
    if (!copy) return;
    for (const property of ['fill', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity', 'fill-opacity', 'font-size', 'font-family', 'font-weight']) {
      copy.style.setProperty(property, computed.getPropertyValue(property));
    }
  });
  const { width, height } = svg.getBoundingClientRect();
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(clone))}`;
  return image.decode().then(() => image);
}

/**
 * Draws the charts inside `container` onto a canvas — every SVG at its place, plus any element marked
 * `data-chart-label` (small-multiple titles) — under a title and above a legend, then downloads a PNG.
 */
export async function downloadChartPng(container: HTMLElement, options: { fileName: string; title: string; legend: LegendItem[]; theme: ChartTheme }): Promise<void> {
  const { theme } = options;
  const box = container.getBoundingClientRect();
  const svgs = [...container.querySelectorAll<SVGSVGElement>('svg.recharts-surface, svg[data-chart-svg]')];
  const labels = [...container.querySelectorAll<HTMLElement>('[data-chart-label]')];
  if (svgs.length === 0) throw new Error('nothing to export');
  const images = await Promise.all(svgs.map(svgImage));

  const legendHeight = options.legend.length > 0 ? LEGEND_ROW * Math.ceil(options.legend.length / 5) + 8 : 0;
  const width = box.width + 2 * PADDING;
  const height = TITLE_HEIGHT + box.height + legendHeight + 2 * PADDING;
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(width * SCALE);
  canvas.height = Math.ceil(height * SCALE);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no canvas');
  ctx.scale(SCALE, SCALE);
  ctx.fillStyle = theme.surface;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = theme.ink;
  ctx.font = `600 14px ui-sans-serif, system-ui, sans-serif`;
  ctx.fillText(options.title, PADDING, PADDING + 14);

  const top = PADDING + TITLE_HEIGHT;
  svgs.forEach((svg, i) => {
    const r = svg.getBoundingClientRect();
    ctx.drawImage(images[i]!, PADDING + r.left - box.left, top + r.top - box.top, r.width, r.height);
  });
  ctx.font = FONT;
  for (const label of labels) {
    const r = label.getBoundingClientRect();
    ctx.fillStyle = getComputedStyle(label).color || theme.ink;
    ctx.fillText(label.textContent ?? '', PADDING + r.left - box.left, top + r.top - box.top + 12);
  }

  const columnWidth = (width - 2 * PADDING) / 5;
  options.legend.forEach((item, i) => {
    const x = PADDING + (i % 5) * columnWidth;
    const y = top + box.height + 8 + Math.floor(i / 5) * LEGEND_ROW;
    ctx.fillStyle = item.color;
    ctx.strokeStyle = item.color;
    if (item.hollow) ctx.strokeRect(x + 1, y + 1, 8, 8);
    else ctx.fillRect(x, y, 10, 10);
    ctx.fillStyle = theme.muted;
    ctx.fillText(item.label, x + 16, y + 9, columnWidth - 20);
  });

  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('no image');
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = options.fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
