// Bundles only: replaces mime-db (133 KB, every media type known) under mime-types, in mime-db's own shape.
// In a function, mime-types is reached only by form-data (node-sdk's multipart requests), which asks it for
// the type of a named file part; a name not listed here gets `false` from mime-types, and form-data then sends
// application/octet-stream — the type node-sdk's callers send anyway. Entries copied from mime-db 1.52.
// Listed in scripts/bundle-replacements.ts.
module.exports = {
  'application/json': { charset: 'UTF-8', compressible: true, extensions: ['json', 'map'] },
  'application/octet-stream': { compressible: false, extensions: ['bin'] },
  'application/pdf': { compressible: false, extensions: ['pdf'] },
  'application/zip': { compressible: false, extensions: ['zip'] },
  'application/msword': { compressible: false, extensions: ['doc'] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    compressible: false,
    extensions: ['docx'],
  },
  'application/vnd.ms-excel': { compressible: false, extensions: ['xls'] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { compressible: false, extensions: ['xlsx'] },
  'application/vnd.ms-powerpoint': { compressible: false, extensions: ['ppt'] },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    compressible: false,
    extensions: ['pptx'],
  },
  'audio/mpeg': { compressible: false, extensions: ['mp3'] },
  'image/gif': { compressible: false, extensions: ['gif'] },
  'image/jpeg': { compressible: false, extensions: ['jpeg', 'jpg'] },
  'image/png': { compressible: false, extensions: ['png'] },
  'image/svg+xml': { compressible: true, extensions: ['svg'] },
  'image/webp': { extensions: ['webp'] },
  'text/html': { compressible: true, extensions: ['html', 'htm'] },
  'text/markdown': { compressible: true, extensions: ['md', 'markdown'] },
  'text/plain': { compressible: true, extensions: ['txt', 'text', 'log'] },
  'video/mp4': { compressible: false, extensions: ['mp4'] },
};
