/** enumerator.html, served at /e: the enumerator app (built on Preact, vite.respondent.config.ts). */
import EnumeratorPage from '@/features/enumerator/components/enumerator-page';
import { mount } from './mount';

mount(<EnumeratorPage />);
