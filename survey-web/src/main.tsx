/** index.html: the staff console (React; the respondent apps are src/app/entries on Preact). */
import { App } from '@/app/app';
import { mount } from '@/app/entries/mount';

mount(<App />);
