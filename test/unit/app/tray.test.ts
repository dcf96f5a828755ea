// The tray glue with `electron` mocked: a 1x and a 2x PNG per icon, a template image on macOS,
// the menu template from the pure menu, clicks coming back as TrayActions, redraws only on change.
import { describe, expect, it, vi } from 'vitest';

const fake = vi.hoisted(() => {
  const images: { reps: { scaleFactor: number; width: number; buffer: Buffer }[]; template: boolean }[] = [];
  const tray = { setImage: vi.fn(), setToolTip: vi.fn(), setContextMenu: vi.fn(), on: vi.fn(), getBounds: () => ({ x: 0, y: 0, width: 0, height: 0 }), destroy: vi.fn() };
  return { images, tray };
});

vi.mock('electron', () => ({
  nativeImage: {
    createEmpty: () => {
      const image = { reps: [] as { scaleFactor: number; width: number; buffer: Buffer }[], template: false };
      fake.images.push(image);
      return {
        addRepresentation: (r: { scaleFactor: number; width: number; buffer: Buffer }) => image.reps.push(r),
        setTemplateImage: (t: boolean) => (image.template = t),
      };
    },
  },
  nativeTheme: { shouldUseDarkColors: false, on: vi.fn() },
  Tray: vi.fn(function FakeTray() {
    return fake.tray;
  }),
  Menu: { buildFromTemplate: (t: unknown) => t },
}));

describe('trayImage', () => {
  it('holds a 1x and a 2x PNG at the desktop size, a template on macOS', async () => {
    const { trayImage } = await import('../../../main/app/tray');
    trayImage('ringing', 2, 'light', 'linux');
    const linux = fake.images.at(-1)!;
    expect(linux.reps.map((r) => [r.scaleFactor, r.width])).toEqual([[1, 24], [2, 48]]);
    expect(linux.reps[0]!.buffer.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(linux.template).toBe(false);
    trayImage('idle', 0, 'template', 'darwin');
    expect(fake.images.at(-1)!.template).toBe(true);
  });
});

describe('TrayController', () => {
  it('shows the line: icon, tooltip and a menu whose clicks come back as actions; redraws only what changed', async () => {
    const { TrayController } = await import('../../../main/app/tray');
    const onAction = vi.fn();
    const tray = new TrayController({ productName: 'CTI', platform: 'linux', onAction, onClick: vi.fn() });
    const line = { lineId: 'L1', deviceNumber: '1101', connection: { state: 'monitored' as const, eventMode: 'udp' as const, since: 1 }, calls: [], popups: [], forwards: [], doNotDisturb: false, messageWaiting: false, missedCalls: 0 };
    fake.tray.setImage.mockClear();
    fake.tray.setContextMenu.mockClear();
    tray.update({ line, clipboardNumber: null, redial: [] });
    expect(fake.tray.setToolTip).toHaveBeenLastCalledWith('CTI · 1101: available');
    expect(fake.tray.setImage).toHaveBeenCalledOnce();
    const menu = fake.tray.setContextMenu.mock.calls.at(-1)![0] as { label?: string; type?: string; checked?: boolean; click?: () => void }[];
    const dnd = menu.find((i) => i.label === 'Do not disturb')!;
    expect(dnd).toMatchObject({ type: 'checkbox', checked: false });
    dnd.click!();
    expect(onAction).toHaveBeenCalledWith({ type: 'setDnd', on: true });
    tray.update({ line, clipboardNumber: null, redial: [] });
    expect(fake.tray.setImage).toHaveBeenCalledOnce();
    expect(fake.tray.setContextMenu).toHaveBeenCalledOnce();
    tray.update({ line: { ...line, doNotDisturb: true }, clipboardNumber: null, redial: [] });
    expect(fake.tray.setImage).toHaveBeenCalledTimes(2);
    expect(fake.tray.setToolTip).toHaveBeenLastCalledWith('CTI · 1101: do not disturb');
  });
});
