import type { ReactNode } from 'react';
import { Link } from 'react-router';
import './ui.css';

/** The top of a page: an optional back link, eyebrow and badges, the page's single h1, and an intro. */
export function PageHeader({
  title,
  titleLang,
  eyebrow,
  intro,
  back,
  children,
}: {
  title: string;
  titleLang?: string;
  eyebrow?: ReactNode;
  intro?: ReactNode;
  back?: { to: string; label: string };
  children?: ReactNode;
}) {
  return (
    <header className="page-header">
      <div className="container">
        {back ? (
          <p className="page-header__back">
            <Link to={back.to}>
              <span aria-hidden="true">← </span>
              {back.label}
            </Link>
          </p>
        ) : null}
        {eyebrow ? <div className="page-header__eyebrow">{eyebrow}</div> : null}
        <h1 lang={titleLang}>{title}</h1>
        {intro ? <div className="page-header__intro">{intro}</div> : null}
        {children}
      </div>
    </header>
  );
}
