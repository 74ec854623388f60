/** Hash routes, so a reload keeps the screen: #/ (overview), #/entity/<id>, #/bulletins/<id>, and the other screens. */
import { useEffect, useState } from 'react';

const SCREENS = ['workbench', 'dashboard', 'checks', 'annotations', 'settings', 'briefings', 'bulletins', 'import', 'tables'] as const;
export type Screen = (typeof SCREENS)[number];

export type Route = { name: 'overview' } | { name: 'entity'; id: string } | { name: 'bulletin'; id: number } | { name: Screen };

export function parseRoute(hash: string): Route {
  const match = /^#\/entity\/([a-z0-9-]+)$/.exec(hash);
  if (match) return { name: 'entity', id: match[1]! };
  const bulletin = /^#\/bulletins\/([1-9]\d{0,14})$/.exec(hash);
  if (bulletin) return { name: 'bulletin', id: Number(bulletin[1]) };
  // A screen may carry a query (#/workbench?city=440300: the workbench filtered by a city).
  const screen = SCREENS.find((s) => hash.split('?')[0] === `#/${s}`);
  return screen ? { name: screen } : { name: 'overview' };
}

export function hrefFor(route: Route): string {
  if (route.name === 'entity') return `#/entity/${route.id}`;
  if (route.name === 'bulletin') return `#/bulletins/${route.id}`;
  return route.name === 'overview' ? '#/' : `#/${route.name}`;
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

/** A parameter of the current hash route's query (#/workbench?city=440300 → city: 440300). */
export function routeParam(name: string): string | undefined {
  const query = window.location.hash.split('?')[1];
  return query ? (new URLSearchParams(query).get(name) ?? undefined) : undefined;
}
