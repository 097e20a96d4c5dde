/**
 * What each automatic flag means for one form, with the figures a supervisor checks: how long the
 * interview took against the campaign's minimum, when it happened against the campaign's days,
 * the quota it went over, how many other forms of the enumerator have the same answers.
 */
import type { FlagNote } from '@hailong/contracts';
import { minInterviewSeconds } from '../assignments/flags.ts';

export interface FlagFacts {
  startedAt: Date | null;
  completedAt: Date | null;
  settings: unknown;
  opensAt: Date;
  closesAt: Date;
  closedAt: Date | null;
  quota: number;
  /** Other forms of the same enumerator and campaign with the same answers. */
  samePattern: number;
}

const day = (d: Date) =>
  d.toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
const moment = (d: Date) => d.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });

function duration(seconds: number): { vi: string; en: string } {
  const m = Math.floor(seconds / 60);
  const s = Math.round(seconds % 60);
  return { vi: `${m} phút ${s} giây`, en: `${m} min ${s} s` };
}

function note(flag: string, f: FlagFacts): FlagNote {
  if (flag === 'short_interview' && f.startedAt && f.completedAt) {
    const took = duration((f.completedAt.getTime() - f.startedAt.getTime()) / 1000);
    const min = duration(minInterviewSeconds(f.settings));
    return {
      flag,
      vi: `Phỏng vấn quá ngắn: ${took.vi}, dưới mức tối thiểu ${min.vi} của đợt`,
      en: `Interview too short: ${took.en}, below the campaign's minimum of ${min.en}`,
    };
  }
  if (flag === 'outside_window' && f.completedAt) {
    const end = f.closedAt && f.closedAt < f.closesAt ? f.closedAt : f.closesAt;
    return {
      flag,
      vi: `Phỏng vấn lúc ${moment(f.completedAt)}, ngoài thời gian của đợt (${day(f.opensAt)} – ${day(end)})`,
      en: `Interviewed at ${f.completedAt.toISOString()}, outside the campaign (${f.opensAt.toISOString()} – ${end.toISOString()})`,
    };
  }
  if (flag === 'over_quota') {
    return {
      flag,
      vi: `Vượt chỉ tiêu ${f.quota} phiếu được giao cho điều tra viên ở địa bàn này`,
      en: `Beyond the assignment's quota of ${f.quota} forms`,
    };
  }
  if (flag === 'identical_pattern') {
    return {
      flag,
      vi: `Câu trả lời giống hệt ${f.samePattern} phiếu khác của cùng điều tra viên trong đợt`,
      en: `Same answers as ${f.samePattern} other forms by this enumerator`,
    };
  }
  return { flag, vi: flag, en: flag };
}

export function flagNotes(flags: readonly string[], f: FlagFacts): FlagNote[] {
  return flags.map((flag) => note(flag, f));
}
