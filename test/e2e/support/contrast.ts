/**
 * WCAG 2 contrast of what a page shows, from the browser's computed colours: every visible piece of text (text
 * nodes, input values and placeholders) against its effective background, found by walking up the ancestors and
 * compositing their background colours until one is opaque. 4.5:1 for text, 3:1 for large text (24 px, or 18.66 px
 * bold). Disabled controls are exempt, as WCAG 1.4.3 says.
 * https://www.w3.org/TR/WCAG22/#contrast-minimum, https://www.w3.org/TR/WCAG22/#dfn-relative-luminance
 */
import type { Page } from '@playwright/test';

export interface ContrastFailure {
  text: string;
  where: string;
  fg: string;
  bg: string;
  ratio: number;
  required: number;
}

export interface ContrastReport {
  /** How many pieces of text were measured: a check that saw nothing proves nothing. */
  checked: number;
  failures: ContrastFailure[];
}

export async function measureContrast(page: Page): Promise<ContrastReport> {
  return page.evaluate(() => {
    type Rgba = [number, number, number, number];
    const canvas = new OffscreenCanvas(1, 1);
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (!context) throw new Error('No 2D canvas to read colours with.');
    // Any CSS colour the browser computes (rgb(), rgba(), color(srgb …), oklch() …) in sRGB bytes, through a canvas.
    const parse = (css: string): Rgba => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = '#000';
      context.fillStyle = css;
      context.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0, a = 0] = context.getImageData(0, 0, 1, 1).data;
      return [r, g, b, a / 255];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3] + bottom[3] * (1 - top[3]);
      if (a === 0) return [0, 0, 0, 0];
      const mix = (i: 0 | 1 | 2) => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a;
      return [mix(0), mix(1), mix(2), a];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const channel = (v: number) => {
        const c = v / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const ratio = (a: Rgba, b: Rgba) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
      return (hi + 0.05) / (lo + 0.05);
    };
    const hex = ([r, g, b]: Rgba) => `#${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;
    const describe = (el: Element) => {
      const parts: string[] = [];
      for (let e: Element | null = el; e && parts.length < 4; e = e.parentElement) {
        const id = e.id ? `#${e.id}` : '';
        const classes = [...e.classList].map((c) => `.${c}`).join('');
        parts.unshift(`${e.tagName.toLowerCase()}${id}${classes}`);
      }
      return parts.join(' > ');
    };

    /** The colour behind `el`: its own and its ancestors' backgrounds, composited down to the first opaque one. */
    const background = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let e: Element | null = el; e; e = e.parentElement) {
        const colour = parse(getComputedStyle(e).backgroundColor);
        if (colour[3] > 0) layers.push(colour);
        if (colour[3] >= 1) break;
      }
      // Nothing opaque up to the root: the canvas, which the page's color-scheme decides.
      const canvasColour: Rgba = matchMedia('(prefers-color-scheme: dark)').matches && getComputedStyle(document.documentElement).colorScheme.includes('dark') ? [18, 18, 18, 1] : [255, 255, 255, 1];
      return layers.reduceRight<Rgba>((below, layer) => over(layer, below), canvasColour);
    };
    /** Opacity of the element and its ancestors: it fades the text into what is behind. */
    const opacity = (el: Element) => {
      let value = 1;
      for (let e: Element | null = el; e; e = e.parentElement) value *= Number(getComputedStyle(e).opacity);
      return value;
    };
    const disabled = (el: Element) => el.closest(':disabled, [aria-disabled="true"]') !== null;
    const visible = (el: Element) => {
      if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
      const box = el.getBoundingClientRect();
      // Visually hidden text (1 px, clipped) is for screen readers.
      return box.width > 1 && box.height > 1 && getComputedStyle(el).clip !== 'rect(0px, 0px, 0px, 0px)';
    };
    const required = (style: CSSStyleDeclaration) => {
      const size = parseFloat(style.fontSize);
      const bold = Number(style.fontWeight) >= 700;
      return size >= 24 || (bold && size >= 18.66) ? 3 : 4.5;
    };

    const failures: ContrastFailure[] = [];
    let checked = 0;
    const check = (el: Element, text: string, colour: string) => {
      if (!visible(el) || disabled(el)) return;
      const style = getComputedStyle(el);
      const bg = background(el);
      const fgRaw = parse(colour);
      const fg = over([fgRaw[0], fgRaw[1], fgRaw[2], fgRaw[3] * opacity(el)], bg);
      const value = ratio(fg, bg);
      checked += 1;
      const need = required(style);
      if (value < need) failures.push({ text: text.trim().slice(0, 60), where: describe(el), fg: hex(fg), bg: hex(bg), ratio: Math.round(value * 100) / 100, required: need });
    };

    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const el = node.parentElement;
      if (text.trim() === '' || !el || el.closest('script, style, noscript')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const box = range.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;
      check(el, text, getComputedStyle(el).color);
    }
    for (const field of document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input:not([type=checkbox]):not([type=radio]):not([type=hidden]), textarea')) {
      if (field.value !== '') check(field, field.value, getComputedStyle(field).color);
      else if (field.placeholder !== '') check(field, field.placeholder, getComputedStyle(field, '::placeholder').color);
    }
    return { checked, failures };
  });
}
