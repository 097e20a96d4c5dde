/** kiosk.html, served at /k: the counter tablet (built on Preact, vite.respondent.config.ts). */
import KioskPage from '@/features/kiosk/components/kiosk-page';
import { mount } from './mount';

mount(<KioskPage />);
