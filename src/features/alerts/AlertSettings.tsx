import { useState } from 'react';
import { saveAlertConfig, useAlertConfig } from './config';
import { notificationsSupported, requestNotificationPermission } from './signal';

/** Notifications only after the browser grants them; sound off unless turned on. */
export function AlertSettings() {
  const config = useAlertConfig();
  const [permission, setPermission] = useState(() => (notificationsSupported() ? Notification.permission : 'denied'));
  const toggleNotify = async (on: boolean) => {
    if (on && permission !== 'granted') {
      const answer = await requestNotificationPermission();
      setPermission(answer);
      if (answer !== 'granted') return;
    }
    saveAlertConfig({ ...config, notify: on });
  };
  return (
    <div className="alerts__settings">
      <label>
        <input type="checkbox" checked={config.notify && permission === 'granted'} disabled={!notificationsSupported()} onChange={(e) => void toggleNotify(e.currentTarget.checked)} /> Browser notifications
      </label>
      {permission === 'denied' && notificationsSupported() ? <span className="hint"> (blocked in this browser's site settings)</span> : null}
      <label>
        <input type="checkbox" checked={config.sound} onChange={(e) => saveAlertConfig({ ...config, sound: e.currentTarget.checked })} /> Sound
      </label>
    </div>
  );
}
