// What describing a photograph gives: one face's descriptor, or why there is none.

/** The models that computed a descriptor: descriptors of different models are not comparable. */
export const FACE_MODEL = 'face-api-1.7.15:ssd-mobilenetv1+landmark68+recognition';

/** Length of a descriptor (the recognition network's embedding). */
export const DESCRIPTOR_LENGTH = 128;

/** A detected face's box, in pixels of the photo. */
export interface FaceBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type FaceDescription =
  | {
      status: 'DESCRIBED';
      /** 128 numbers; the Euclidean distance between two says how alike the faces are */
      descriptor: number[];
      /** the detector's confidence in the face described (0..1) */
      detectionScore: number;
      /** faces detected in the photo; the largest is described */
      faces: number;
      box: FaceBox;
      model: string;
    }
  | { status: 'NO_FACE'; model: string }
  | { status: 'UNREADABLE'; reason: string; model: string };

/** Faces the detector is less sure of than this are not described (a face-like pattern on a shirt). */
export const MIN_DETECTION_SCORE = 0.5;
