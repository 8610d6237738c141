// A React 19 app using the widgets from the npm package. React 19 sets a
// property on a custom element whenever the element has it, so the app waits
// for `defined` before its first render (a host that bundles the file may run before the tags are defined).
// Custom events are props named `on` + the event's name.
import {useState} from 'react';
import {createRoot} from 'react-dom/client';
import {defined} from 'klimapartner-widgets';
import {CARD, DEADLINE, EXPIRES, FORM, describe} from '../shared.js';

function App() {
  const [log, setLog] = useState([]);
  const [thanks, setThanks] = useState('');
  const note = (event) => setLog((all) => [...all, describe(event)]);
  const success = (event) => {
    note(event);
    setThanks(`Danke! (${event.detail.data._form})`);
  };
  return (
    <main>
      <h1>Klimapartnerschaften (React)</h1>
      <kp-countdown deadline={DEADLINE} timeZone="Europe/Berlin" label="Interessensbekundung" onkp-expired={note}></kp-countdown>
      <kp-countdown id="expiring" deadline={EXPIRES} label="Gleich vorbei" onkp-expired={note}></kp-countdown>
      <kp-contact-card {...CARD}></kp-contact-card>
      <kp-newsletter-signup {...FORM} withName={true} onkp-submit={note} onkp-success={success}></kp-newsletter-signup>
      <kp-interest-form deadline={DEADLINE} {...FORM} timeZone="Europe/Berlin" onkp-submit={note} onkp-success={success}></kp-interest-form>
      <p id="thanks">{thanks}</p>
      <ol id="log">{log.map((line, i) => <li key={i}>{line}</li>)}</ol>
    </main>
  );
}

await defined;
createRoot(document.getElementById('root')).render(<App />);
