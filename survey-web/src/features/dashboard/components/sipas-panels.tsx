/**
 * A SIPAS campaign's page: where its work is done (kiosks, online-form posters, sampling plan,
 * fieldwork, supervision, results) and its live collection against the sample target.
 */
import type { Campaign } from '@hailong/contracts';
import { useT } from '@/lib/i18n';
import { ChannelFormsPanel } from './channel-forms-panel';
import { PosterLinks } from './poster-links';
import { SipasLivePanel } from './sipas-live-panel';

export function SipasPanels({ campaign }: { campaign: Campaign }) {
  const t = useT();
  const id = campaign.id;
  const links: { href: string; vi: string; en: string }[] = [
    { href: '/admin/kiosks', vi: 'Máy tính bảng tại quầy: thêm máy, ghép nối, theo dõi', en: 'Counter kiosks: add, pair, watch' },
    {
      href: `/admin/campaigns/${id}/plan`,
      vi: 'Kế hoạch chọn mẫu: chỉ tiêu đơn vị, địa bàn xã/ấp',
      en: 'Sampling plan: unit targets, communes and hamlets',
    },
    {
      href: `/admin/campaigns/${id}/fieldwork`,
      vi: 'Điều tra thực địa (Bưu điện): tài khoản, phân công, tiến độ, thù lao',
      en: 'Fieldwork (Post Office): accounts, assignments, progress, pay',
    },
    { href: `/supervision/${id}`, vi: 'Giám sát: duyệt phiếu, phúc tra', en: 'Supervision: review queue, back-checks' },
    {
      href: `/admin/campaigns/${id}/results`,
      vi: 'Kết quả SIPAS: theo đơn vị, theo quầy, theo ngày; phiếu nghi ngờ',
      en: 'SIPAS results: by unit, counter and day; suspect responses',
    },
  ];
  return (
    <>
      <nav className="admin-card" aria-labelledby="sipas-work-title">
        <h2 id="sipas-work-title">{t('Công việc của đợt SIPAS', 'Work of this SIPAS campaign')}</h2>
        <ul className="links">
          {links.map((l) => (
            <li key={l.href}>
              <a href={l.href}>{t(l.vi, l.en)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <ChannelFormsPanel campaignId={id} />
      <PosterLinks />
      <SipasLivePanel campaignId={id} />
    </>
  );
}
