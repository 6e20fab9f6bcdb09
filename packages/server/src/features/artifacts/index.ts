export type { ArtifactBlobStorage, BlobUpload } from './artifact-blob-storage.js';
export { artifactDirOf, incomingDirOf } from './artifact-dir.js';
export { createFilesystemBlobStorage } from './filesystem-blob-storage.js';
export { artifactRoutes, SIGNATURE_HEADER } from './routes.js';
export { createArtifactService } from './service.js';
export type { ArtifactDeps, ArtifactDownload, ArtifactService, ArtifactUpload } from './service.js';
