import type { Theme } from '../theme';

interface ThemeToggleProps {
  theme: Theme;
  onChange: (theme: Theme) => void;
}

/** Dark mode: restyles the dashboard and, through `appearance`, Stripe's components in place. */
export function ThemeToggle({ theme, onChange }: ThemeToggleProps) {
  return (
    <button type="button" className="toggle" aria-pressed={theme === 'dark'} onClick={() => onChange(theme === 'dark' ? 'light' : 'dark')}>
      Dark mode <span aria-hidden="true">{theme === 'dark' ? 'on' : 'off'}</span>
    </button>
  );
}
