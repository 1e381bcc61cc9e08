import { useEffect, useState, type MouseEventHandler, type ReactNode } from 'react';
import { attributeProps, classNames, contentProps, type Attributes, type TextOrHtml } from './attributes.ts';

type Common = { classes?: string; attributes?: Attributes };

export function SkipLink(props: TextOrHtml & Common & { href?: string }) {
  return <a href={props.href || '#content'} className={classNames('govuk-skip-link', props.classes)} {...attributeProps(props.attributes)} data-module="govuk-skip-link" {...contentProps(props)} />;
}

export function BackLink(props: TextOrHtml & Common & { href?: string; onClick?: MouseEventHandler<HTMLAnchorElement> }) {
  const content = props.children ?? props.html ?? props.text ? props : { text: 'Back' };
  return <a href={props.href || '#'} className={classNames('govuk-back-link', props.classes)} {...attributeProps(props.attributes)} onClick={props.onClick} {...contentProps(content)} />;
}

export interface BreadcrumbItem extends TextOrHtml {
  href?: string;
  attributes?: Attributes;
}

export function Breadcrumbs(props: Common & { items: BreadcrumbItem[]; collapseOnMobile?: boolean; labelText?: string }) {
  return (
    <nav className={classNames('govuk-breadcrumbs', props.classes, props.collapseOnMobile && 'govuk-breadcrumbs--collapse-on-mobile')} {...attributeProps(props.attributes)} aria-label={props.labelText ?? 'Breadcrumb'}>
      <ol className="govuk-breadcrumbs__list">
        {props.items.map((item, index) => item.href ? (
          <li key={index} className="govuk-breadcrumbs__list-item">
            <a className="govuk-breadcrumbs__link" href={item.href} {...attributeProps(item.attributes)} {...contentProps(item)} />
          </li>
        ) : (
          <li key={index} className="govuk-breadcrumbs__list-item" aria-current="page" {...contentProps(item)} />
        ))}
      </ol>
    </nav>
  );
}

export interface ServiceNavigationItem extends TextOrHtml {
  href?: string;
  active?: boolean;
  current?: boolean;
  attributes?: Attributes;
}

export interface ServiceNavigationProps extends Common {
  serviceName?: string;
  serviceUrl?: string;
  navigation?: (ServiceNavigationItem | null | undefined | false)[];
  navigationClasses?: string;
  navigationId?: string;
  navigationLabel?: string;
  menuButtonText?: string;
  menuButtonLabel?: string;
  collapseNavigationOnMobile?: boolean;
  ariaLabel?: string;
  /** Slots take React nodes here rather than HTML strings. */
  slots?: { start?: ReactNode; end?: ReactNode; navigationStart?: ReactNode; navigationEnd?: ReactNode };
}

/** GOV.UK Frontend's tablet breakpoint, from its CSS custom property where the stylesheet sets it. */
function tabletBreakpoint(): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue('--govuk-breakpoint-tablet').trim();
  return value || '40.0625em';
}

/**
 * On a narrow screen, whether the navigation is collapsed behind its Menu button, as GOV.UK
 * Frontend's service navigation script does it: the markup first drawn is the one without script
 * (every link shown, the button hidden), so that nothing is lost when the script does not run.
 */
function useCollapsedOnNarrowScreens(collapse: boolean) {
  const [narrow, setNarrow] = useState(false);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!collapse || typeof window.matchMedia !== 'function') return;
    const wide = window.matchMedia(`(min-width: ${tabletBreakpoint()})`);
    const check = () => setNarrow(!wide.matches);
    check();
    wide.addEventListener('change', check);
    return () => wide.removeEventListener('change', check);
  }, [collapse]);
  return { narrow: collapse && narrow, open, toggle: () => setOpen((was) => !was), close: () => setOpen(false) };
}

