export { notify, type NotifyInput } from './notify.js';
