// Drives tus-js-client (the reference tus client) against the API for the upload tests.
//   node upload.mjs <endpoint> <file> <accessToken> [uploadUrl|-] [killAfterBytes] [chunkSize]
// With an uploadUrl it resumes that upload from the server's offset (HEAD) instead of creating one. With
// killAfterBytes the process SIGKILLs itself once that many bytes are sent: no cleanup, no graceful close, exactly
// like a crashed browser tab or a `kill -9` from outside. A chunkSize splits the upload into PATCHes of that many
// bytes (as browsers behind size-limited proxies do); without it the rest of the file goes in one PATCH.
// Prints one event per line on stdout: "url <uploadUrl>", "offset <Upload-Offset from a HEAD>", "video <id>".
import fs from 'node:fs';
import tus from 'tus-js-client';

const [endpoint, file, token, uploadUrl, killAfter, chunkSize] = process.argv.slice(2);
const size = fs.statSync(file).size;
const killAt = killAfter ? Number(killAfter) : Infinity;

const upload = new tus.Upload(fs.createReadStream(file), {
  endpoint,
  uploadUrl: uploadUrl && uploadUrl !== '-' ? uploadUrl : undefined,
  uploadSize: size,
  chunkSize: chunkSize ? Number(chunkSize) : Infinity,
  headers: { Authorization: `Bearer ${token}` },
  metadata: { filename: 'source.mp4', filetype: 'video/mp4', title: 'Uploaded by tus-js-client', description: 'Killed and resumed' },
  storeFingerprintForResuming: false,
  // 409 (another request still holds the upload, e.g. the dead client's PATCH not yet noticed) is retried after a HEAD.
  retryDelays: [100, 300, 1000, 2000, 3000, 5000],
  onUploadUrlAvailable: () => console.log(`url ${upload.url}`),
  onAfterResponse: (req, res) => {
    if (req.getMethod() === 'HEAD') console.log(`offset ${res.getHeader('Upload-Offset')}`);
  },
  onProgress: (sent) => {
    if (sent >= killAt) {
      console.log(`killing ${sent}`);
      process.kill(process.pid, 'SIGKILL');
    }
  },
  onSuccess: ({ lastResponse }) => {
    console.log(`video ${lastResponse.getHeader('X-Video-Id')}`);
  },
  onError: (error) => {
    console.error(`error ${error}`);
    process.exitCode = 1;
  },
});
upload.start();
