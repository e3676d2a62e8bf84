// Desktop notifications (ShellServices.notify): someone assigned me a follow-up, one of mine
// became overdue. Where the system has no notification service (Notification.isSupported()
// false: some Linux desktops) nothing is shown and nothing throws: the window's toast, which
// the core always sends, still tells the user. A click brings the window back.
import { Notification, type BrowserWindow } from 'electron';

export function createDesktopNotifier(liveWindow: () => BrowserWindow | null): (title: string, body: string) => void {
  // Held until the notification closes: Electron drops the click handler of a Notification
  // that has been garbage-collected, and a click would then do nothing.
  const shown = new Set<Notification>();
  return (title, body) => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ title, body });
    shown.add(notification);
    notification.on('close', () => {
      shown.delete(notification);
    });
    notification.on('click', () => {
      shown.delete(notification);
      const window = liveWindow();
      if (window === null) return;
      if (window.isMinimized()) window.restore();
      window.focus();
    });
    notification.show();
  };
}
