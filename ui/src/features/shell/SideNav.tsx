import { NavLink } from 'react-router-dom';
import type { NavSection } from './navigation';

export function SideNav({ sections }: { sections: NavSection[] }) {
  return (
    <nav className="side-nav" aria-label="Main">
      {sections.map((section, index) => (
        <div className="side-nav-section" key={section.label ?? index}>
          {section.label && (
            <p className="side-nav-label" id={`nav-section-${index}`}>
              {section.label}
            </p>
          )}
          <ul aria-labelledby={section.label ? `nav-section-${index}` : undefined}>
            {section.items.map((item) => (
              <li key={item.path}>
                <NavLink to={item.path} end={item.path === '/'} className="side-nav-link">
                  {item.title}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
