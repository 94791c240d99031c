/** Ways an alert reaches a user who is looking elsewhere: a browser notification, a short tone. */
import type { AlertEvent } from '../../engine/alerts';
import { CONTEXT_TEXT, describeAlert } from './describe';

export function notificationsSupported(): boolean {
  return typeof Notification !== 'undefined';
}

export async function requestNotificationPermission(): Promise<NotificationPermission> {
  if (!notificationsSupported()) return 'denied';
  return Notification.requestPermission();
}

export function notify(fired: AlertEvent[]): void {
  if (!notificationsSupported() || Notification.permission !== 'granted') return;
  for (const e of fired.slice(0, 3)) {
    new Notification('Margin Radar alert', { body: `${describeAlert(e)} (${CONTEXT_TEXT[e.context]})`, tag: e.key });
  }
}

let audio: AudioContext | null = null;

/** A 0.15 s tone made in the page: no sound file, nothing fetched. */
export function beep(): void {
  try {
    audio ??= new AudioContext();
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.frequency.value = 880;
    gain.gain.value = 0.08;
    osc.connect(gain).connect(audio.destination);
    osc.start();
    osc.stop(audio.currentTime + 0.15);
  } catch {
    // audio blocked until a user gesture: the alert is still listed and notified
  }
}
