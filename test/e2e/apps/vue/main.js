// A Vue 3 app using the widgets from the npm package. It mounts at once: the
// `.prop` bindings are set before the tags are defined (they upgrade later).
import {createApp} from 'vue';
import 'klimapartner-widgets';
import App from './App.vue';

createApp(App).mount('#app');
