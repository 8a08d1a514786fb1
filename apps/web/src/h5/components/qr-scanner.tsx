import { useEffect, useId, useRef, useState } from 'react';
import Button from 'antd-mobile/es/components/button';
import { decodeImageFile, loadDecoder, type QrDecoder } from '../../lib/qr-decode';

/** The scanner's words, already translated by the page (each page has its own catalog section). */
export type QrScannerLabels = {
  openCamera: string;
  closeCamera: string;
  choosePhoto: string;
  /** The accessible name of the camera preview. */
  camera: string;
  cameraError: string;
  noCodeInPhoto: string;
  /** Shown while a chosen photo is decoded; without it nothing is shown. */
  reading?: string;
};

/**
 * Camera scanning (frames from getUserMedia decoded with jsQR, loaded lazily) and the "choose a photo"
 * fallback. Renders its pieces without a wrapper, so the page decides the layout around them.
 */
export function QrScanner({
  onText,
  labels,
  videoClassName,
  fileButtonClassName,
}: {
  onText: (text: string) => void;
  labels: QrScannerLabels;
  videoClassName: string;
  fileButtonClassName: string;
}) {
  const [camera, setCamera] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [reading, setReading] = useState(false);
  const inputId = useId();

  const onFile = async (file: File | undefined) => {
    setProblem(null);
    if (!file) return;
    setReading(true);
    const text = await decodeImageFile(file);
    setReading(false);
    if (text) onText(text);
    else setProblem(labels.noCodeInPhoto);
  };

  return (
    <>
      {camera ? (
        <>
          <CameraView
            className={videoClassName}
            label={labels.camera}
            onText={(text) => {
              setCamera(false);
              setProblem(null);
              onText(text);
            }}
            onError={() => {
              setCamera(false);
              setProblem(labels.cameraError);
            }}
          />
          <Button block onClick={() => setCamera(false)}>
            {labels.closeCamera}
          </Button>
        </>
      ) : (
        <Button block color="primary" onClick={() => setCamera(true)}>
          {labels.openCamera}
        </Button>
      )}
      <label className={fileButtonClassName} htmlFor={inputId}>
        {labels.choosePhoto}
        <input
          id={inputId}
          className="visually-hidden"
          type="file"
          accept="image/*"
          onChange={(event) => {
            void onFile(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </label>
      {reading && labels.reading && (
        <p role="status" className="h5-muted">
          {labels.reading}
        </p>
      )}
      {problem && (
        <p role="alert" className="h5-error">
          {problem}
        </p>
      )}
    </>
  );
}

function CameraView({
  className,
  label,
  onText,
  onError,
}: {
  className: string;
  label: string;
  onText: (text: string) => void;
  onError: () => void;
}) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const handlers = useRef({ onText, onError });
  useEffect(() => {
    handlers.current = { onText, onError };
  });

  useEffect(() => {
    let stream: MediaStream | null = null;
    let frame = 0;
    let stopped = false;
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });

    let decode: QrDecoder | null = null;

    const tick = () => {
      if (stopped) return;
      const video = videoRef.current;
      if (decode && video && context && video.readyState >= 2 && video.videoWidth > 0) {
        const scale = Math.min(1, 720 / Math.max(video.videoWidth, video.videoHeight));
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
        const text = decode(pixels.data, canvas.width, canvas.height);
        if (text) {
          stopped = true;
          handlers.current.onText(text);
          return;
        }
      }
      frame = requestAnimationFrame(tick);
    };

    if (!navigator.mediaDevices?.getUserMedia) {
      handlers.current.onError();
      return;
    }
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' }, audio: false })
      .then(async (media) => {
        stream = media;
        decode = await loadDecoder();
        // Unmounted while the camera was starting: let it go at once.
        if (stopped || !videoRef.current) {
          media.getTracks().forEach((track) => track.stop());
          return;
        }
        videoRef.current.srcObject = media;
        await videoRef.current.play();
        frame = requestAnimationFrame(tick);
      })
      .catch(() => {
        if (!stopped) handlers.current.onError();
      });
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return <video ref={videoRef} className={className} muted playsInline aria-label={label} />;
}
