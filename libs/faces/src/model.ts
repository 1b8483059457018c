// The face models, run on TensorFlow.js's WebAssembly backend. The weights ship inside the @vladmandic/face-api package
// and the WebAssembly binaries inside @tensorflow/tfjs-backend-wasm: both are read from node_modules, nothing is fetched.
// Loaded once per thread (describer-worker.ts): the backend and the weights are process-wide state of TensorFlow.js.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as FaceApi from '@vladmandic/face-api';
import type { RgbImage } from './decode.js';
import { FACE_MODEL, MIN_DETECTION_SCORE, type FaceDescription } from './description.js';

const require = createRequire(import.meta.url);

type Tf = typeof import('@tensorflow/tfjs');
type Wasm = typeof import('@tensorflow/tfjs-backend-wasm');

export interface LoadedModels {
  /** milliseconds from the first require to the models ready */
  loadMs: number;
  describe(image: RgbImage): Promise<FaceDescription>;
}

/** Where the package's own model files are. */
export function modelDirectory(): string {
  return join(dirname(require.resolve('@vladmandic/face-api/package.json')), 'model');
}

export async function loadModels(): Promise<LoadedModels> {
  const started = performance.now();
  const tf = require('@tensorflow/tfjs') as Tf;
  const wasm = require('@tensorflow/tfjs-backend-wasm') as Wasm;
  const faceapi = require('@vladmandic/face-api/dist/face-api.node-wasm.js') as typeof FaceApi;
  // The .wasm files beside the backend's own script (its default is a CDN).
  wasm.setWasmPaths(`${dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);
  if (!(await tf.setBackend('wasm'))) throw new Error('the WebAssembly backend of TensorFlow.js did not start');
  await tf.ready();
  const dir = modelDirectory();
  await faceapi.nets.ssdMobilenetv1.loadFromDisk(dir);
  await faceapi.nets.faceLandmark68Net.loadFromDisk(dir);
  await faceapi.nets.faceRecognitionNet.loadFromDisk(dir);
  const options = new faceapi.SsdMobilenetv1Options({ minConfidence: MIN_DETECTION_SCORE, maxResults: 20 });

  return {
    loadMs: performance.now() - started,
    async describe(image) {
      const input = tf.tensor3d(image.data, [image.height, image.width, 3], 'int32');
      try {
        const faces = await faceapi.detectAllFaces(input as never, options).withFaceLandmarks().withFaceDescriptors();
        if (faces.length === 0) return { status: 'NO_FACE', model: FACE_MODEL };
        // A report's photo is of the child: where there are several faces (a family photo), the largest.
        const area = (f: (typeof faces)[number]) => f.detection.box.width * f.detection.box.height;
        const face = faces.reduce((a, b) => (area(b) > area(a) ? b : a));
        const { x, y, width, height } = face.detection.box;
        return {
          status: 'DESCRIBED',
          descriptor: Array.from(face.descriptor),
          detectionScore: face.detection.score,
          faces: faces.length,
          box: { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) },
          model: FACE_MODEL,
        };
      } finally {
        input.dispose();
      }
    },
  };
}
