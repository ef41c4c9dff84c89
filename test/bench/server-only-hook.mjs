// The benchmarks call DAL modules that import 'server-only' (which throws outside React's
// server condition) and next-intl (whose server condition needs React's server build, which lacks
// the hooks it imports): run under the default conditions, with 'server-only' an empty module.
import { register } from 'node:module';

const hook = `export async function resolve(specifier, context, next) {
  if (specifier === 'server-only') return { url: 'data:text/javascript,', shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
