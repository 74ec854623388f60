/** Hash routes, so a reload keeps the screen: #/ (overview), #/entity/<id> and #/import. */
import { useEffect, useState } from 'react';

export type Route = { name: 'overview' } | { name: 'entity'; id: string } | { name: 'briefings' } | { name: 'import' };

export function parseRoute(hash: string): Route {
  if (hash === '#/briefings') return { name: 'briefings' };
  if (hash === '#/import') return { name: 'import' };
  const match = /^#\/entity\/([a-z0-9-]+)$/.exec(hash);
  return match ? { name: 'entity', id: match[1]! } : { name: 'overview' };
}

export function hrefFor(route: Route): string {
  if (route.name === 'briefings') return '#/briefings';
  if (route.name === 'import') return '#/import';
  return route.name === 'entity' ? `#/entity/${route.id}` : '#/';
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
