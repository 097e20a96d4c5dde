/** The standard forms shipped with hailong, in the order admins see them. */
import type { FormDefinition } from '../definition.ts';
import { sipas01 } from './sipas-01-2021-tt.ts';
import { sipas02 } from './sipas-02-2021-dvctt.ts';
import { sipasQuick } from './sipas-quick.ts';
import { sipas2024 } from './sipas-2024-national.ts';
import { staffT1 } from './staff-t1.ts';
import { staffT2 } from './staff-t2.ts';
import { staffT3 } from './staff-t3.ts';
import { staffT4 } from './staff-t4.ts';
import { staffT5 } from './staff-t5.ts';
import { staffT6 } from './staff-t6.ts';

export { sipas01, sipas02, sipasQuick, sipas2024, staffT1, staffT2, staffT3, staffT4, staffT5, staffT6 };

export const standardForms: FormDefinition[] = [
  sipas01,
  sipas02,
  sipasQuick,
  sipas2024,
  staffT1,
  staffT2,
  staffT3,
  staffT4,
  staffT5,
  staffT6,
];
