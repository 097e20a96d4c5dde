/** Renders a front door's root component into #root (every HTML entry has one). */
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import '@/app/global.css';

export function mount(app: ReactNode): void {
  const root = document.getElementById('root');
  if (root) createRoot(root).render(<StrictMode>{app}</StrictMode>);
}