/** The service's name and its main sections: a council service's header (the GOV.UK header is for GOV.UK only). */
export function ServiceNavigation(props: ServiceNavigationProps) {
  const menuButtonText = props.menuButtonText || 'Menu';
  const navigationId = props.navigationId || 'navigation';
  const items = (props.navigation ?? []).filter((item): item is ServiceNavigationItem => Boolean(item));
  const collapse = props.collapseNavigationOnMobile ?? items.length > 1;
  const slots = props.slots ?? {};
  const menu = useCollapsedOnNarrowScreens(collapse);
  const inner = (
    <div className="govuk-width-container">
      {slots.start}
      <div className="govuk-service-navigation__container">
        {props.serviceName ? (
          <span className="govuk-service-navigation__service-name">
            {props.serviceUrl
              ? <a href={props.serviceUrl} className="govuk-service-navigation__link">{props.serviceName}</a>
              : <span className="govuk-service-navigation__text">{props.serviceName}</span>}
          </span>
        ) : null}
        {items.length > 0 || slots.navigationStart || slots.navigationEnd ? (
          <nav aria-label={props.navigationLabel || menuButtonText} className={classNames('govuk-service-navigation__wrapper', props.navigationClasses)}>
            {collapse ? (
              <button type="button" className="govuk-service-navigation__toggle govuk-js-service-navigation-toggle" aria-controls={navigationId}
                aria-label={props.menuButtonLabel && props.menuButtonLabel !== menuButtonText ? props.menuButtonLabel : undefined}
                hidden={!menu.narrow} aria-hidden={menu.narrow ? undefined : 'true'} aria-expanded={menu.narrow ? menu.open : undefined} onClick={menu.toggle}>
                {menuButtonText}
              </button>
            ) : null}
            {/* A link followed closes the menu, as loading the new page would. */}
            <ul className="govuk-service-navigation__list" id={navigationId} hidden={menu.narrow && !menu.open}
              onClick={(event) => { if ((event.target as HTMLElement).closest('a')) menu.close(); }}>
              {slots.navigationStart}
              {items.map((item, index) => {
                const isActive = item.active || item.current;
                const ariaCurrent = isActive ? (item.current ? 'page' : 'true') : undefined;
                const content = isActive ? { children: <strong className="govuk-service-navigation__active-fallback" {...contentProps(item)} /> } : contentProps(item);
                return (
                  <li key={index} className={classNames('govuk-service-navigation__item', isActive && 'govuk-service-navigation__item--active')}>
                    {item.href
                      ? <a className="govuk-service-navigation__link" href={item.href} aria-current={ariaCurrent} {...attributeProps(item.attributes)} {...content} />
                      : (item.html || item.text || item.children) ? <span className="govuk-service-navigation__text" aria-current={ariaCurrent} {...content} /> : null}
                  </li>
                );
              })}
              {slots.navigationEnd}
            </ul>
          </nav>
        ) : null}
      </div>
      {slots.end}
    </div>
  );
  const common = { className: classNames('govuk-service-navigation', props.classes), 'data-module': 'govuk-service-navigation', ...attributeProps(props.attributes) };
  return props.serviceName || slots.start || slots.end
    ? <section aria-label={props.ariaLabel ?? 'Service information'} {...common}>{inner}</section>
    : <div {...common}>{inner}</div>;
}

export interface FooterProps extends Common {
  meta?: { visuallyHiddenTitle?: string; items?: { href: string; text: string; attributes?: Attributes }[]; text?: string; children?: ReactNode };
  containerClasses?: string;
}

/** A council's footer: GOV.UK's layout and meta links, without the Crown or GOV.UK licence. */
export function Footer(props: FooterProps) {
  const meta = props.meta;
  return (
    <footer className={classNames('govuk-footer', props.classes)} {...attributeProps(props.attributes)}>
      <div className={classNames('govuk-width-container', props.containerClasses)}>
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            {meta?.items && meta.items.length > 0 ? (
              <>
                <h2 className="govuk-visually-hidden">{meta.visuallyHiddenTitle || 'Support links'}</h2>
                <ul className="govuk-footer__inline-list">
                  {meta.items.map((item, index) => (
                    <li key={index} className="govuk-footer__inline-list-item">
                      <a className="govuk-footer__link" href={item.href} {...attributeProps(item.attributes)}>{item.text}</a>
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
            {meta?.children ?? (meta?.text ? <div className="govuk-footer__meta-custom">{meta.text}</div> : null)}
          </div>
        </div>
      </div>
    </footer>
  );
}
