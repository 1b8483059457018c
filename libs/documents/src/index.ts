export { DocumentStore, sha256 } from './store.js';
export { sniffUpload, type Sniffed, type UploadType } from './sniff.js';
export { dateInWords, ORDER_TEMPLATES, ORDER_WORDS, type OrderTemplate } from './orders.js';
export { renderOrderPdf, stopRenderer, type OrderSheet } from './render.js';
export { DocumentVault, orderSheet, SEALED_UPLOADS, UploadRefused, type Uploader } from './vault.js';
