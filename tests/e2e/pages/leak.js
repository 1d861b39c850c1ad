// Records the computed styles of the page's own elements before the widget is loaded and after
// two widgets (one per mount style) have mounted: window.leak = { before, after }.
const PROPS = [
  'display', 'box-sizing', 'margin-top', 'margin-bottom', 'padding-top', 'padding-left', 'border-top-width',
  'border-top-style', 'border-top-color', 'border-top-left-radius', 'background-color', 'color', 'font-family',
  'font-size', 'font-weight', 'line-height', 'list-style-type', 'outline-style', 'min-height', 'width',
  'position', 'opacity', 'font-variant-numeric', 'accent-color', 'cursor', 'grid-template-columns', 'overflow',
  'white-space', 'animation-name', 'transition-property', 'color-scheme',
];
const SELECTOR = 'html, body, main, h1, section, h2, h3, p, ul, li, dl, dt, dd, fieldset, legend, label, input, textarea, div, button, span';

function snapshot() {
  return [...document.querySelectorAll(SELECTOR)]
    .filter((el) => !el.closest('#slot'))
    .map((el, index) => {
      const style = getComputedStyle(el);
      return { index, tag: el.localName, className: el.className, style: Object.fromEntries(PROPS.map((p) => [p, style.getPropertyValue(p)])) };
    });
}

const before = snapshot();
const { mount } = await import('/embed.js');
const slot = document.getElementById('slot');
const element = document.createElement('order-help');
element.id = 'element';
element.setAttribute('order-src', '/orders/bundle.json');
element.setAttribute('now', '2025-03-20T10:00:00-07:00');
element.setAttribute('locale', 'en-US');
const div = document.createElement('div');
div.id = 'api';
slot.append(element, div);
const order = await (await fetch('/orders/multi-shipment.json')).json();
mount(div, { order, now: '2025-03-20T12:00:00-07:00', locale: 'en-US', onRequestCancel: () => new Promise(() => {}) });
await new Promise((resolve) => {
  const ready = () => window.e2e.events.filter((e) => e.type === 'ready').length >= 2;
  if (ready()) return resolve();
  document.addEventListener('order-help-ready', () => ready() && resolve());
});
window.leak = { before, after: snapshot() };
