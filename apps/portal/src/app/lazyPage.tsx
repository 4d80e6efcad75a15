import { lazy, type ComponentType } from 'react';

/** A page loaded when first visited; its module names the page as an export. */
export function lazyPage<Name extends string>(load: () => Promise<Record<Name, ComponentType>>, name: Name) {
  return lazy(async () => ({ default: (await load())[name] }));
}
