// A page's own module importing from embed.js statically, as a host would.
import { assess, mount } from '/embed.js';
import { run } from './host-module-common.js';

run({ mount, assess });
