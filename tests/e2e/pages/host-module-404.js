// host-module.js for the bundle whose wasm file answers 404 (/no-wasm/).
import { assess, mount } from '/no-wasm/embed.js';
import { run } from './host-module-common.js';

run({ mount, assess });
