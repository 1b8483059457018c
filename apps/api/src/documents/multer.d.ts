// multer (a dependency of @nestjs/platform-express) ships no types: what the upload interceptor uses of it.
declare module 'multer' {
  import type { RequestHandler } from 'express';
  interface Limits {
    fileSize?: number;
    files?: number;
    fields?: number;
    fieldSize?: number;
    parts?: number;
  }
  interface Multer {
    single(field: string): RequestHandler;
  }
  function multer(options?: { storage?: unknown; limits?: Limits }): Multer;
  namespace multer {
    function memoryStorage(): unknown;
    class MulterError extends Error {
      code: string;
      field?: string;
    }
  }
  export default multer;
}
