import { useEffect, useState, type MouseEvent, type ReactNode } from 'react';

/** A two-route router on the History API (no dependency): `/` and `/points/:id`. */
export function useLocation(): URL {
  const [url, setUrl] = useState(() => new URL(window.location.href));
  useEffect(() => {
    const update = () => setUrl(new URL(window.location.href));
    window.addEventListener('popstate', update);
    window.addEventListener('maillage:navigate', update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener('maillage:navigate', update);
    };
  }, []);
  return url;
}

export function navigate(href: string, options: { replace?: boolean } = {}): void {
  if (options.replace) window.history.replaceState(null, '', href);
  else window.history.pushState(null, '', href);
  window.dispatchEvent(new Event('maillage:navigate'));
}

export function Link({ href, children, className, ariaCurrent }: { href: string; children: ReactNode; className?: string; ariaCurrent?: 'page' }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(href);
    window.scrollTo(0, 0);
  };
  return (
    <a href={href} onClick={onClick} className={className} aria-current={ariaCurrent}>
      {children}
    </a>
  );
}
