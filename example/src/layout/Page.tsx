import { useEffect, useRef, type ReactNode } from 'react';

interface PageProps {
  title: string;
  intro: ReactNode;
  children: ReactNode;
}

/** A page's heading and body. The heading takes focus when the page opens, as a route change should. */
export function Page({ title, intro, children }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  return (
    <article className="page" aria-labelledby="page-title">
      <h2 id="page-title" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      <p className="intro">{intro}</p>
      {children}
    </article>
  );
}
