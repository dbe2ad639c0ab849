// The files feature: evidence uploads (sniffed, size-checked, metadata stripped), where
// they are stored, and the QR code of a return code. Other features import from here only.
export { assertSafeStorageKey, type FileStorage, UnsafeStorageKeyError } from './file-storage.js';
export {
  DEFAULT_ALLOWED_UPLOAD_TYPES,
  DEFAULT_MAX_UPLOAD_BYTES,
  DEFAULT_MAX_UPLOAD_PIXELS,
  type InspectedUpload,
  type InspectUploadOptions,
  inspectUpload,
  type UploadRefusal,
} from './inspect-upload.js';
export { LocalDiskStorage } from './local-disk.storage.js';
export { MemoryStorage } from './memory.storage.js';
export { DEFAULT_QR_SIZE_PX, renderReturnCodeQr, renderReturnCodeQrSvg } from './return-code-qr.js';
export { type ReturnLabelContent, renderReturnLabelPdf } from './return-label-pdf.js';
