// The one script a help page loads. It starts the wasm and defines <order-help>.
import init, { mount } from './order-help.js';

await init();

class OrderHelpElement extends HTMLElement {
  connectedCallback() {
    if (!this.shadowRoot) mount(this);
  }
}

if (!customElements.get('order-help')) customElements.define('order-help', OrderHelpElement);
